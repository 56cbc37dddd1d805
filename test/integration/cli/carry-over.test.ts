import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { CliSummary } from '../../../shared/budget/schemas.ts';
import { countyBureauYear } from '../../fixtures/year-files/county-bureau.ts';
import { tempPath } from '../temp-db.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('上年结转结余 in a budget file', () => {
  it('imports from a 资金来源 column, counts in 全年预算数 and the execution rate, not in 预算调整率, and explains spending beyond the year\'s income', async () => {
    const doc = tempPath('bureau.json');
    writeFileSync(doc, JSON.stringify(countyBureauYear()));
    const db = tempPath('bureau.db');
    expect((await cli('import-year', '--db', db, '--from', doc, '--new-file')).code).toBe(0);
    const before = CliSummary.parse(JSON.parse((await cli('summary', '--db', db, '--year', '2023', '--json')).out));
    // Spending runs 1,400.00 元 past this year's income before the carry-over is entered.
    expect(before.actualFen - before.budgetFen).toBe(140_000);

    const csv = tempPath('结转指标.csv');
    writeFileSync(
      csv,
      '功能分类科目,经济分类科目,资金来源,支出类型,年初预算数,调整数,全年预算数\n' +
        '2010601 行政运行,30201 办公费,上年结转结余,公用经费,50000,0,50000\n' +
        '2010601 行政运行,30211 差旅费,上年结转,公用经费,10000,0,10000\n',
    );
    const imported = await cli('import', csv, '--db', db, '--year', '2023', '--into', 'budget', '--json');
    expect(JSON.parse(imported.out)).toMatchObject({ ok: true, rowsImported: 2, finalFen: 6_000_000 });

    const s = CliSummary.parse(JSON.parse((await cli('summary', '--db', db, '--year', '2023', '--json')).out));
    expect(s.byFundingSource.find((r) => r.fundingSource === 'carry_over')).toEqual({
      fundingSource: 'carry_over',
      budgetFen: 6_000_000,
      actualFen: 0,
      executionRate: 0,
    });
    expect(s.carryOverFen).toBe(6_000_000);
    expect(s.budgetFen).toBe(before.budgetFen + 6_000_000);
    // 344.64 ÷ 350.50 万元 (carry-over included) = 98.33%.
    expect(s.executionRate).toBe(98.33);
    expect(s.adjustmentRate).toBe(before.adjustmentRate);

    const text = (await cli('summary', '--db', db, '--year', '2023')).out;
    expect(text).toContain(
      '本年度部门全年预算收入 350.50 万元，其中：一般公共预算财政拨款收入 342.50 万元，占 97.72%；单位资金等其他收入 2.00 万元，占 0.57%；上年结转结余 6.00 万元，占 1.71%。',
    );
    expect(text).toContain('部门预算完成率为 98.33%（全年预算数含上年结转结余 6.00 万元）。支出超出本年收入的 0.14 万元由上年结转结余安排。');
    expect(text).not.toContain('财政下达');
  });
});
