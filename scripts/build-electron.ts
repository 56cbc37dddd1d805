import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const OUT = resolve('dist/electron');

/**
 * Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS: sandboxed preloads
 * cannot be modules) into dist/electron, with the migrations beside them. npm packages stay
 * external; electron-builder ships the production ones.
 */
export async function buildElectron(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node22',
    sourcemap: false,
    logLevel: 'warning' as const,
    define: { 'process.env.SELFEVAL_APP_VERSION': JSON.stringify(pkg.version) },
  };
  await build({
    ...common,
    entryPoints: { main: 'electron/shell/main.ts' },
    outdir: OUT,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
  });
  // The spreadsheet parser's worker thread, found by run-parse.ts as ./parse-worker.js beside main,
  // and the db worker (backups, page checks), found by db-worker-client.ts as ./db-worker.js.
  await build({
    ...common,
    entryPoints: { 'parse-worker': 'electron/import/parse-worker.ts', 'db-worker': 'electron/db/db-worker.ts' },
    outdir: OUT,
    format: 'esm',
    packages: 'external',
  });
  await build({
    ...common,
    entryPoints: { preload: 'electron/shell/preload.ts' },
    outdir: OUT,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  });
  cpSync('electron/db/migrations', resolve(OUT, 'migrations'), { recursive: true });
}
