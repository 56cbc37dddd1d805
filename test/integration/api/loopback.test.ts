import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { AppError } from '../../../shared/api/app-error.ts';
import { type BrowserModeApp, startBrowserMode } from '../../../electron/server/browser-mode.ts';
import { MAX_BODY_BYTES, startLoopbackServer, TOKEN_HEADER } from '../../../electron/server/loopback-server.ts';
import { tempPath } from '../temp-db.ts';

interface Reply {
  status: number;
  body: string;
}

// Raw requests, so the test controls every header (fetch would set Host and Origin itself).
function raw(port: number, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path ?? '/api/call', headers: opts.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    // The server may close the connection while a refused oversized body is still being sent.
    req.on('socket', (s) => s.on('error', () => {}));
    req.on('error', (err) => (/EPIPE|ECONNRESET/.test(String(err)) ? resolve({ status: -1, body: '' }) : reject(err)));
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('loopback browser-mode transport', () => {
  let app: BrowserModeApp;
  const call = JSON.stringify({ method: 'setup.state', input: {} });
  const good = () => ({ 'content-type': 'application/json', [TOKEN_HEADER]: app.server.token, host: `127.0.0.1:${app.server.port}` });

  beforeAll(async () => {
    app = await startBrowserMode({ dataFile: tempPath(), staticDir: null });
  });
  afterAll(async () => {
    await app.close();
  });

  it('listens on 127.0.0.1 only and hands the token over in the URL fragment', () => {
    expect(app.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(app.server.appUrl).toBe(`${app.server.url}/#token=${app.server.token}`);
    expect(app.server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves a call with the token', async () => {
    const r = await raw(app.server.port, { headers: good(), body: call });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, data: { department: null, units: [], years: [] } });
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const { [TOKEN_HEADER]: _t, ...noToken } = good();
    for (const headers of [noToken, { ...good(), [TOKEN_HEADER]: 'f'.repeat(64) }]) {
      const r = await raw(app.server.port, { headers, body: call });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('refuses a foreign Origin even with the token', async () => {
    const r = await raw(app.server.port, { headers: { ...good(), origin: 'http://evil.example' }, body: call });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.message).toContain('其他网站');
  });

  it('refuses a DNS-rebinding Host header', async () => {
    const r = await raw(app.server.port, { headers: { ...good(), host: `evil.example:${app.server.port}` }, body: call });
    expect(r.status).toBe(421);
  });

  it('refuses an oversized body, declared or streamed', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);
    const declared = await raw(app.server.port, { headers: { ...good(), 'content-length': String(big.length) }, body: big });
    expect([413, -1]).toContain(declared.status);
    const streamed = await raw(app.server.port, { headers: { ...good(), 'transfer-encoding': 'chunked' }, body: big });
    expect([413, -1]).toContain(streamed.status);
    // Either way the server is still up and nothing was dispatched.
    const after = await raw(app.server.port, { headers: good(), body: call });
    expect(JSON.parse(after.body)).toEqual({ ok: true, data: { department: null, units: [], years: [] } });
  });

  it('refuses non-JSON and malformed requests with Chinese messages', async () => {
    const a = await raw(app.server.port, { headers: { ...good(), 'content-type': 'text/plain' }, body: call });
    expect(a.status).toBe(415);
    const b = await raw(app.server.port, { headers: good(), body: '{not json' });
    expect(JSON.parse(b.body).error.message).toContain('不是有效的 JSON');
  });

  it('answers a malformed request address with 400, not an internal error', async () => {
    const host = { host: `127.0.0.1:${app.server.port}` };
    for (const path of ['/%E0%A4%A', '/%', '/assets/%ZZ.js', '/a%00b', '/api/%E0']) {
      const r = await raw(app.server.port, { method: 'GET', path, headers: host });
      expect([path, r.status]).toEqual([path, 400]);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求地址格式错误。' } });
    }
    const ok = await raw(app.server.port, { method: 'GET', path: '/%E6%B5%81', headers: host });
    expect(ok.status).not.toBe(400);
  });

  it('refuses upload names that are no file name with a Chinese message and no temp path', async () => {
    for (const fileName of ['.', '..', 'a/..', '???']) {
      const r = await raw(app.server.port, {
        headers: good(),
        body: JSON.stringify({ method: 'import.upload', input: { fileName, base64: Buffer.from('a,b\n').toString('base64') } }),
      });
      const body = JSON.parse(r.body);
      expect(body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(body.error.message).toMatch(/^文件名“.*”无效/);
      expect(body.error.message).not.toMatch(/selfeval-uploads|\/tmp|内部错误/);
    }
    const con = await raw(app.server.port, {
      headers: good(),
      body: JSON.stringify({ method: 'import.upload', input: { fileName: 'CON.csv', base64: Buffer.from('a,b\n').toString('base64') } }),
    });
    expect(JSON.parse(con.body)).toMatchObject({ ok: true, data: { name: '_CON.csv' } });
  });

  it('gives the same typed errors as the in-process dispatcher through the shared client', async () => {
    const client = createClient({
      async invoke(method, input) {
        const r = await raw(app.server.port, { headers: good(), body: JSON.stringify({ method, input }) });
        return JSON.parse(r.body);
      },
    });
    await expect(client.call('department.save', { name: '', code: '' })).rejects.toThrow(AppError);
    await expect(client.call('department.save', { name: '', code: '' })).rejects.toThrow('部门名称不能为空');
    const dept = await client.call('department.save', { name: '测试部门', code: '' });
    expect(dept.name).toBe('测试部门');
  });
});

describe('an unexpected failure behind the loopback server', () => {
  it('answers 500 with a generic Chinese message and an error id, and logs the details only server-side', async () => {
    const logged: Array<{ line: string; err: unknown }> = [];
    const secret = 'SQLITE_CORRUPT at /home/someone/私密文件夹/data.db';
    const server = await startLoopbackServer({
      dispatch: async () => {
        throw new Error(secret);
      },
      staticDir: null,
      logError: (line, err) => logged.push({ line, err }),
    });
    try {
      const r = await raw(server.port, {
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, host: `127.0.0.1:${server.port}` },
        body: JSON.stringify({ method: 'setup.state', input: {} }),
      });
      expect(r.status).toBe(500);
      expect(r.body).not.toContain('SQLITE');
      expect(r.body).not.toContain('私密文件夹');
      const body = JSON.parse(r.body) as { ok: false; error: { code: string; message: string } };
      expect(body.error.code).toBe('INTERNAL');
      const id = /错误编号 ([0-9a-f]{8})/.exec(body.error.message)?.[1];
      expect(id, body.error.message).toBeDefined();
      expect(body.error.message).toContain('操作未完成');
      expect(logged).toHaveLength(1);
      expect(logged[0]!.line).toBe(`[${id}] POST /api/call`);
      expect((logged[0]!.err as Error).message).toBe(secret);
    } finally {
      await server.close();
    }
  });
});
