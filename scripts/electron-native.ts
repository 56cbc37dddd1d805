import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { electronVersion } from './electron-binary.ts';

const require = createRequire(import.meta.url);

/**
 * better-sqlite3 is a native module: tests and the CLI use the build for Node in node_modules,
 * while the Electron window needs one built against Electron's ABI. This builds that second copy
 * in a scratch folder (node-gyp with Electron's headers) and keeps it in build/electron-native/,
 * passed to the main process through SELFEVAL_SQLITE_BINDING. Returns null when it cannot be
 * built (no headers reachable); the window then reports the failure in Chinese.
 */
export function ensureElectronNativeModule(): string | null {
  const version = electronVersion();
  const target = resolve('build', 'electron-native', version, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const src = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'selfeval-native-'));
  cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${join('build', 'Release')}`) });
  const distUrl = process.env.ELECTRON_HEADERS_MIRROR ?? 'https://electronjs.org/headers';
  process.stdout.write(`正在为 Electron ${version} 编译 better-sqlite3（仅首次，约 2 分钟）…\n`);
  const r = spawnSync(
    process.platform === 'win32' ? 'npx.cmd' : 'npx',
    ['node-gyp', 'rebuild', '--release', `--target=${version}`, '--runtime=electron', `--dist-url=${distUrl}`, '--nodedir='],
    { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
  );
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (r.status !== 0 || !existsSync(built)) {
    rmSync(work, { recursive: true, force: true });
    return null;
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(built, target);
  rmSync(work, { recursive: true, force: true });
  return target;
}
