import { beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../../electron/cli/commands/check.ts';
import { summaryCommand } from '../../../electron/cli/commands/summary.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { linkTransactions } from '../../../electron/services/execution-service.ts';
import { CliSummary } from '../../../shared/budget/schemas.ts';
import { CheckRun } from '../../../shared/checks/schemas.ts';
import { buildExample } from './build-example.ts';

let file: string;
beforeAll(() => {
  const ex = buildExample({ withPreviousYear: true });
  linkTransactions(ex.db, { yearId: ex.current.yearId });
  file = ex.file;
  ex.db.close();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, [summaryCommand, checkCommand]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('selfeval summary / check', () => {
  it('prints the summary JSON with stable names and the exact figures', async () => {
    const r = await cli('summary', '--db', file, '--year', '2021', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(CliSummary.parse(s)).toEqual(s);
    expect(s).toMatchObject({ budgetFen: 3982330000, actualFen: 3752630000, basicFen: 3260920000, projectFen: 491710000, executionRate: 94.23 });
    expect(Object.keys(s).slice(0, 6)).toEqual(['year', 'budgetFen', 'actualFen', 'basicFen', 'projectFen', 'executionRate']);
    expect(s.byCategory.map((c: { category: string }) => c.category)).toEqual(['personnel', 'public', 'project']);
    expect(s.byFundingSource).toEqual([{ fundingSource: 'general_budget', budgetFen: 3982330000, actualFen: 3752630000, executionRate: 94.23 }]);
    expect(s.byMonth).toHaveLength(12);
  });

  it('prints a Chinese summary with the paragraph', async () => {
    const r = await cli('summary', '--db', file, '--year', '2021');
    expect(r.code).toBe(0);
    expect(r.out).toContain('预算数 3982.33（年初 3765.08，调整 217.25，预算调整率 5.77%）');
    expect(r.out).toContain('支出数 3752.63，执行率 94.23%，结余 229.70');
    expect(r.out).toContain('本年度财政下达预算收入指标 3982.33 万元，均为一般公共预算财政拨款收入。');
  });

  it('lists the checks, and exits 0 when nothing blocks', async () => {
    const r = await cli('check', '--db', file, '--year', '2021', '--json');
    expect(r.code).toBe(0);
    const run = CheckRun.parse(JSON.parse(r.out));
    expect(run.findings.map((f) => f.checkId)).toEqual([
      'execution.progress',
      'execution.progress',
      'execution.progress',
      'execution.progress',
      'yoy.change',
      'yoy.change',
    ]);
    const text = await cli('check', '--db', file, '--year', '2021');
    expect(text.out).toContain('2021 年度 审核结果：强制 0 条，提示 6 条（已说明 0 条，待说明 6 条）');
    expect(text.out).toContain('[提示] 支出进度低于季度目标：第 1 季度末累计支出 9,381,574.77 元（执行率 23.56%）');
  });

  it('reports a missing year or bad arguments in Chinese', async () => {
    const missing = await cli('summary', '--db', file, '--year', '2019', '--json');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('数据文件中没有 2019 年度');
    const usage = await cli('check', '--db', file);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('缺少参数 --year');
  });
});

describe('selfeval check on a year with a blocking finding', () => {
  let bad: string;
  beforeAll(() => {
    const ex = buildExample();
    ex.db.prepare("UPDATE ledger_txn SET txn_date = '2022-01-03' WHERE id = ?").run(ex.current.txns[0]!.id);
    bad = ex.file;
    ex.db.close();
  });

  it('exits 1 when a 强制 finding remains', async () => {
    const r = await cli('check', '--db', bad, '--year', '2021', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).summary.mandatory).toBe(1);
  });
});
