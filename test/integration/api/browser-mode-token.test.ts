import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Browser mode started as a real child process, with a stand-in `xdg-open` on PATH that records
// what it was given and keeps running with those arguments on its command line: while the app runs, no process this user can inspect holds
// the launch token in its command line or environment, and the page handed to the opener is
// readable by its owner only.

const linux = process.platform === 'linux' && existsSync('/proc/self/cmdline');
if (!linux) console.log('SKIP browser-mode token test: needs Linux /proc to read other processes’ command lines');

const root = mkdtempSync(join(tmpdir(), 'selfeval-token-'));
let server: ChildProcess | null = null;
let openerPid: number | null = null;

afterAll(() => {
  if (server?.pid && server.exitCode === null) server.kill('SIGTERM');
  if (openerPid) {
    try {
      // The opener was started detached: its process group is the stand-in shell and its sleep.
      process.kill(-openerPid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(root, { recursive: true, force: true });
});

function waitFor<T>(what: string, probe: () => T | null, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  return new Promise((done, fail) => {
    const tick = () => {
      const v = probe();
      if (v !== null) return done(v);
      if (Date.now() > until) return fail(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 100);
    };
    tick();
  });
}

function readProc(pid: string, part: 'cmdline' | 'environ'): string | null {
  try {
    return readFileSync(`/proc/${pid}/${part}`).toString('latin1');
  } catch {
    return null;
  }
}

describe.skipIf(!linux)('browser mode keeps its token off command lines and environments', () => {
  it('opens the browser through an owner-only page; no readable process holds the token', async () => {
    const bin = join(root, 'bin');
    mkdirSync(bin);
    const opener = join(bin, 'xdg-open');
    writeFileSync(opener, `#!/bin/sh\necho $$ > "${bin}/opener-pid"\nprintf '%s\\n' "$@" > "${bin}/opened-with"\nsleep 300\n`);
    chmodSync(opener, 0o755);
    const staticDir = join(root, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');

    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
    delete env.CI;
    // The app only calls an opener where a desktop exists; the stand-in plays that desktop.
    env.DISPLAY = ':99';
    let stdout = '';
    server = spawn(process.execPath, ['--import', 'tsx', resolve('electron/server/main.ts'), '--db', join(root, 'data', 'selfeval.db'), '--static', staticDir], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    server.stderr!.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });

    const page = await waitFor('the opener to be called', () => (existsSync(join(bin, 'opened-with')) ? readFileSync(join(bin, 'opened-with'), 'utf8').trim() : null));
    openerPid = Number(await waitFor('the opener pid', () => (existsSync(join(bin, 'opener-pid')) ? readFileSync(join(bin, 'opener-pid'), 'utf8').trim() || null : null)));
    await waitFor('the start-up message', () => (stdout.includes('Ctrl+C') ? true : null));

    // The opener got a file, and that file holds the token (positive control for the scan below).
    expect(page.startsWith('/')).toBe(true);
    const html = readFileSync(page, 'utf8');
    const m = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{64})/.exec(html);
    expect(m, html).not.toBeNull();
    const [, port, token] = m!;
    expect(statSync(page).mode & 0o777).toBe(0o600);
    expect(statSync(join(page, '..')).mode & 0o777).toBe(0o700);
    expect(stdout).not.toContain(token);

    // The token found in the page is the live one.
    const res = await fetch(`http://127.0.0.1:${port}/api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-selfeval-token': token! },
      body: JSON.stringify({ method: 'setup.state', input: {} }),
    });
    expect(res.status).toBe(200);

    // Every process this user can read, the app's tree included.
    const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
    const tree = new Set([String(server.pid), String(openerPid)]);
    let inspectedTree = 0;
    const holders: string[] = [];
    for (const pid of pids) {
      for (const part of ['cmdline', 'environ'] as const) {
        const text = readProc(pid, part);
        if (text === null) continue;
        if (tree.has(pid)) inspectedTree++;
        if (text.includes(token!)) holders.push(`${pid} ${part}: ${(readProc(pid, 'cmdline') ?? '').replace(/\0/g, ' ').slice(0, 200)}`);
      }
    }
    expect(inspectedTree).toBe(4);
    expect((readProc(String(openerPid), 'cmdline') ?? '').split('\0')).toContain(page);
    expect(holders).toEqual([]);

    // The page goes away with the app.
    server.kill('SIGTERM');
    await waitFor('browser mode to exit', () => (server!.exitCode !== null || server!.signalCode !== null ? true : null));
    expect(existsSync(page)).toBe(false);
  }, 120_000);
});
