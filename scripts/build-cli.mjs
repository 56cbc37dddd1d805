#!/usr/bin/env node
// Compiles the `selfeval` command line into dist/cli (run by `npm run build` and by npm's `prepare`
// after every install of this checkout), so the command starts without a TypeScript loader: the
// entry chunk holds argument parsing and help; each command's services load on its first call.
// npm packages stay external (better-sqlite3 is native). Without esbuild (a production-only
// install) there is nothing to do: the command then runs from source through tsx if present.
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli');

export async function buildCli() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    process.stderr.write('build-cli: esbuild is not installed; the selfeval command will run from source.\n');
    return false;
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    define: { 'process.env.SELFEVAL_APP_VERSION': JSON.stringify(pkg.version) },
  };
  await esbuild.build({
    ...common,
    entryPoints: { selfeval: 'electron/cli/main.ts' },
    outdir: out,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
  });
  // The spreadsheet parser's worker thread, found by run-parse.ts as ./parse-worker.js beside the
  // module that starts it (the chunk holding run-parse.ts).
  // The same for the db worker (backups, page checks), found by db-worker-client.ts as ./db-worker.js.
  await esbuild.build({
    ...common,
    entryPoints: { 'parse-worker': 'electron/import/parse-worker.ts', 'db-worker': 'electron/db/db-worker.ts' },
    outdir: join(out, 'chunks'),
  });
  cpSync(join(root, 'electron/db/migrations'), join(out, 'chunks', 'migrations'), { recursive: true });
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
