import { describe, expect, it } from 'vitest';
import { buildBudgetTable } from '../../../shared/report/annex-budget-table.ts';
import { amountsInWan, buildExplanationTable } from '../../../shared/report/annex-explanation-table.ts';
import { buildScoreTable } from '../../../shared/report/annex-score-table.ts';
import type { CheckExplanation, ScoreNode, ScoreSheet } from '../../../shared/report/input.ts';
import { SHIPPED_OUTLINES } from '../../../shared/report/shipped-outlines.ts';
import { formatCellText, type ReportTable } from '../../../shared/report/table-model.ts';
import { exampleInput } from './example-input.ts';

const row = (t: ReportTable, label: string) => {
  const r = t.rows.find((x) => x.cells.some((c) => c.kind === 'text' && c.text === label));
  if (!r) throw new Error(`no row ${label}`);
  return r;
};

describe('预算执行情况表', () => {
  const t = buildBudgetTable(exampleInput.budget);

  it('totals budget and actual and prints the execution rate', () => {
    expect(row(t, '合计').cells.map(formatCellText)).toEqual(['合计', '3,765.00', '217.33', '3,982.33', '3,752.63', '94.23%']);
    expect(row(t, '基本支出').cells.map(formatCellText)).toEqual(['基本支出', '3,250.00', '66.00', '3,316.00', '3,260.92', '98.34%']);
  });

  it('records how totals are computed so a spreadsheet can use formulas', () => {
    const total = row(t, '合计');
    const basicIndex = t.rows.indexOf(row(t, '基本支出'));
    const projectIndex = t.rows.indexOf(row(t, '项目支出'));
    expect(total.cells[4]).toMatchObject({ kind: 'fen', formula: { op: 'sum', rows: [basicIndex, projectIndex] } });
    expect(total.cells[5]).toMatchObject({ kind: 'ratio', formula: { op: 'ratio', num: 4, den: 3 } });
    // The three projects add up to 项目支出, so it becomes their sum.
    expect(row(t, '项目支出').cells[4]).toMatchObject({ formula: { op: 'sum' } });
  });

  it('keeps 项目支出 as entered when the project rows do not add up to it', () => {
    const b = structuredClone(exampleInput.budget);
    b.byProject.pop();
    const r = row(buildBudgetTable(b), '项目支出');
    expect(r.role).toBe('data');
    expect(r.cells[4]).toEqual({ kind: 'fen', fen: 491_710_000 });
  });

  it('prints — for a rate without budget', () => {
    const b = structuredClone(exampleInput.budget);
    b.byCategory = b.byCategory.map((c) => (c.category === 'public' ? { ...c, initialFen: 0, finalFen: 0 } : c));
    expect(formatCellText(row(buildBudgetTable(b), '公用经费').cells[5]!)).toBe('—');
  });
});

describe('部门整体支出绩效自评表', () => {
  const t = buildScoreTable(exampleInput.scoreSheet);

  it('places names by level and ends with the total', () => {
    expect(row(t, '管理效能').cells.slice(0, 3).map(formatCellText)).toEqual(['管理效能', '', '']);
    expect(row(t, '资金管理').cells.slice(0, 3).map(formatCellText)).toEqual(['', '资金管理', '']);
    expect(row(t, '预算执行率').cells.slice(0, 7).map(formatCellText)).toEqual([
      '',
      '',
      '预算执行率',
      '12.80',
      '12.06',
      '0.74',
      '目标值：100%；完成值：94.23%；预算执行率为 94.23%，未达到 100%；依据：得分 = 分值 × 预算执行率',
    ]);
    expect(t.rows.at(-1)!.cells.slice(3, 6).map(formatCellText)).toEqual(['95.00', '94.21', '0.79']);
  });

  it('sums a parent from its children only when they account for it', () => {
    expect(row(t, '资金管理').cells[4]).toMatchObject({ kind: 'centi', centi: 1526, formula: { op: 'sum' } });
    const sheet = structuredClone(exampleInput.scoreSheet);
    sheet.groups[0]!.children[0]!.scoreCenti = 1500;
    sheet.groups[0]!.children[0]!.deductionCenti = 100;
    expect(row(buildScoreTable(sheet), '资金管理').cells[4]).toEqual({ kind: 'centi', centi: 1500 });
  });
});

