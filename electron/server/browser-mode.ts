import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { APP_VERSION } from '../app-version.ts';
import { makeOwnerOnlyDir } from '../db/owner-only.ts';
import { setAuditActor } from '../db/repositories/audit-repo.ts';
import { type AppSession, openAppSession } from '../services/app-session.ts';
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
  /** What start-up found; a damaged, newer or locked file still serves the recovery screen. */
  session: AppSession;
  close(): Promise<void>;
}

/** Opens the data file and serves the app on 127.0.0.1 (used by `npm start` without Electron and by e2e tests). */
export async function startBrowserMode(opts: BrowserModeOptions): Promise<BrowserModeApp> {
  const dataFile = resolve(opts.dataFile);
  makeOwnerOnlyDir(dirname(dataFile));
  setAuditActor(userInfo().username);
  const session = openAppSession({ dataFile, tool: 'browser', transport: 'http', appVersion: APP_VERSION });
  let server: LoopbackServer;
  try {
    server = await startLoopbackServer({
      dispatch: createDispatcher(session.ctx),
      staticDir: opts.staticDir,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.token !== undefined ? { token: opts.token } : {}),
    });
  } catch (err) {
    await session.close();
    throw err;
  }
  return {
    server,
    dataFile,
    session,
    async close() {
      await server.close();
      await session.close();
    },
  };
}
