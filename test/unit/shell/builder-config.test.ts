import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// electron-builder cannot run here (it downloads Electron); check what can be checked.
describe('electron-builder.yml', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
    win: { target: Array<{ target: string; arch: string[] }>; icon: string };
    nsis: Record<string, unknown>;
    linux: { target: Array<{ target: string; arch: string[] }>; icon: string };
    afterPack: string;
    asarUnpack: string[];
    files: string[];
  };

  it('targets Windows NSIS x64 (Chinese, per user) and Linux deb + AppImage on x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, installerLanguages: ['zh_CN'], deleteAppDataOnUninstall: false });
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('packs into asar, rebuilds and unpacks the native module, and flips the fuses', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    const afterPack = readFileSync(config.afterPack, 'utf8');
    for (const fuse of ['RunAsNode]: false', 'EnableNodeCliInspectArguments]: false', 'EnableEmbeddedAsarIntegrityValidation]: true', 'OnlyLoadAppFromAsar]: true']) {
      expect(afterPack).toContain(fuse);
    }
  });

  it('ships no build tools: tsx and esbuild are development dependencies and excluded from the app', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    for (const tool of ['tsx', 'esbuild']) expect(pkg.dependencies).not.toHaveProperty(tool);
    expect(config.files).toContain('!**/node_modules/{tsx,esbuild,@esbuild}/**');
  });

  it('names only files that exist', () => {
    for (const f of [config.win.icon, config.linux.icon, config.afterPack, 'resources']) expect(existsSync(f), f).toBe(true);
  });
});
