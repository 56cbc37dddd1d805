import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
 * offline. Try that download once (honouring ELECTRON_MIRROR for mainland networks); a machine
 * that cannot reach the host gets null quickly and the app falls back to browser mode.
 */
export function tryInstallElectron(timeoutMs = 120_000): string | null {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  let installer: string;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return null;
  }
  process.stdout.write('正在下载 Electron 程序文件（仅首次）…\n');
  const r = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], timeout: timeoutMs, encoding: 'utf8' });
  if (r.status !== 0) {
    const reason = (r.stderr ?? '').split('\n').find((l) => l.trim()) ?? '超时';
    process.stdout.write(`Electron 下载失败：${reason}\n`);
  }
  return r.status === 0 ? installedElectron() : null;
}

export function electronVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
}
