import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from '../case.ts';

// `selfeval --help` through bin/selfeval.mjs (the compiled CLI in dist/cli) against a bare
// `node -e 0`, interleaved, wall time of whole processes, medians of five. Help must load the
// command list only, never the database, spreadsheet or report stacks.

const RUNS = 5;
const bin = fileURLToPath(new URL('../../bin/selfeval.mjs', import.meta.url));
const bundle = fileURLToPath(new URL('../../dist/cli/selfeval.mjs', import.meta.url));

function wall(args: string[]): number {
  const t = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const cliHelp: BenchCase = {
  name: 'cli-help',
  limit: 5,
  async run() {
    if (!existsSync(bundle)) throw new Error('dist/cli/selfeval.mjs is missing: run `npm run build:cli` (npm install does it).');
    wall(['-e', '0']);
    wall([bin, '--help']);
    const bare: number[] = [];
    const help: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(wall(['-e', '0']));
      help.push(wall([bin, '--help']));
    }
    const b = median(bare);
    const h = median(help);
    return { ratio: h / b, detail: `help_ms=${h.toFixed(0)} bare_ms=${b.toFixed(0)}` };
  },
};

export default cliHelp;
