import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { downloadFailureText, lastFailedAttempt, recordAttempt, shouldTryDownload } from './electron-download-attempt.ts';

const require = createRequire(import.meta.url);

/** Path of the Electron executable if it is installed, without triggering Electron's download. */
export function installedElectron(): string | null {
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron');
  if (!existsSync(pathFile)) return null;
  const exe = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(exe) ? exe : null;
}

/**
 * Electron 45 downloads its binary on first use rather than at install, so `npm install` works
 * offline. Try that download (honouring ELECTRON_MIRROR for mainland networks) unless it failed
 * within the last day; a machine that cannot reach the host gets null and the app falls back to
 * browser mode.
 */
export function tryInstallElectron(opts: { marker: string; forced: boolean; timeoutMs?: number }): string | null {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  let installer: string;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return null;
  }
  const previous = lastFailedAttempt(opts.marker);
  if (!shouldTryDownload(opts.marker, Date.now(), opts.forced)) {
    process.stdout.write(`Electron 程序文件上次下载失败：${previous?.reason ?? ''}\n本次不再尝试（设置 ELECTRON_MIRROR 后可用 npm start -- --retry-electron 重试）。\n`);
    return null;
  }
  process.stdout.write(previous ? '正在重新尝试下载 Electron 程序文件…\n' : '正在下载 Electron 程序文件（只在第一次启动时需要）…\n');
  const r = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], timeout: opts.timeoutMs ?? 120_000, encoding: 'utf8' });
  const failure = r.status === 0 ? null : downloadFailureText(r.stderr ?? '', r.error !== undefined || r.signal !== null);
  recordAttempt(opts.marker, Date.now(), failure);
  if (failure) process.stdout.write(`Electron 程序文件下载失败：${failure}\n`);
  return failure === null ? installedElectron() : null;
}

export function electronVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
}
