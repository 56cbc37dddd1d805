import { ratio } from '../money/rate.ts';
import type { ScoreNode, ScoreSheet } from './input.ts';
import { formatCentiFixed } from './format-score.ts';
import { empty, type ReportTable, type TableCell, type TableRow, text } from './table-model.ts';

// 部门整体支出绩效自评表: one row per indicator in tree order, the indicator's name in the column of
// its level; parent rows add up their children when the children account for the whole parent.

const COL_MAX = 3;
const COL_SCORE = 4;
const PENDING = text('待填');
const NOT_SELF_SCORED = text('—');

/**
 * The 扣分原因及得分依据 cell: the office's own basis and the deduction reason, each once. A target
 * and result print when the indicator has a target; a checklist's bare 是 / 达成年度指标 is the
 * form's answer, not a basis, and prints nothing.
 */
function reasonText(n: ScoreNode): string {
  const parts: string[] = [];
  if (n.target !== null && n.target.trim() !== '') parts.push(`目标值：${n.target}；完成值：${n.actual ?? '—'}`);
  else if (n.actual !== null && /\d/.test(n.actual)) parts.push(`完成值：${n.actual}`);
  const reason = n.reason.trim();
  const basis = n.basis.trim();
  // A judged or adjusted deduction's reason is "<指标>：<the office's basis>": the basis is the reason.
  if (basis !== '' && reason.endsWith(basis)) parts.push(basis);
  else {
    if (reason !== '') parts.push(reason);
    if (basis !== '') parts.push(`依据：${basis}`);
  }
  return parts.join('；');
}

export function buildScoreTable(sheet: ScoreSheet): ReportTable {
  const rows: TableRow[] = [];
  // A MOF-style 自评表 adds 得分系数 (得分 ÷ 分值) and 核心指标 before the reasons.
  const extras = sheet.columns ?? [];
  const extraCells = (n: ScoreNode): TableCell[] =>
    extras.map((c) => {
      if (c === 'core') return text(n.core ? '是' : '');
      return n.scoreCenti === null || n.maxCenti === 0
        ? empty
        : { kind: 'ratio', ratio: ratio(n.scoreCenti, n.maxCenti), formula: { op: 'ratio', num: COL_SCORE, den: COL_MAX } };
    });

  const addNode = (n: ScoreNode, depth: number): number => {
    const index = rows.length;
    const nameCells: TableCell[] = [empty, empty, empty];
    nameCells[Math.min(depth, 2)] = text(n.name);
    const row: TableRow = { role: n.children.length > 0 ? 'subtotal' : 'data', indent: 0, cells: [] };
    rows.push(row);
    const childRows = n.children.map((c) => addNode(c, depth + 1));
    const childMax = n.children.reduce((s, c) => s + c.maxCenti, 0);
    const allScored = n.children.every((c) => c.scoreCenti !== null);
    const childScore = n.children.reduce((s, c) => s + (c.scoreCenti ?? 0), 0);
    const maxCell: TableCell =
      childRows.length > 0 && childMax === n.maxCenti
        ? { kind: 'centi', centi: n.maxCenti, formula: { op: 'sum', rows: childRows } }
        : { kind: 'centi', centi: n.maxCenti };
    let scoreCell: TableCell = empty;
    let deductionCell: TableCell = empty;
    if (n.pending) {
      // Not yet scored is not a score of 0: every export says so instead of 得分 0.00 扣分 2.00.
      scoreCell = PENDING;
      deductionCell = PENDING;
    } else if (n.scoreCenti === null && depth === 0) {
      // A block the department does not score itself (e.g. 其他评价): no score, and the row says why.
      scoreCell = NOT_SELF_SCORED;
      deductionCell = NOT_SELF_SCORED;
    } else if (n.scoreCenti !== null) {
      scoreCell =
        childRows.length > 0 && allScored && childScore === n.scoreCenti
          ? { kind: 'centi', centi: n.scoreCenti, formula: { op: 'sum', rows: childRows } }
          : { kind: 'centi', centi: n.scoreCenti };
      deductionCell = {
        kind: 'centi',
        centi: n.maxCenti - n.scoreCenti,
        formula: { op: 'diff', minuend: COL_MAX, subtrahend: COL_SCORE },
      };
    }
    // A block not self-scored says so, unless its name already does ("其他评价（不自评）").
    const notScored = n.scoreCenti === null && depth === 0 && !n.pending;
    const basis = notScored ? (n.name.includes('不自评') ? '' : '不自评') : reasonText(n);
    row.cells = [...nameCells, maxCell, scoreCell, deductionCell, ...extraCells(n), text(basis)];
    return index;
  };

  const groupRows = sheet.groups.map((g) => addNode(g, 0));
  const scored = sheet.groups.filter((g) => g.scoreCenti !== null);
  const unscored = sheet.groups.filter((g) => g.scoreCenti === null && !g.pending);
  const maxTotal = sheet.groups.reduce((s, g) => s + g.maxCenti, 0);
  const scoredMax = scored.reduce((s, g) => s + g.maxCenti, 0);
  // 合计 is complete: 分值, 得分, 扣分 (of the self-scored blocks, so 得分 + 扣分 = their 分值) and,
  // when a block is not self-scored, a note saying what the total leaves out.
  const note =
    unscored.length === 0
      ? ''
      : `自评指标满分 ${formatCentiFixed(scoredMax)} 分；${unscored.map((g) => `${g.name}${formatCentiFixed(g.maxCenti)} 分`).join('、')}不计入自评得分`;
  const pending = sheet.groups.some((g) => g.pending);
  rows.push({
    role: 'total',
    indent: 0,
    cells: [
      text('合计'),
      empty,
      empty,
      { kind: 'centi', centi: maxTotal, formula: { op: 'sum', rows: groupRows } },
      pending ? PENDING : { kind: 'centi', centi: scored.reduce((s, g) => s + (g.scoreCenti ?? 0), 0), formula: { op: 'sum', rows: groupRows } },
      pending ? PENDING : { kind: 'centi', centi: scored.reduce((s, g) => s + g.deductionCenti, 0), formula: { op: 'sum', rows: groupRows } },
      ...extras.map(() => empty),
      text(note),
    ],
  });

  return {
    name: '自评表',
    title: '部门整体支出绩效自评表',
    unitLine: '单位：分',
    columns: [
      { header: '一级指标', width: 2.3, align: 'left' },
      { header: '二级指标', width: 3.4, align: 'left' },
      { header: '三级指标', width: 4.2, align: 'left' },
      { header: '分值', width: 1.8, align: 'right' },
      { header: '得分', width: 1.8, align: 'right' },
      { header: '扣分', width: 1.8, align: 'right' },
      ...extras.map((c) => (c === 'core' ? { header: '核心指标', width: 1.6, align: 'center' as const } : { header: '得分系数', width: 2, align: 'right' as const })),
      { header: '扣分原因及得分依据', width: 5.2, align: 'left' },
    ],
    rows,
  };
}
