import { describe, expect, it } from 'vitest';
import { DATA, doc, row, sheetOf } from './sheet-builder.ts';

const framework = doc([
  {
    code: 'A',
    name: '管理',
    weight: 20,
    children: [
      { code: 'A1', name: '执行率', weight: 10, rule: { type: 'positive', target: '100', unit: '%' }, valueSource: 'budget_execution' },
      { code: 'A2', name: '合规性', weight: 5, rule: { type: 'qualitative' } },
      { code: 'A3', name: '公开', weight: 5, rule: { type: 'checklist', failReason: '未按时公开' } },
    ],
  },
  {
    code: 'B',
    name: '履职',
    weight: 10,
    children: [
      { code: 'B1', name: '满意度', weight: 6, rule: { type: 'positive', unit: '%' } },
      { code: 'B2', name: '专家评分', weight: 4, rule: { type: 'manual' } },
    ],
  },
  { code: 'C', name: '外部评价', weight: 5, selfScored: false },
]);

const complete = {
  A2: { band: 'achieved' as const, chosenScoreCenti: 500 },
  A3: { actualValue: '1' },
  B1: { targetValue: '90', actualValue: '95' },
  B2: { chosenScoreCenti: 400 },
};

describe('computeScoreSheet', () => {
  it('lists every indicator still needing input, in tree order, with what is missing', () => {
    const sheet = sheetOf(framework);
    expect(sheet.complete).toBe(false);
    expect(sheet.pending.map((p) => [p.code, p.path, p.messages])).toEqual([
      ['A2', '管理 / 合规性', ['请选择完成档次（达成 / 部分达成 / 未达成）']],
      ['A3', '管理 / 公开', ['请回答：公开（是 / 否）']],
      ['B1', '履职 / 满意度', ['请填写指标值（目标值）', '请填写实际完成值']],
      ['B2', '履职 / 专家评分', ['请填写得分（0–4 分）']],
    ]);
    // Known scores still roll up, but the parent is marked incomplete.
    expect(row(sheet, 'A')).toMatchObject({ scoreCenti: 942, complete: false });
    expect(row(sheet, 'C')).toMatchObject({ scoreCenti: null, selfScored: false, missing: [] });
  });

  it('rolls subtotals up and totals only self-scored blocks', () => {
    const sheet = sheetOf(framework, complete);
    expect(sheet.pending).toEqual([]);
    expect(sheet.complete).toBe(true);
    expect(row(sheet, 'A')).toMatchObject({ scoreCenti: 1942, deductionCenti: 58, complete: true });
    expect(row(sheet, 'B')).toMatchObject({ scoreCenti: 1000, deductionCenti: 0 });
    expect([sheet.totalCenti, sheet.maxCenti, sheet.frameworkMaxCenti]).toEqual([2942, 3000, 3500]);
    expect(row(sheet, 'B1')).toMatchObject({ targetText: '90%', actualText: '95%', sourceLabel: '手工填报' });
  });

  it('explains every deduction', () => {
    const sheet = sheetOf(framework, {
      ...complete,
      A2: { band: 'partial', chosenScoreCenti: 350, basis: '个别支出审批手续不全。' },
      A3: { actualValue: '0' },
      B2: { chosenScoreCenti: 300, basis: '专家意见' },
    });
    expect(sheet.deductions.map((d) => [d.code, d.pointsCenti, d.reason, d.condition, d.note, d.blockName])).toEqual([
      ['A1', 58, '执行率未达 100%', '未达 100%', '', '管理'],
      ['A2', 150, '合规性：个别支出审批手续不全', null, '个别支出审批手续不全', '管理'],
      ['A3', 500, '公开：未按时公开', null, '未按时公开', '管理'],
      ['B2', 100, '专家评分：专家意见', null, '专家意见', '履职'],
    ]);
  });

  it('asks for a reason when a judged score is below full marks', () => {
    const sheet = sheetOf(framework, { ...complete, A2: { band: 'partial', chosenScoreCenti: 350 } });
    expect(sheet.pending).toEqual([
      { indicatorId: row(sheet, 'A2').indicatorId, code: 'A2', path: '管理 / 合规性', messages: ['得分低于满分，请填写扣分原因'] },
    ]);
  });

  it('refuses a chosen score outside its band', () => {
    const sheet = sheetOf(framework, { ...complete, A2: { band: 'achieved', chosenScoreCenti: 300 } });
    expect(row(sheet, 'A2').missing).toEqual(['所选得分 3 分不在“达成年度指标”档（4–5 分）内，请重新确定']);
    expect(row(sheet, 'A2').bandRanges).toEqual({
      achieved: { min: 400, max: 500 },
      partial: { min: 300, max: 399 },
      not_achieved: { min: 0, max: 299 },
    });
  });

  it('lets an override with 得分依据 replace a computed score, and prints the basis as the reason', () => {
    const sheet = sheetOf(framework, { ...complete, A1: { overrideScoreCenti: 950, basis: '按财政局核定的执行率计分' } });
    expect(row(sheet, 'A1')).toMatchObject({
      computedScoreCenti: 942,
      scoreCenti: 950,
      overridden: true,
      deductionCenti: 50,
      reason: '执行率：按财政局核定的执行率计分',
    });
    expect(sheet.totalCenti).toBe(2950);
  });

  it('holds back an override without 得分依据', () => {
    const sheet = sheetOf(framework, { ...complete, A1: { overrideScoreCenti: 1000 } });
    expect(row(sheet, 'A1')).toMatchObject({ scoreCenti: null, missing: ['已调整得分，请填写得分依据'] });
    expect(sheet.complete).toBe(false);
  });

  it('says what to do when a data source has nothing to compute from', () => {
    const sheet = sheetOf(framework, complete, { ...DATA, budget_execution: { value: null, detail: '' } });
    expect(row(sheet, 'A1').missing[0]).toContain('请先在“预算指标”中录入或导入本年度预算');
  });

  it('asks for an explanation above a reverse rule\'s threshold', () => {
    const f = doc([
      {
        code: 'R',
        name: '预算调整率',
        weight: 1,
        rule: { type: 'reverse', target: '10', unit: '%', explainAbove: '3' },
        valueSource: 'budget_adjustment',
      },
    ]);
    expect(row(sheetOf(f), 'R').missing).toEqual(['预算调整率为 5.77%，超过 3%，请填写原因说明']);
    expect(row(sheetOf(f, { R: { basis: '年中人员调整追加经费' } }), 'R')).toMatchObject({ scoreCenti: 100, missing: [] });
  });

  it('reports framework issues and does not call the sheet complete', () => {
    const bad = doc([
      {
        code: 'A',
        name: '管理',
        weight: 10,
        children: [{ code: 'A1', name: '公开', weight: 9, rule: { type: 'checklist' } }],
      },
    ]);
    const sheet = sheetOf(bad, { A1: { actualValue: '1' } });
    expect(sheet.pending).toEqual([]);
    expect(sheet.frameworkIssues.map((i) => i.message)).toEqual(['指标 A（管理）的下级指标权重合计 9 分，与本级权重 10 分不一致']);
    expect(sheet.complete).toBe(false);
  });
});