describe('自评表 basis column and 合计 (the office’s own words, each once)', () => {
  const leaf = (over: Partial<ScoreNode>): ScoreNode => ({
    code: '1',
    name: '资产管理规范性',
    maxCenti: 200,
    scoreCenti: 200,
    deductionCenti: 0,
    reason: '',
    basis: '',
    target: null,
    actual: null,
    children: [],
    ...over,
  });
  const sheet = (children: ScoreNode[], other = true): ScoreSheet => {
    const max = children.reduce((s, c) => s + c.maxCenti, 0);
    const score = children.reduce((s, c) => s + (c.scoreCenti ?? 0), 0);
    const groups: ScoreNode[] = [
      { code: 'A', name: '管理效能', maxCenti: max, scoreCenti: score, deductionCenti: max - score, reason: '', basis: '', target: null, actual: null, children },
    ];
    if (other) groups.push({ code: 'C', name: '其他评价（不自评）', maxCenti: 500, scoreCenti: null, deductionCenti: 0, reason: '', basis: '', target: null, actual: null, children: [] });
    return { totalMaxCenti: max + (other ? 500 : 0), totalScoreCenti: score, groups };
  };
  const basisOf = (t: ReportTable, name: string) => formatCellText(row(t, name).cells.at(-1)!);

  it('prints no form answer ("目标值：—；完成值：是") where the office gave no basis', () => {
    const t = buildScoreTable(sheet([leaf({ actual: '是' }), leaf({ name: '绩效信息公开', actual: '达成年度指标' })]));
    expect(basisOf(t, '资产管理规范性')).toBe('');
    expect(basisOf(t, '绩效信息公开')).toBe('');
    for (const r of t.rows) expect(r.cells.map(formatCellText).join('')).not.toContain('目标值：—');
  });

  it("prints the office's basis, and a judged deduction's reason once", () => {
    const judged = leaf({ scoreCenti: 150, deductionCenti: 50, reason: '资产管理规范性：固定资产账实不符 2 项', basis: '固定资产账实不符 2 项', actual: '部分达成' });
    const full = leaf({ name: '资产管理安全性', basis: '年度资产盘点无盘亏' });
    const t = buildScoreTable(sheet([judged, full]));
    expect(basisOf(t, '资产管理规范性')).toBe('固定资产账实不符 2 项');
    expect(basisOf(t, '资产管理安全性')).toBe('依据：年度资产盘点无盘亏');
  });

  it('keeps a measured target and result beside a rule-made reason', () => {
    expect(basisOf(buildScoreTable(exampleInput.scoreSheet), '预算执行率')).toBe(
      '目标值：100%；完成值：94.23%；预算执行率为 94.23%，未达到 100%；依据：得分 = 分值 × 预算执行率',
    );
  });

  it('prints a complete 合计: 分值, 得分, 扣分 and what it leaves out', () => {
    const t = buildScoreTable(sheet([leaf({ scoreCenti: 150, deductionCenti: 50, reason: 'x：y', basis: 'y' }), leaf({ name: '资产管理安全性' })]));
    const other = row(t, '其他评价（不自评）').cells.map(formatCellText);
    expect(other.slice(3, 6)).toEqual(['5.00', '—', '—']);
    // Its name already says 不自评; a block named otherwise gets the word in the basis column.
    expect(other.at(-1)).toBe('');
    const total = t.rows.at(-1)!;
    expect(total.role).toBe('total');
    expect(total.cells.slice(3, 6).map(formatCellText)).toEqual(['9.00', '3.50', '0.50']);
    expect(formatCellText(total.cells.at(-1)!)).toBe('自评指标满分 4.00 分；其他评价（不自评）5.00 分不计入自评得分');
    // 扣分 is the sum of the blocks' 扣分 (a spreadsheet recomputes the same 0.50, not 9.00 − 3.50).
    expect(total.cells[5]).toMatchObject({ kind: 'centi', centi: 50, formula: { op: 'sum', rows: [0, 3] } });
    // Every block self-scored: no note, 扣分 = 分值 − 得分.
    const all = buildScoreTable(sheet([leaf({})], false)).rows.at(-1)!;
    expect(all.cells.slice(3, 6).map(formatCellText)).toEqual(['2.00', '2.00', '0.00']);
    expect(formatCellText(all.cells.at(-1)!)).toBe('');
  });
});

