import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, type AppErrorCode } from '../../shared/api/app-error.ts';
import { ApiRequest } from '../../shared/api/envelope.ts';
import type { Dispatch } from '../services/dispatch.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { decodeRequestPath, readStatic } from './static-files.ts';

export const TOKEN_HEADER = 'x-selfeval-token';
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface LoopbackServer {
  url: string;
  /** URL that hands the token to the renderer (in the fragment, which browsers never send). */
  appUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  dispatch: Dispatch;
  staticDir: string | null;
  port?: number;
  token?: string;
  /** Where an unexpected failure's details go (default: stderr); the browser gets only its id. */
  logError?: (line: string, err: unknown) => void;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: AppErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: new AppError(code, message).toPayload() });
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Browser mode: the same contract dispatcher served on 127.0.0.1 only. Every request must carry
 * the Host this server was bound to (defeats DNS rebinding); API calls must also carry the
 * per-launch token and, when the browser sends one, our own Origin.
 */
export async function startLoopbackServer(opts: LoopbackOptions): Promise<LoopbackServer> {
  const token = opts.token ?? randomBytes(32).toString('hex');
  const logError = opts.logError ?? ((line, err) => console.error(`内部错误 ${line}`, err));
  let port = 0;
  const server: Server = createServer(async (req, res) => {
    try {
      const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      if (!allowedHosts.includes(req.headers.host ?? '')) {
        refuse(res, 421, 'UNAUTHORIZED', '拒绝访问：请求的主机名不是本机地址。');
        return;
      }
      const url = req.url ?? '/';
      const decoded = url.startsWith('/') ? decodeRequestPath(url) : null;
      if (decoded === null || decoded.includes('\0')) {
        refuse(res, 400, 'VALIDATION', '请求地址格式错误。');
        return;
      }
      if (url === '/api/call' || url.startsWith('/api/')) {
        await handleApi(req, res);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        refuse(res, 405, 'UNAUTHORIZED', '不支持的请求方法。');
        return;
      }
      if (!opts.staticDir) {
        refuse(res, 404, 'NOT_FOUND', '界面文件未构建。');
        return;
      }
      const file = await readStatic(opts.staticDir, url);
      if (!file) {
        refuse(res, 404, 'NOT_FOUND', '找不到该文件。');
        return;
      }
      const isHtml = file.contentType.startsWith('text/html');
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': file.contentType,
        'Cache-Control': isHtml ? 'no-store' : 'max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    } catch (err) {
      // The error's own text can name paths and SQL: it stays in this process's log, and the
      // page gets an id the user can quote.
      const errorId = randomBytes(4).toString('hex');
      logError(`[${errorId}] ${req.method ?? ''} ${req.url ?? ''}`, err);
      if (res.headersSent) res.destroy();
      else refuse(res, 500, 'INTERNAL', `内部错误（错误编号 ${errorId}），操作未完成。请重试；如仍出错，请把错误编号告诉维护人员。`);
    }
  });

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/api/call') {
      refuse(res, 404, 'NOT_FOUND', '未知的接口地址。');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      refuse(res, 403, 'UNAUTHORIZED', '拒绝访问：请求来自其他网站。');
      return;
    }
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      refuse(res, 401, 'UNAUTHORIZED', '拒绝访问：缺少或错误的访问令牌。请使用启动时显示的地址打开。');
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      refuse(res, 415, 'VALIDATION', '请求格式错误：需要 JSON。');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      refuse(res, 413, 'VALIDATION', `请求过大（超过 ${MAX_BODY_BYTES / 1024 / 1024} MB），已拒绝。`);
      req.destroy();
      return;
    }
    const text = await readBody(req, MAX_BODY_BYTES);
    if (text === null) {
      refuse(res, 413, 'VALIDATION', `请求过大（超过 ${MAX_BODY_BYTES / 1024 / 1024} MB），已拒绝。`);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      refuse(res, 400, 'VALIDATION', '请求格式错误：不是有效的 JSON。');
      return;
    }
    const parsed = ApiRequest.safeParse(body);
    if (!parsed.success) {
      refuse(res, 400, 'VALIDATION', '请求格式错误：缺少接口名称。');
      return;
    }
    sendJson(res, 200, await opts.dispatch(parsed.data.method, parsed.data.input));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    appUrl: `${url}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
