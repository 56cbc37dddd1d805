import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { departmentTotals } from '../../../electron/db/repositories/execution-repo.ts';
import {
  getCliSummary,
  getExecutionOverview,
  getExecutionTargets,
  getRevenueExpenditureText,
  linkTransactions,
  listBudgetLineExecution,
  saveExecutionTargets,
} from '../../../electron/services/execution-service.ts';
import { ExecutionOverview } from '../../../shared/budget/schemas.ts';
import { buildExample, type Example, fen, LINES_2021 } from './build-example.ts';

let ex: Example;
beforeEach(() => {
  ex = buildExample({ withPreviousYear: true });
});
afterEach(() => ex.db.close());

const pick = (r: { finalFen: number; actualFen: number }) => [r.finalFen, r.actualFen];

describe('预算执行 of the example year', () => {
  it('has the example totals, split and rates', () => {
    const o = getExecutionOverview(ex.db, { yearId: ex.current.yearId });
    expect(ExecutionOverview.parse(o)).toEqual(o);
    const t = o.totals.total;
    expect([t.initialFen, t.adjustmentFen, t.finalFen, t.actualFen, t.balanceFen]).toEqual([
      fen('3765.08'),
      fen('217.25'),
      fen('3982.33'),
      fen('3752.63'),
      fen('229.70'),
    ]);
    expect(t.executionRate).toEqual({ num: 3752630000, den: 3982330000 });
    expect(t.executionPercent).toBe(94.23);
    expect(pick(o.totals.basic)).toEqual([fen('3382.33'), fen('3260.92')]);
    expect(pick(o.totals.personnel)).toEqual([fen('2780.00'), fen('2715.40')]);
    expect(pick(o.totals.public)).toEqual([fen('602.33'), fen('545.52')]);
    expect(pick(o.totals.project)).toEqual([fen('600.00'), fen('491.71')]);
    expect(o.totals.basic.filter).toEqual({ category: 'basic', direction: 'out' });
    expect(o.scopeLabel).toBe('示例区人民政府办公室（部门整体）');
    expect(o.outsideYear).toEqual({ actualFen: 0, txnCount: 0 });
  });

  it('gives 预算调整率 = 调整数 ÷ 年初预算 = 5.77 % with its formula, while the final budget stays 3982.33', () => {
    const a = getExecutionOverview(ex.db, { yearId: ex.current.yearId }).adjustment;
    expect(a.percent).toBe(5.77);
    expect(a.finalFen).toBe(fen('3982.33'));
    expect(a.formulaText).toBe('预算调整率 = 调整数 ÷ 年初预算数 × 100% = 217.25 ÷ 3765.08 × 100% = 5.77%（金额单位：万元）');
  });

  it('breaks down by unit, funding source, project, 经济分类 and 功能分类', () => {
    const o = getExecutionOverview(ex.db, { yearId: ex.current.yearId });
    expect(o.byUnit.map((r) => [r.label, ...pick(r)])).toEqual([
      ['示例区人民政府办公室（本级）', fen('3402.33'), fen('3236.63')],
      ['示例区政务服务保障中心', fen('580.00'), fen('516.00')],
    ]);
    expect(o.byFundingSource.map((r) => [r.key, r.label, ...pick(r)])).toEqual([
      ['general_budget', '一般公共预算财政拨款', fen('3982.33'), fen('3752.63')],
    ]);
    expect(o.byCategory.map((r) => [r.key, r.executionPercent])).toEqual([
      ['personnel', 97.68],
      ['public', 90.57],
      ['project', 81.95],
    ]);
    expect(o.byProject.map((r) => [r.label, r.code, ...pick(r), r.filter])).toEqual([
      ['政务信息系统运行维护', 'XM-01', fen('310.00'), fen('286.15'), { projectId: ex.current.projectIds.P1, direction: 'out' }],
      ['政务服务热线运营', 'XM-02', fen('210.00'), fen('155.56'), { projectId: ex.current.projectIds.P2, direction: 'out' }],
      ['应急值守保障', null, fen('80.00'), fen('50.00'), { projectId: ex.current.projectIds.P3, direction: 'out' }],
    ]);
    expect(o.byEconClass.map((r) => [r.code, r.label, ...pick(r)])).toEqual([
      ['301', '工资福利支出', fen('2610.00'), fen('2549.70')],
      ['302', '商品和服务支出', fen('1122.33'), fen('972.43')],
      ['303', '对个人和家庭的补助', fen('170.00'), fen('165.70')],
      ['310', '资本性支出', fen('80.00'), fen('64.80')],
    ]);
    expect(o.byEconItem.find((r) => r.code === '30227')).toMatchObject({ label: '委托业务费', finalFen: fen('440.00'), actualFen: fen('376.91') });
    expect(o.byFuncClass.map((r) => [r.code, ...pick(r)])).toEqual([
      ['201', fen('3302.33'), fen('3081.73')],
      ['208', fen('440.00'), fen('434.00')],
      ['221', fen('240.00'), fen('236.90')],
    ]);
    expect(o.byFuncItem.find((r) => r.code === '2010350')).toMatchObject({ label: '事业运行', filter: { funcCode: '2010350', direction: 'out' } });
    for (const rows of [o.byUnit, o.byCategory, o.byFundingSource, o.byProject, o.byEconClass, o.byEconItem, o.byFuncClass, o.byFuncItem]) {
      // By project covers 项目支出 only.
      expect(rows.reduce((s, r) => s + r.actualFen, 0)).toBe(rows === o.byProject ? fen('491.71') : fen('3752.63'));
      expect(rows.reduce((s, r) => s + r.finalFen, 0)).toBe(rows === o.byProject ? fen('600.00') : fen('3982.33'));
    }
  });

  it('accumulates months and quarters against the default 25/50/75/100 % targets', () => {
    const o = getExecutionOverview(ex.db, { yearId: ex.current.yearId });
    const byQuarter = [1, 2, 3, 4].map((q) => ex.current.txns.filter((t) => Math.ceil(t.month / 3) === q).reduce((s, t) => s + t.amountFen, 0));
    expect(o.byQuarter.map((q) => q.actualFen)).toEqual(byQuarter);
    expect(o.byQuarter.map((q) => [q.targetBp, q.targetFen, q.met])).toEqual([
      [2500, 995582500, false],
      [5000, 1991165000, false],
      [7500, 2986747500, false],
      [10000, 3982330000, false],
    ]);
    expect(o.byMonth).toHaveLength(12);
    expect(o.byMonth[11]).toMatchObject({ period: '2021-12', cumulativeFen: fen('3752.63'), cumulativePercent: 94.23 });
    expect(o.byMonth[2]!.cumulativeFen).toBe(byQuarter[0]);
    expect(o.byMonth.every((m) => m.txnCount === LINES_2021.length)).toBe(true);
  });

  it('uses edited progress targets and refuses decreasing ones', () => {
    expect(getExecutionTargets(ex.db, { yearId: ex.current.yearId }).isDefault).toBe(true);
    saveExecutionTargets(ex.db, {
      yearId: ex.current.yearId,
      targets: [
        { quarter: 4, targetBp: 9000 },
        { quarter: 1, targetBp: 2000 },
        { quarter: 2, targetBp: 4500 },
        { quarter: 3, targetBp: 7000 },
      ],
    });
    const t = getExecutionTargets(ex.db, { yearId: ex.current.yearId });
    expect(t).toEqual({ yearId: ex.current.yearId, isDefault: false, targets: [1, 2, 3, 4].map((quarter, i) => ({ quarter, targetBp: [2000, 4500, 7000, 9000][i] })) });
    const o = getExecutionOverview(ex.db, { yearId: ex.current.yearId });
    expect(o.byQuarter.map((q) => q.met)).toEqual([true, true, true, true]);
    expect(() =>
      saveExecutionTargets(ex.db, { yearId: ex.current.yearId, targets: [5000, 4000, 7500, 10000].map((targetBp, i) => ({ quarter: i + 1, targetBp })) }),
    ).toThrow('第 2 季度的累计进度目标不能低于第 1 季度');
    const audit = ex.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'execution_target'").get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('refuses to change targets of a finalized year', () => {
    ex.db.prepare("UPDATE fiscal_year SET status = 'final' WHERE id = ?").run(ex.current.yearId);
    expect(() =>
      saveExecutionTargets(ex.db, { yearId: ex.current.yearId, targets: [2500, 5000, 7500, 10000].map((targetBp, i) => ({ quarter: i + 1, targetBp })) }),
    ).toThrow('2021 年度报告已定稿，数据已锁定');
  });

  it('narrows every figure to one unit', () => {
    const o = getExecutionOverview(ex.db, { yearId: ex.current.yearId, unitId: ex.unitIds.inst });
    expect(o.scopeLabel).toBe('示例区政务服务保障中心');
    expect(pick(o.totals.total)).toEqual([fen('580.00'), fen('516.00')]);
    expect(pick(o.totals.project)).toEqual([fen('80.00'), fen('50.00')]);
    expect(o.byUnit.map((r) => r.label)).toEqual(['示例区政务服务保障中心']);
    expect(o.byMonth[11]!.cumulativeFen).toBe(fen('516.00'));
    expect(() => getExecutionOverview(ex.db, { yearId: ex.current.yearId, unitId: 999 })).toThrow('找不到该单位（编号 999）');
  });

  it('compares with the previous year, matching projects across years by code or name', () => {
    const o = getExecutionOverview(ex.db, { yearId: ex.current.yearId, compareLastYear: true });
    expect(o.lastYear).toBe(2020);
    expect(o.totals.total).toMatchObject({ lastYear: { finalFen: fen('3500.00'), actualFen: fen('3500.00') }, actualChangeFen: fen('252.63'), actualChangePercent: 7.22 });
    expect(o.totals.project).toMatchObject({ lastYear: { actualFen: fen('350.00') }, actualChangePercent: 40.49 });
    expect(o.byProject.map((r) => [r.label, r.lastYear?.actualFen])).toEqual([
      ['政务信息系统运行维护', fen('200.00')],
      ['政务服务热线运营', fen('100.00')],
      ['应急值守保障', fen('50.00')],
    ]);
    expect(o.byEconClass.find((r) => r.code === '310')).toMatchObject({ lastYear: { actualFen: 0 }, actualChangeFen: fen('64.80'), actualChangeRate: null });
    expect(o.byMonth[0]!.lastYearActualFen).toBe(ex.previous!.txns.filter((t) => t.month === 1).reduce((s, t) => s + t.amountFen, 0));
    const without = getExecutionOverview(ex.db, { yearId: ex.current.yearId });
    expect(without.lastYear).toBeNull();
    expect(without.byCategory.every((r) => r.lastYear === null)).toBe(true);
  });

  it('keeps last year empty when there is no previous year', () => {
    const o = getExecutionOverview(ex.db, { yearId: ex.previous!.yearId, compareLastYear: true });
    expect(o.lastYear).toBeNull();
    expect(o.totals.total.lastYear).toBeNull();
  });

  it('writes the 部门整体收支情况 paragraph character for character', () => {
    expect(getRevenueExpenditureText(ex.db, { yearId: ex.current.yearId }).text).toBe(
      '本年度财政下达预算收入指标 3982.33 万元，均为一般公共预算财政拨款收入。全年支出 3752.63 万元，部门预算完成率为 94.23%。按支出分类：基本支出 3260.92 万元，占 86.90%；项目支出 491.71 万元，占 13.10%。',
    );
  });

  it('lists each funding source in the paragraph when there are several', () => {
    const line = ex.db.prepare('SELECT id FROM budget_line WHERE year_id = ? AND econ_code = ? AND unit_id = ?').get(ex.current.yearId, '30299', ex.unitIds.main) as { id: number };
    ex.db.prepare("UPDATE budget_line SET funding_source = 'gov_fund' WHERE id = ?").run(line.id);
    expect(getRevenueExpenditureText(ex.db, { yearId: ex.current.yearId }).text).toBe(
      '本年度财政下达预算收入指标 3982.33 万元，其中：一般公共预算财政拨款收入 3770.08 万元，占 94.67%；政府性基金预算财政拨款收入 212.25 万元，占 5.33%。全年支出 3752.63 万元，部门预算完成率为 94.23%。按支出分类：基本支出 3260.92 万元，占 86.90%；项目支出 491.71 万元，占 13.10%。',
    );
  });

  it('keeps departmentTotals in step with the overview', () => {
    expect(departmentTotals(ex.db, ex.current.yearId)).toEqual({
      initialBudgetFen: fen('3765.08'),
      adjustmentFen: fen('217.25'),
      finalBudgetFen: fen('3982.33'),
      carryOverFen: 0,
      thisYearInitialFen: fen('3765.08'),
      thisYearAdjustmentFen: fen('217.25'),
      actualFen: fen('3752.63'),
      personnelFen: fen('2715.40'),
      publicFen: fen('545.52'),
      projectFen: fen('491.71'),
    });
  });

  it('summarises for the CLI with stable field names', () => {
    const s = getCliSummary(ex.db, ex.current.yearId);
    expect(s).toMatchObject({ budgetFen: 3982330000, actualFen: 3752630000, basicFen: 3260920000, projectFen: 491710000, executionRate: 94.23, adjustmentRate: 5.77 });
    expect(s.byEconClass.map((r) => r.econClass)).toEqual(['301', '302', '303', '310']);
    expect(s.byMonth[11]).toEqual({ month: 12, actualFen: expect.any(Number), cumulativeFen: 3752630000, cumulativeRate: 94.23 });
  });

  it('shows budget against spending per budget line once linked', () => {
    expect(linkTransactions(ex.db, { yearId: ex.current.yearId })).toEqual({ linked: 216, ambiguous: 0, noMatch: 0 });
    const rows = listBudgetLineExecution(ex.db, { yearId: ex.current.yearId });
    expect(rows).toHaveLength(18);
    expect(rows.map((r) => r.actualFen)).toEqual(LINES_2021.map((l) => fen(l.actual)));
    expect(rows[0]).toMatchObject({ label: '示例区人民政府办公室（本级） 基本支出·人员经费 基本工资', finalFen: fen('940.00'), executionPercent: 97.87 });
    expect(listBudgetLineExecution(ex.db, { yearId: ex.current.yearId, unitId: ex.unitIds.inst })).toHaveLength(4);
  });
});
