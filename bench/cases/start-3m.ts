import { spawn } from 'node:child_process';
import { cpSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKEN_HEADER } from '../../electron/server/loopback-server.ts';
import type { BenchCase } from '../case.ts';
import { dataFile3m, emptyDataFile, ROWS_3M } from '../data-3m.ts';

// Start to first API answer: a process starts browser mode (the same start-up as the desktop app:
// writer lock, health check, open) on the 3M-row data file, and the time from spawning it to the
// answer of its first data call (setup.state) is compared with the same on an empty data file.
// Wall time; the child runs bundled as the app ships; runs interleaved, the fastest of each compared.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = 3;

/**
 * The child bundled as the app ships (esbuild, the db worker beside it, migrations copied), so
 * the time is the start-up's and not tsx compiling the sources. Under dist/ so that the npm
 * packages it leaves external resolve from the repository's node_modules.
 */
async function buildChild(): Promise<string> {
  const { build } = await import('esbuild');
  const out = join(root, 'dist', 'bench-start');
  await build({
    entryPoints: { 'start-child': join(root, 'bench/start-child.ts'), 'db-worker': join(root, 'electron/db/db-worker.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: out,
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    logLevel: 'warning',
  });
  // db-worker-client.ts looks for ./db-worker.js beside the bundle.
  renameSync(join(out, 'db-worker.mjs'), join(out, 'db-worker.js'));
  cpSync(join(root, 'electron/db/migrations'), join(out, 'migrations'), { recursive: true });
  return join(out, 'start-child.mjs');
}

function firstAnswerMs(child0: string, dataFile: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [child0, dataFile], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let answered: number | null = null;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout.on('data', async (d: Buffer) => {
      out += d.toString();
      if (answered !== null || !out.includes('\n')) return;
      answered = 0;
      try {
        const { url, token } = JSON.parse(out.split('\n')[0]!) as { url: string; token: string };
        const res = await fetch(`${url}/api/call`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify({ method: 'setup.state', input: {} }),
        });
        const body = (await res.json()) as { ok: boolean };
        answered = performance.now() - t0;
        if (!body.ok) throw new Error(`setup.state 未成功：${JSON.stringify(body)}`);
        child.kill('SIGTERM');
      } catch (e) {
        child.kill('SIGTERM');
        reject(e);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (answered) resolvePromise(answered);
      else reject(new Error(`启动子进程失败（退出码 ${code}）：${err.slice(-2000)}`));
    });
  });
}

const startCase: BenchCase = {
  name: 'start-3m',
  limit: 1.5,
  async run() {
    const big = await dataFile3m();
    const empty = emptyDataFile();
    const child = await buildChild();
    const bigMs: number[] = [];
    const emptyMs: number[] = [];
    // One warm-up of each (tsx's transform cache, the file in the page cache), not counted.
    await firstAnswerMs(child, empty);
    await firstAnswerMs(child, big);
    for (let i = 0; i < RUNS; i++) {
      emptyMs.push(await firstAnswerMs(child, empty));
      bigMs.push(await firstAnswerMs(child, big));
    }
    const b = Math.min(...bigMs);
    const e = Math.min(...emptyMs);
    return {
      ratio: b / e,
      detail: `wall: start to first answer (setup.state) ${ROWS_3M}-row file ${b.toFixed(0)} ms vs empty file ${e.toFixed(0)} ms (fastest of ${RUNS}; runs 3m=[${bigMs.map((x) => x.toFixed(0)).join(',')}] empty=[${emptyMs.map((x) => x.toFixed(0)).join(',')}])`,
    };
  },
};

export default startCase;
