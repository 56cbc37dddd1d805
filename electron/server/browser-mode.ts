import { userInfo } from 'node:os';
import { setAuditActor } from '../db/repositories/audit-repo.ts';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { APP_VERSION } from '../app-version.ts';
import { openDataFile } from '../db/open-data-file.ts';
import { startDailyBackups } from '../services/backup-service.ts';
import { createDispatcher } from '../services/dispatch.ts';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.ts';

export interface BrowserModeOptions {
  dataFile: string;
  staticDir: string | null;
  port?: number;
  token?: string;
}

export interface BrowserModeApp {
  server: LoopbackServer;
  dataFile: string;
  close(): Promise<void>;
}

/** Opens the data file and serves the app on 127.0.0.1 (used by `npm start` without Electron and by e2e tests). */
export async function startBrowserMode(opts: BrowserModeOptions): Promise<BrowserModeApp> {
  const dataFile = resolve(opts.dataFile);
  mkdirSync(dirname(dataFile), { recursive: true });
  const db = openDataFile(dataFile, 'browser');
  setAuditActor(userInfo().username);
  const ctx = { db, dataFile, appVersion: APP_VERSION, transport: 'http' as const };
  const dispatch = createDispatcher(ctx);
  const stopBackups = startDailyBackups(ctx, (e) => console.error('每日备份失败：', e));
  const server = await startLoopbackServer({
    dispatch,
    staticDir: opts.staticDir,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.token !== undefined ? { token: opts.token } : {}),
  });
  return {
    server,
    dataFile,
    async close() {
      stopBackups();
      await server.close();
      ctx.db.close();
    },
  };
}
