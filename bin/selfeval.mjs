#!/usr/bin/env node
// The `selfeval` command. It runs the CLI compiled into dist/cli (scripts/build-cli.mjs, run by
// `npm run build` and by npm's `prepare` on install), so no TypeScript loader is needed. In a
// source checkout whose sources changed after that build, it runs them through tsx instead, so a
// developer never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'selfeval.mjs');

// The compiled modules live in dist/cli, not beside resources/ as the sources do.
process.env.SELFEVAL_FONT_DIR ??= join(root, 'resources', 'fonts');
process.env.SELFEVAL_CODES_DIR ??= join(root, 'resources', 'codes');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  if (!existsSync(bundle)) return false;
  const sources = ['electron', 'shared'].map((d) => join(root, d)).filter((d) => existsSync(d));
  if (sources.length === 0) return true;
  const built = statSync(bundle).mtimeMs;
  return sources.every((d) => newestSource(d) <= built);
}

let runCli;
if (bundleIsCurrent()) {
  ({ runCli } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../electron/cli/main.ts'));
}
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(`${t}\n`),
  stderr: (t) => process.stderr.write(`${t}\n`),
});
