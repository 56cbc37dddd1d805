import { describe, expect, it } from 'vitest';
import { buildBudgetTable } from '../../../shared/report/annex-budget-table.ts';
import { buildScoreTable } from '../../../shared/report/annex-score-table.ts';
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
