// One row of a 指标 (budget quota) export → the budget_line it becomes. final = initial +
// adjustment is never typed, so whichever two of 年初预算 / 调整数 / 调整后预算 the file has give the
// third, and when all three are present they must agree.

import type { BudgetFundingSource } from '../domain/enums.ts';
import type { AmountScale } from './amount-scale.ts';
import { type CellValue, type RawRow, sourceHidden } from './cell.ts';
import { cellToText } from './cell-text.ts';
import type { ColumnMapping } from './fields.ts';
import { type AmountResult, parseAmountCell } from './normalize-amount.ts';
import { readProjectName, readStatedCategory } from './normalize-ledger-row.ts';
import { parseBudgetFundingSource } from './parse-classification.ts';
import { resolveCategory } from './resolve-category.ts';
import type { RowIssue, RowOutcome } from './row-issue.ts';
import type { BudgetRow } from './schemas.ts';
import { splitCodeName } from './split-code-name.ts';
import { fen, nonNegativeFen } from '../api/fields.ts';
import { checkField } from './row-issue.ts';

// The same bounds as a budget line typed in (shared/domain/budget-line.ts).
const INITIAL = nonNegativeFen('年初预算');
const ADJUSTMENT = fen('调整数');
const FINAL = fen('调整后预算');

export interface BudgetRowContext {
  sheet: string;
  mapping: ColumnMapping;
  scale: AmountScale;
  /** The sheet is hidden in the file: every row of it is marked so. */
  sheetHidden?: boolean;
}

function amount(cells: readonly CellValue[], index: number | undefined, scale: AmountScale, issues: RowIssue[]): number | null {
  if (index === undefined) return null;
  const r: AmountResult = parseAmountCell(cells[index], scale);
  if (r.kind === 'error') {
    issues.push({ column: index, reason: r.reason });
    return null;
  }
  return r.kind === 'ok' ? r.fen : null;
}

function split(cells: readonly CellValue[], codeIndex: number | undefined, nameIndex: number | undefined) {
  const fromCode = codeIndex === undefined ? { code: '', name: '' } : splitCodeName(cellToText(cells[codeIndex], 200));
  const ownName = nameIndex === undefined ? '' : cellToText(cells[nameIndex], 200);
  return { code: fromCode.code, name: ownName || fromCode.name };
}

function resolveAmounts(
  initial: number | null,
  adjustment: number | null,
  final: number | null,
  issues: RowIssue[],
  finalColumn: number | null,
): { initialFen: number; adjustmentFen: number } | null {
  if (initial !== null && adjustment !== null && final !== null) {
    if (initial + adjustment !== final) {
      issues.push({ column: finalColumn, reason: '年初预算 + 调整数 不等于 调整后预算' });
      return null;
    }
    return { initialFen: initial, adjustmentFen: adjustment };
  }
  if (initial !== null && final !== null) return { initialFen: initial, adjustmentFen: final - initial };
  if (adjustment !== null && final !== null) return { initialFen: final - adjustment, adjustmentFen: adjustment };
  if (initial !== null) return { initialFen: initial, adjustmentFen: adjustment ?? 0 };
  if (final !== null) return { initialFen: final, adjustmentFen: 0 };
  if (adjustment !== null) return { initialFen: 0, adjustmentFen: adjustment };
  return null;
}

export function normalizeBudgetRow(raw: RawRow, ctx: BudgetRowContext): RowOutcome<BudgetRow> {
  const cells = raw.cells;
  const m = ctx.mapping;
  const issues: RowIssue[] = [];
  const quota = amount(cells, m.quota, ctx.scale, issues);
  const initial = amount(cells, m.initial, ctx.scale, issues) ?? quota;
  const adjustment = amount(cells, m.adjustment, ctx.scale, issues);
  const final = amount(cells, m.final, ctx.scale, issues);
  let fundingSource: BudgetFundingSource = 'general_budget';
  if (m.fundingSource !== undefined) {
    const parsed = parseBudgetFundingSource(cellToText(cells[m.fundingSource]));
    if (parsed.kind === 'error') issues.push({ column: m.fundingSource, reason: parsed.reason });
    else if (parsed.kind === 'ok') fundingSource = parsed.value;
  }
  const stated = readStatedCategory(cells, m.category, issues);
  if (issues.length > 0) return { ok: false, issues };
  const amounts = resolveAmounts(initial, adjustment, final, issues, m.final ?? null);
  if (!amounts) {
    if (issues.length === 0) {
      issues.push({ column: m.initial ?? m.quota ?? m.final ?? m.adjustment ?? null, reason: '没有预算金额' });
    }
    return { ok: false, issues };
  }
  const amountColumn = m.initial ?? m.quota ?? m.final ?? null;
  checkField(INITIAL, amounts.initialFen, amountColumn, issues);
  checkField(ADJUSTMENT, amounts.adjustmentFen, m.adjustment ?? m.final ?? null, issues);
  checkField(FINAL, amounts.initialFen + amounts.adjustmentFen, m.final ?? amountColumn, issues);
  if (issues.length > 0) return { ok: false, issues };
  if (amounts.initialFen === 0 && amounts.adjustmentFen === 0) {
    return { ok: false, issues: [{ column: m.initial ?? m.quota ?? m.final ?? null, reason: '预算金额为 0' }] };
  }
  const func = split(cells, m.funcCode, m.funcName);
  const econ = split(cells, m.econCode, m.econName);
  const projectName = readProjectName(cells, m.projectName);
  return {
    ok: true,
    row: {
      sheet: ctx.sheet,
      row: raw.row,
      fundingSource,
      category: resolveCategory(stated, econ.code, projectName !== ''),
      projectName,
      funcCode: func.code,
      funcName: func.name,
      econCode: econ.code,
      econName: econ.name,
      initialFen: amounts.initialFen,
      adjustmentFen: amounts.adjustmentFen,
      docNo: m.docNo === undefined ? '' : cellToText(cells[m.docNo], 100),
      note: m.note === undefined ? '' : cellToText(cells[m.note]),
      hidden: sourceHidden(raw, ctx.sheetHidden),
    },
  };
}
