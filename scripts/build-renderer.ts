import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const OUT = resolve('dist/renderer');
const SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/renderer is missing or older than any renderer or shared source file. */
export function rendererIsStale(): boolean {
  const index = join(OUT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => existsSync(s) && newestMtime(s) > built);
}

/**
 * Builds the renderer into a private folder and swaps it into place, so a page being served from
 * dist/renderer never sees a half-emptied folder while another process rebuilds.
 */
export async function buildRenderer(opts: { force?: boolean } = {}): Promise<boolean> {
  if (!opts.force && !rendererIsStale()) return false;
  const tmp = `${OUT}.tmp-${process.pid}`;
  // Always a production bundle, even when called from vitest (which sets NODE_ENV=test and would
  // otherwise get React's development build and JSX runtime).
  const previousEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve('vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = previousEnv;
  }
  const old = `${OUT}.old-${process.pid}`;
  if (existsSync(OUT)) renameSync(OUT, old);
  renameSync(tmp, OUT);
  rmSync(old, { recursive: true, force: true });
  return true;
}
