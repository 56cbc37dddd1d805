import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_ONLY_ENV, dropDevHooks } from '../../../electron/shell/dev-hooks.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mts|cts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('development hooks in a packaged app', () => {
  it('lists every SELFEVAL_* variable the app reads, so the packaged shell drops them all', () => {
    const read = new Set<string>();
    for (const file of sources('electron')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/process\.env(?:\.|\[['"])(SELFEVAL_[A-Z0-9_]+)/g)) read.add(m[1]!);
    }
    expect(read.size).toBeGreaterThan(0);
    const unlisted = [...read].filter((name) => !(DEV_ONLY_ENV as readonly string[]).includes(name));
    expect(unlisted).toEqual([]);
  });

  it('removes them from the environment and says which were set', () => {
    const env: NodeJS.ProcessEnv = { SELFEVAL_SQLITE_BINDING: '/tmp/evil.node', SELFEVAL_DEVTOOLS: '1', PATH: '/usr/bin' };
    expect(dropDevHooks(env)).toEqual(['SELFEVAL_SQLITE_BINDING', 'SELFEVAL_DEVTOOLS']);
    expect(env).toEqual({ PATH: '/usr/bin' });
  });
});
