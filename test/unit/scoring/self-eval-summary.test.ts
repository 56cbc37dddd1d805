import { describe, expect, it } from 'vitest';
import type { IndicatorDoc } from '../../../shared/scoring/framework-doc.ts';
import { generateSelfEvalSummary } from '../../../shared/scoring/self-eval-summary.ts';
import { doc, sheetOf } from './sheet-builder.ts';

const management: IndicatorDoc = {
  code: '1',
  name: '管理效能',
  weight: 20,
  children: [
    {
      code: '1.1',
      name: '资金管理',
      weight: 12,
      children: [
        { code: '1.1.1', name: '预算执行率', weight: 10, rule: { type: 'positive', target: '100', unit: '%' }, valueSource: 'budget_execution' },
        { code: '1.1.2', name: '资金使用合规性', weight: 2, rule: { type: 'qualitative' } },
      ],
    },
    {
      code: '1.2',
      name: '采购管理',
      weight: 8,
      children: [
        { code: '1.2.1', name: '政府采购执行率', weight: 4, rule: { type: 'positive', target: '100', unit: '%' }, valueSource: 'procurement' },
        { code: '1.2.2', name: '采购合规性', weight: 4, rule: { type: 'checklist' } },
      ],
    },
  ],
};

const duties: IndicatorDoc = {
  code: '2',
  name: '履职效能',
  weight: 10,
  rule: { type: 'none', summaryWhenFull: '年度工作任务已全部完成。' },
  children: [{ code: '2.1', name: '任务完成率', weight: 10, rule: { type: 'positive', target: '100', unit: '%' }, valueSource: 'work_tasks' }],
};

const full = {
  '1.1.2': { band: 'achieved' as const, chosenScoreCenti: 200 },
  '1.2.2': { actualValue: '1' },
};

const opts = { year: 2022, selfName: '我局' };
const framework = doc([management, duties]);

describe('generateSelfEvalSummary', () => {
  it('groups like deductions: "A和B未达 100%，分别扣 x 分和 y 分"', () => {
    const text = generateSelfEvalSummary(sheetOf(framework, full), opts);
    expect(text).toBe(
      [
        '2022 年度我局部门整体支出绩效自评分数为 29.32 分，具体情况如下：',
        '1.管理效能方面，总分 20 分。其中，资金管理 11.42 分、采购管理 7.9 分，本项得分 19.32 分，扣分原因为预算执行率和政府采购执行率未达 100%，分别扣 0.58 分和 0.1 分；',
        '2.履职效能方面，总分 10 分。年度工作任务已全部完成，本项得满分。',
      ].join('\n'),
    );
  });

  it('words a single deduction without "分别"', () => {
    const data = sheetOf(framework, full, {
      budget_execution: { value: { num: 100n, den: 1n }, detail: '' },
      budget_adjustment: { value: null, detail: '' },
      procurement: { value: { num: 195n, den: 2n }, detail: '' },
      work_tasks: { value: { num: 100n, den: 1n }, detail: '' },
      project_indicators: { value: null, detail: '' },
      project_eval_average: { value: null, detail: '' },
    });
    expect(generateSelfEvalSummary(data, opts).split('\n')[1]).toBe(
      '1.管理效能方面，总分 20 分。其中，资金管理 12 分、采购管理 7.9 分，本项得分 19.9 分，扣分原因为政府采购执行率未达 100%，扣 0.1 分；',
    );
  });

  it('says 满分 for every block when nothing is deducted', () => {
    const data = {
      budget_execution: { value: { num: 100n, den: 1n }, detail: '' },
      budget_adjustment: { value: null, detail: '' },
      procurement: { value: { num: 100n, den: 1n }, detail: '' },
      work_tasks: { value: { num: 100n, den: 1n }, detail: '' },
      project_indicators: { value: null, detail: '' },
      project_eval_average: { value: null, detail: '' },
    };
    expect(generateSelfEvalSummary(sheetOf(framework, full, data), opts)).toBe(
      [
        '2022 年度我局部门整体支出绩效自评分数为 30 分，具体情况如下：',
        '1.管理效能方面，总分 20 分。其中，资金管理 12 分、采购管理 8 分，本项得满分；',
        '2.履职效能方面，总分 10 分。年度工作任务已全部完成，本项得满分。',
      ].join('\n'),
    );
  });

  it('lists judged deductions with their reasons, and a block that is not full even if it has a full-marks sentence', () => {
    const sheet = sheetOf(
      framework,
      {
        '1.1.2': { band: 'partial', chosenScoreCenti: 150, basis: '个别报销凭证附件不全' },
        '1.2.2': { actualValue: '0', basis: '一项采购未按计划执行。' },
      },
      {
        budget_execution: { value: { num: 90n, den: 1n }, detail: '' },
        budget_adjustment: { value: null, detail: '' },
        procurement: { value: { num: 90n, den: 1n }, detail: '' },
        work_tasks: { value: { num: 300n, den: 4n }, detail: '' },
        project_indicators: { value: null, detail: '' },
        project_eval_average: { value: null, detail: '' },
      },
    );
    expect(generateSelfEvalSummary(sheet, opts).split('\n').slice(1)).toEqual([
      '1.管理效能方面，总分 20 分。其中，资金管理 10.5 分、采购管理 3.6 分，本项得分 14.1 分，扣分原因为预算执行率和政府采购执行率未达 100%，分别扣 1 分和 0.4 分；资金使用合规性方面个别报销凭证附件不全，扣 0.5 分；采购合规性方面一项采购未按计划执行，扣 4 分；',
      '2.履职效能方面，总分 10 分。其中，任务完成率 7.5 分，本项得分 7.5 分，扣分原因为任务完成率未达 100%，扣 2.5 分。',
    ]);
  });

  it('prints each block\'s 满分 from the framework and skips blocks that are not self-scored', () => {
    const f = doc([
      { ...duties, weight: 60, children: [{ ...duties.children![0]!, weight: 60 }] },
      { code: '3', name: '社会评价', weight: 40, selfScored: false },
    ]);
    expect(generateSelfEvalSummary(sheetOf(f), { year: 2021, selfName: '我办' })).toBe(
      [
        '2021 年度我办部门整体支出绩效自评分数为 60 分，具体情况如下：',
        '1.履职效能方面，总分 60 分。年度工作任务已全部完成，本项得满分。',
      ].join('\n'),
    );
  });

  it('says how much is still to be scored on an unfinished sheet', () => {
    const text = generateSelfEvalSummary(sheetOf(framework), opts);
    expect(text.split('\n')[0]).toBe('2022 年度我局部门整体支出绩效自评尚未完成（2 项指标待评分），目前得分 23.32 分，具体情况如下：');
    expect(text.split('\n')[1]).toBe('1.管理效能方面，总分 20 分。其中，资金管理 9.42 分、采购管理 3.9 分，本项目前已评 13.32 分，尚有 2 项指标待评分；');
  });
});
