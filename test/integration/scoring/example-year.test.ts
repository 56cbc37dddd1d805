import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { departmentTotals } from '../../../electron/db/repositories/execution-repo.ts';
import {
  getScoreSheet,
  getSelfEvalSummary,
  installDefaultFramework,
  seedExampleScores,
} from '../../../electron/services/scoring-service.ts';
import { formatPoints } from '../../../shared/scoring/points.ts';
import type { ScoreSheet } from '../../../shared/scoring/schemas.ts';
import { buildExampleYear, type ExampleYear, openTempDb, type TempDb } from './fixtures/example-year.ts';

function scoreOf(sheet: ScoreSheet, name: string): string {
  const row = sheet.rows.find((r) => r.name === name);
  if (!row || row.scoreCenti === null) throw new Error(`no score for ${name}`);
  return formatPoints(row.scoreCenti);
}

describe('2021 example year scored from its data', () => {
  let t: TempDb;
  let y: ExampleYear;

  beforeEach(() => {
    t = openTempDb();
    y = buildExampleYear(t.db);
    installDefaultFramework(t.db, y.yearId);
    seedExampleScores(t.db, y.yearId);
  });
  afterEach(() => t.cleanup());

  it('has the published budget and spending totals', () => {
    const totals = departmentTotals(t.db, y.yearId);
    expect(totals.finalBudgetFen).toBe(3_982_330_000);
    expect(totals.actualFen).toBe(3_752_630_000);
    expect(totals.initialBudgetFen).toBe(3_765_080_000);
  });

  it('scores 94.21 of 95: 管理效能 44.21 of 45, 履职效能 50 of 50', () => {
    const sheet = getScoreSheet(t.db, { yearId: y.yearId });
    expect(sheet.pending).toEqual([]);
    expect(sheet.frameworkIssues).toEqual([]);
    expect(sheet.complete).toBe(true);
    expect(sheet.totalCenti).toBe(9421);
    expect(sheet.maxCenti).toBe(9500);
    expect(sheet.frameworkMaxCenti).toBe(10000);
    const blocks = sheet.rows.filter((r) => r.level === 1);
    expect(blocks.map((b) => [b.name, b.weightCenti, b.scoreCenti])).toEqual([
      ['管理效能', 4500, 4421],
      ['履职效能', 5000, 5000],
      ['其他评价（不自评）', 500, null],
    ]);
    expect(
      ['资金管理', '采购管理', '信息公开管理', '资产管理', '成本管理', '绩效管理'].map((n) => scoreOf(sheet, n)),
    ).toEqual(['15.26', '1.95', '4', '4', '4', '15']);
  });

  it('reaches the deductions by the rules, with value and source shown', () => {
    const sheet = getScoreSheet(t.db, { yearId: y.yearId });
    expect(sheet.deductions.map((d) => [d.indicator, d.pointsCenti, d.reason])).toEqual([
      ['预算执行率', 74, '预算执行率未达 100%'],
      ['政府采购执行率', 5, '政府采购执行率未达 100%'],
    ]);
    const exec = sheet.rows.find((r) => r.name === '预算执行率')!;
    expect(exec).toMatchObject({
      weightCenti: 1280,
      computedScoreCenti: 1206,
      actualText: '94.23%',
      targetText: '100%',
      sourceLabel: '来自预算执行',
      valueDetail: '支出 3752.63 万元 ÷ 全年预算数 3982.33 万元',
      overridden: false,
    });
    const proc = sheet.rows.find((r) => r.name === '政府采购执行率')!;
    expect(proc).toMatchObject({ actualText: '97.5%', scoreCenti: 195, sourceLabel: '来自政府采购计划' });
    const adj = sheet.rows.find((r) => r.name === '预算调整率')!;
    expect(adj).toMatchObject({ actualText: '5.77%', scoreCenti: 120, deductionCenti: 0, sourceLabel: '来自预算指标' });
    const tasks = sheet.rows.find((r) => r.name === '重点工作任务完成率')!;
    expect(tasks).toMatchObject({ actualText: '100%', scoreCenti: 3000, sourceLabel: '来自年度工作' });
  });

  it('generates the 自评综述 paragraph from the scores', () => {
    const { text, complete } = getSelfEvalSummary(t.db, { yearId: y.yearId });
    expect(complete).toBe(true);
    expect(text).toBe(
      [
        '2021 年度我办部门整体支出绩效自评分数为 94.21 分，具体情况如下：',
        '1.管理效能方面，总分 45 分。其中，资金管理 15.26 分、采购管理 1.95 分、信息公开管理 4 分、资产管理 4 分、成本管理 4 分、绩效管理 15 分，本项得分 44.21 分，扣分原因为预算执行率和政府采购执行率未达 100%，分别扣 0.74 分和 0.05 分；',
        '2.履职效能方面，总分 50 分。年初申报的主要工作任务均全部按要求完成，本项得满分。',
      ].join('\n'),
    );
  });

  it('keeps the example inputs to judgements: no typed score on any rule-scored indicator', () => {
    const sheet = getScoreSheet(t.db, { yearId: y.yearId });
    for (const r of sheet.rows.filter((row) => row.isLeaf && row.selfScored)) {
      expect(r.input.overrideScoreCenti).toBeNull();
      if (r.ruleType !== 'qualitative') expect(r.input.chosenScoreCenti).toBeNull();
      if (r.valueSource !== 'manual') expect(r.input.actualValue).toBeNull();
    }
  });
});
