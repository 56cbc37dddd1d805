import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { tempPath } from '../temp-db.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('import --debit-means', () => {
  it('says what 借 means in a 借/贷 ledger, and refuses any other value', async () => {
    const csv = tempPath('借贷.csv');
    writeFileSync(csv, '日期,摘要,借方金额,贷方金额\n2023-03-05,购办公用品,100.00,\n2023-03-06,收到财政拨款,,500.00\n');
    const totals = async (means: string) => {
      const db = tempPath(`${means}.db`);
      const r = await cli('import', csv, '--db', db, '--year', '2023', '--into', 'ledger', '--debit-means', means, '--json');
      expect(r.code, r.err).toBe(0);
      const j = JSON.parse(r.out) as { outflowFen: number; inflowFen: number };
      return [j.outflowFen, j.inflowFen];
    };
    expect(await totals('out')).toEqual([10_000, 50_000]);
    expect(await totals('in')).toEqual([50_000, 10_000]);
    const bad = await cli('import', csv, '--db', tempPath('bad.db'), '--year', '2023', '--into', 'ledger', '--debit-means', '支出');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--debit-means 只能是 out（借方为支出）或 in（借方为收入），收到：支出');
  });
});