describe('审核提示说明 annex', () => {
  const quarter = (q: number, cumulative: string, target: string, gap: string): CheckExplanation => ({
    checkId: 'execution.progress',
    checkTitle: '支出进度低于季度目标',
    subject: `第 ${q} 季度末累计支出 ${cumulative} 元（执行率 21.56%），低于均衡进度 25.00%（${target} 元，系统默认值，本年度未设定季度进度目标），差 ${gap} 元。`,
    explanation: '项目资金按合同节点在下半年支付。',
  });

  it('prints one explanation once for the findings it explains, amounts in 万元', () => {
    const t = buildExplanationTable([
      quarter(1, '8,586,700.10', '9,955,825.00', '1,369,124.90'),
      quarter(2, '17,422,475.97', '19,911,650.00', '2,489,174.03'),
      { checkId: 'budget.adjustment-rate', checkTitle: '预算调整率偏高', subject: '预算调整率为 35.00%（调整数 -1,234.56 元 ÷ 年初预算 3,527.00 元），达到 30%，请说明调整原因。', explanation: '追加防疫经费。' },
    ]);
    expect(t.rows).toHaveLength(2);
    const [progress, adjust] = t.rows.map((r) => r.cells.map(formatCellText));
    expect(progress![1]).toBe(
      '第 1 季度末累计支出 858.67 万元（执行率 21.56%），低于均衡进度 25.00%（995.58 万元，系统默认值，本年度未设定季度进度目标），差 136.91 万元；' +
        '第 2 季度末累计支出 1742.25 万元（执行率 21.56%），低于均衡进度 25.00%（1991.17 万元，系统默认值，本年度未设定季度进度目标），差 248.92 万元。',
    );
    expect(progress![2]).toBe('项目资金按合同节点在下半年支付。');
    expect(adjust![1]).toContain('调整数 -0.12 万元 ÷ 年初预算 0.35 万元');
    for (const r of t.rows) expect(r.cells.map(formatCellText).join('')).not.toMatch(/\d 元/);
  });

  it('converts any 元 amount of a message exactly', () => {
    expect(amountsInWan('合计 1,000,000.00 元，差 0.01 元，另 123456.78 元')).toBe('合计 100.00 万元，差 0.00 万元，另 12.35 万元');
  });
});

describe('shipped outlines', () => {
  it('leave the 审核提示说明 annex for the office to choose', () => {
    for (const [id, outline] of Object.entries(SHIPPED_OUTLINES)) expect(outline.annexes, id).not.toContain('check_explanation_table');
  });
});

describe('自评表 block not self-scored, named without 不自评', () => {
  it('says 不自评 in its basis column', () => {
    const sheet = structuredClone(exampleInput.scoreSheet);
    sheet.groups.push({ code: 'Z', name: '财政评价', maxCenti: 500, scoreCenti: null, deductionCenti: 0, reason: '', basis: '', target: null, actual: null, children: [] });
    sheet.totalMaxCenti += 500;
    const r = row(buildScoreTable(sheet), '财政评价').cells.map(formatCellText);
    expect(r.slice(4, 6)).toEqual(['—', '—']);
    expect(r.at(-1)).toBe('不自评');
  });
});
