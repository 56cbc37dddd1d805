import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { buildElectron } from './build-electron.ts';
import { installedElectron, tryInstallElectron } from './electron-binary.ts';
import { ensureElectronNativeModule } from './electron-native.ts';
import { buildRenderer } from './build-renderer.ts';

// `npm start`: the desktop window where Electron can run; otherwise browser mode on 127.0.0.1.
const browserOnly = process.argv.includes('--browser');
const retryElectron = process.argv.includes('--retry-electron');
const passThrough = process.argv.slice(2).filter((a) => a !== '--browser' && a !== '--retry-electron');

if (await buildRenderer()) process.stdout.write('界面已构建。\n');

const electron = browserOnly ? null : (installedElectron() ?? tryInstallElectron({ marker: resolve('build', 'electron-download-failed.json'), forced: retryElectron }));
if (electron) {
  await buildElectron();
  const binding = ensureElectronNativeModule();
  const child = spawn(electron, ['dist/electron/main.mjs', ...passThrough], {
    stdio: 'inherit',
    env: { ...process.env, ...(binding ? { SELFEVAL_SQLITE_BINDING: binding } : {}) },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!browserOnly) {
    process.stdout.write('没有可用的 Electron 程序文件，改用浏览器模式启动（功能相同，在浏览器中使用）。\n');
  }
  process.argv = [process.argv[0]!, 'electron/server/main.ts', ...passThrough];
  await import('../electron/server/main.ts');
}
