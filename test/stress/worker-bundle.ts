import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './kill-harness.ts';

// The import worker as the packaged app runs it: parse-worker.ts bundled by esbuild (here with its
// packages inlined, in an ESM folder of its own). From the TypeScript sources every worker would first load tsx and compile the
// pipeline (~0.5 s a start); the bundle starts in ~0.1 s, which is what makes ten thousand fuzz
// inputs through real, capped workers affordable. One bundle per process (test files run in
// parallel forks).

let built: Promise<string> | null = null;

export function parseWorkerBundle(): Promise<string> {
  built ??= (async () => {
    const dir = join(tmpdir(), `selfeval-parse-worker-${process.pid}`);
    const file = join(dir, 'parse-worker.js');
    if (existsSync(file)) return file;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    await build({
      absWorkingDir: REPO_ROOT,
      entryPoints: { 'parse-worker': join(REPO_ROOT, 'electron', 'import', 'parse-worker.ts') },
      outdir: dir,
      // SheetJS stays in its own chunk, loaded only for .xls/.ods/HTML/SpreadsheetML (as in the app).
      splitting: true,
      minify: true,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
      // CommonJS packages inside an ESM bundle still call require() for Node built-ins.
      banner: { js: "import { createRequire as __selfevalRequire } from 'node:module'; const require = __selfevalRequire(import.meta.url);" },
    });
    return file;
  })();
  return built;
}
