import { FUNDING_SOURCE_LABELS } from '../domain/enums.ts';
import { ratio } from '../money/rate.ts';
import type { BudgetFigures } from './input.ts';
import { type ReportTable, type TableCell, type TableRow, text } from './table-model.ts';

// 预算执行情况表: budget against actual by spending type (with projects under 项目支出) and by funding
// source. Totals are computed from the rows themselves, so a spreadsheet's SUM gives the same figure.

const INITIAL = 1;
const FINAL = 3;
const ACTUAL = 4;

interface Amounts {
  initialFen: number;
  finalFen: number;
  actualFen: number;
}

const ZERO: Amounts = { initialFen: 0, finalFen: 0, actualFen: 0 };

function amountCells(a: Amounts, sumRows: number[] | null): TableCell[] {
  const f = (fen: number): TableCell =>
    sumRows === null ? { kind: 'fen', fen } : { kind: 'fen', fen, formula: { op: 'sum', rows: sumRows } };
  return [
    f(a.initialFen),
    { kind: 'fen', fen: a.finalFen - a.initialFen, formula: { op: 'diff', minuend: FINAL, subtrahend: INITIAL } },
    f(a.finalFen),
    f(a.actualFen),
    { kind: 'ratio', ratio: ratio(a.actualFen, a.finalFen), formula: { op: 'ratio', num: ACTUAL, den: FINAL } },
  ];
}

const add = (a: Amounts, b: Amounts): Amounts => ({
  initialFen: a.initialFen + b.initialFen,
  finalFen: a.finalFen + b.finalFen,
  actualFen: a.actualFen + b.actualFen,
});

export function buildBudgetTable(b: BudgetFigures): ReportTable {
  const rows: TableRow[] = [];
  const push = (role: TableRow['role'], indent: number, label: string, cells: TableCell[]) => {
    rows.push({ role, indent, cells: [text(label), ...cells] });
    return rows.length - 1;
  };
  const cat = (c: 'personnel' | 'public' | 'project'): Amounts => b.byCategory.find((r) => r.category === c) ?? ZERO;

  const personnel = cat('personnel');
  const pub = cat('public');
  const projectCat = cat('project');
  const basic = add(personnel, pub);
  const projectSum = b.byProject.reduce(add, ZERO);
  const projectsAddUp =
    b.byProject.length > 0 &&
    projectSum.initialFen === projectCat.initialFen &&
    projectSum.finalFen === projectCat.finalFen &&
    projectSum.actualFen === projectCat.actualFen;

  const totalRow = push('total', 0, '合计', []);
  push('section', 0, '一、按支出类型', []);
  const basicRow = push('subtotal', 0, '基本支出', []);
  const personnelRow = push('data', 1, '人员经费', amountCells(personnel, null));
  const publicRow = push('data', 1, '公用经费', amountCells(pub, null));
  rows[basicRow]!.cells.push(...amountCells(basic, [personnelRow, publicRow]));
  const projectRow = push(projectsAddUp ? 'subtotal' : 'data', 0, '项目支出', []);
  const projectRows = b.byProject.map((p) =>
    push('data', 1, p.code === '' ? p.label : `${p.label}（${p.code}）`, amountCells(p, null)),
  );
  rows[projectRow]!.cells.push(...amountCells(projectCat, projectsAddUp ? projectRows : null));
  rows[totalRow]!.cells.push(...amountCells(add(basic, projectCat), [basicRow, projectRow]));

  if (b.byFundingSource.length > 0) {
    push('section', 0, '二、按资金来源', []);
    for (const s of b.byFundingSource) push('data', 1, s.label || FUNDING_SOURCE_LABELS[s.source], amountCells(s, null));
  }

  for (const r of rows) while (r.cells.length < 6) r.cells.push({ kind: 'empty' });
  return {
    name: '预算执行情况表',
    title: '部门整体预算执行情况表',
    unitLine: '单位：万元',
    columns: [
      { header: '项目', width: 4.4, align: 'left' },
      { header: '年初预算数', width: 2.5, align: 'right' },
      { header: '调整数', width: 2.5, align: 'right' },
      { header: '全年预算数', width: 2.5, align: 'right' },
      { header: '全年执行数', width: 2.5, align: 'right' },
      { header: '执行率', width: 1.9, align: 'right' },
    ],
    rows,
  };
}
