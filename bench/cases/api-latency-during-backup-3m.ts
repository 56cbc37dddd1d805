import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupDirFor, backupStem } from '../../electron/db/backup.ts';
import { startBrowserMode } from '../../electron/server/browser-mode.ts';
import { TOKEN_HEADER } from '../../electron/server/loopback-server.ts';
import { backupNow } from '../../electron/services/backup-service.ts';
import { formatBackupName } from '../../shared/backup/schemas.ts';
import type { BenchCase } from '../case.ts';
import { dataFile3m, ROWS_3M } from '../data-3m.ts';

// The slowest answer of a cheap API call (app.info, over browser mode's loopback HTTP) called
// again and again while a manual backup (backup.now) backs up the 3M-row data file, against the slowest answer of
// the same call repeated idle for as long as the backup took (at most a minute; so both maxima
// come from about as many calls). Wall time, measured in this process.

const GAP_MS = 5;
// The idle span is as long as the backup took, at most this (fewer idle calls can only lower the
// idle maximum, i.e. raise the ratio).
const IDLE_CAP_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const latencyCase: BenchCase = {
  name: 'api-latency-during-backup-3m',
  limit: 3,
  async run() {
    const file = await dataFile3m();
    rmSync(backupDirFor(file), { recursive: true, force: true });
    // A (placeholder) backup dated today, so the daily backup of the start does not run: the one
    // measured below is the only backup.
    mkdirSync(backupDirFor(file), { recursive: true });
    writeFileSync(join(backupDirFor(file), formatBackupName(backupStem(file), new Date(), 'daily')), '');
    const app = await startBrowserMode({ dataFile: file, staticDir: null });
    const call = async (method: string): Promise<{ ms: number; body: { ok: boolean; data?: unknown; error?: unknown } }> => {
      const t = performance.now();
      const res = await fetch(`${app.server.url}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: app.server.token },
        body: JSON.stringify({ method, input: {} }),
      });
      const body = (await res.json()) as { ok: boolean };
      return { ms: performance.now() - t, body };
    };
    try {
      // The start-up page check and the daily backup run first, so only the measured backup runs below.
      await app.session.backgroundCheckDone();
      for (;;) {
        const s = (await call('backup.status')).body.data as { running: unknown } | undefined;
        if (!s) throw new Error('backup.status 没有回答');
        if (!s.running) break;
        await sleep(200);
      }
      for (let i = 0; i < 20; i++) await call('app.info');

      const during: number[] = [];
      let backupEnded = false;
      const t0 = performance.now();
      // Started in-process (what backup.now does) rather than over HTTP: on a loaded machine the
      // backup outlasts an HTTP client's header timeout.
      const backup = backupNow(app.session.ctx, 'manual').finally(() => {
        backupEnded = true;
      });
      while (!backupEnded) {
        const r = await call('app.info');
        if (!r.body.ok) throw new Error(`app.info 失败：${JSON.stringify(r.body)}`);
        if (!backupEnded) during.push(r.ms);
        await sleep(GAP_MS);
      }
      const backupMs = performance.now() - t0;
      await backup;

      const idle: number[] = [];
      const t1 = performance.now();
      while (performance.now() - t1 < Math.min(backupMs, IDLE_CAP_MS)) {
        idle.push((await call('app.info')).ms);
        await sleep(GAP_MS);
      }
      const maxDuring = Math.max(...during);
      const maxIdle = Math.max(...idle);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      return {
        ratio: maxDuring / maxIdle,
        detail: `wall: slowest app.info during a backup of the ${ROWS_3M}-row file ${maxDuring.toFixed(1)} ms (${during.length} calls, median ${median(during).toFixed(1)} ms; backup ${(backupMs / 1000).toFixed(1)} s) vs idle ${maxIdle.toFixed(1)} ms (${idle.length} calls, median ${median(idle).toFixed(1)} ms)`,
      };
    } finally {
      await app.close();
      rmSync(backupDirFor(file), { recursive: true, force: true });
    }
  },
};

export default latencyCase;
