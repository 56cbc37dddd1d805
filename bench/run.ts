import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './case.ts';

// `npm run bench [-- name…]`: runs every case in bench/cases (or the named ones) and prints one
// line each: `BENCH <case> ratio=<r> limit=<l> <detail>`. The exit code is 1 if any ratio is over
// its limit, so a release check can gate on it; the test suite never times anything.
const dir = fileURLToPath(new URL('./cases/', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
let failed = 0;
for (const file of files) {
  const mod = (await import(new URL(`./cases/${file}`, import.meta.url).href)) as { default?: BenchCase | BenchCase[] };
  const cases = ([] as BenchCase[]).concat(mod.default ?? []);
  for (const c of cases) {
    if (only.length > 0 && !only.includes(c.name)) continue;
    try {
      const r = await c.run();
      const ok = r.ratio <= c.limit;
      if (!ok) failed++;
      process.stdout.write(`BENCH ${c.name} ratio=${r.ratio.toFixed(2)} limit=${c.limit}${r.detail ? ` ${r.detail}` : ''}${ok ? '' : ' OVER_LIMIT'}\n`);
    } catch (err) {
      failed++;
      process.stdout.write(`BENCH ${c.name} ratio=NaN limit=${c.limit} error=${JSON.stringify(String((err as Error).message ?? err))}\n`);
    }
  }
}
process.exitCode = failed > 0 ? 1 : 0;
