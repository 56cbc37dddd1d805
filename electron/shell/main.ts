import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron';
import { AppError } from '../../shared/api/app-error.ts';
import { APP_VERSION } from '../app-version.ts';
import { dataFileIn } from '../data-location.ts';
import { makeOwnerOnlyDir } from '../db/owner-only.ts';
import { setAuditActor } from '../db/repositories/audit-repo.ts';
import { SECURITY_HEADERS } from '../server/security-headers.ts';
import { readStatic } from '../server/static-files.ts';
import { type AppSession, openAppSession } from '../services/app-session.ts';
import { createDispatcher } from '../services/dispatch.ts';
import { dropDevHooks } from './dev-hooks.ts';
import { registerIpc } from './ipc.ts';
import { buildChineseMenu } from './menu.ts';
import { APP_HOST, APP_SCHEME, APP_URL, isAppUrl, secureWindowOptions } from './window-options.ts';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
// Fonts and code lists ship as plain files beside the app (extraResources in a package).
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
// An installed app takes nothing from development hooks in its environment (dev-hooks.ts).
if (app.isPackaged) dropDevHooks(process.env);
process.env.SELFEVAL_FONT_DIR ??= join(resourcesDir, 'fonts');
process.env.SELFEVAL_CODES_DIR ??= join(resourcesDir, 'codes');

// The app is served from its own privileged scheme rather than file://, so the origin is fixed
// and CSP, fetch and storage behave as on a normal origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

let mainWindow: BrowserWindow | null = null;
// Holds the data file (and its writer lock) for the life of the app, restores included. A file
// that cannot be used does not stop start-up: the window shows the recovery screen.
let appSession: AppSession | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same data file: hand over to the first one and leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(start, (err) => fail(err));
}

function fail(err: unknown): void {
  const message = err instanceof AppError ? err.message : `启动失败：${(err as Error)?.message ?? String(err)}`;
  dialog.showErrorBox('部门整体支出绩效自评', message);
  app.exit(1);
}

function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    // Nothing may leave the machine: only the app scheme and in-page data/blob URLs load.
    const ok = isAppUrl(details.url) || details.url.startsWith('data:') || details.url.startsWith('blob:') || details.url.startsWith('devtools:');
    callback({ cancel: !ok });
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

async function start(): Promise<void> {
  try {
    const dataFile = resolve(argValue('db') ?? dataFileIn(app.getPath('userData')));
    makeOwnerOnlyDir(dirname(dataFile));
    setAuditActor(userInfo().username);
    appSession = openAppSession({ dataFile, tool: 'app', transport: 'ipc', appVersion: APP_VERSION });
    registerIpc(createDispatcher(appSession.ctx));
    hardenSessions();
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
      const file = await readStatic(rendererDir, url.pathname);
      if (!file) return new Response('Not found', { status: 404 });
      return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
    });
    Menu.setApplicationMenu(buildChineseMenu(() => mainWindow, dataFile, APP_VERSION));
    mainWindow = new BrowserWindow(secureWindowOptions(join(here, 'preload.cjs'), { devTools: process.env.SELFEVAL_DEVTOOLS === '1' }));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.webContents.on('render-process-gone', (_e, details) => {
      dialog.showErrorBox('部门整体支出绩效自评', `界面进程意外退出（${details.reason}），已保存的数据不受影响。请重新打开程序。`);
    });
    await mainWindow.loadURL(APP_URL);
  } catch (err) {
    fail(err);
  }
}

app.on('window-all-closed', () => {
  const closing = appSession?.close();
  appSession = null;
  // A daily backup under way is finished first, so quitting never leaves it half-written.
  void Promise.resolve(closing)
    .catch(() => {})
    .finally(() => app.quit());
});
