import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { tempPath } from '../temp-db.ts';

// panyu-2021-v1.json was written by `export-year` before the department self-reference and
// carry-over migrations: files users already hold must keep importing with the same figures.
const V1_FILE = join(import.meta.dirname, '../../fixtures/year-files/panyu-2021-v1.json');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('a version 1 year file from before the self-reference and carry-over schema', () => {
  it('imports with the example totals, rate and score', async () => {
    const db = tempPath('v1.db');
    const r = await cli('import-year', '--db', db, '--from', V1_FILE, '--new-file', '--json');
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse((await cli('summary', '--db', db, '--year', '2021', '--json')).out);
    expect(s).toMatchObject({ budgetFen: 3_982_330_000, actualFen: 3_752_630_000, executionRate: 94.23, carryOverFen: 0 });
    const score = JSON.parse((await cli('score', '--db', db, '--year', '2021', '--json')).out);
    expect(score).toMatchObject({ total: 94.21, complete: true });
    const text = (await cli('score', '--db', db, '--year', '2021')).out;
    expect(text).toContain('2021 年度我办部门整体支出绩效自评分数为 94.21 分');
  });
});
