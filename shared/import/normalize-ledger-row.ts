// One data row of a ledger or bank sheet → the ledger_txn row it becomes, or the reasons it cannot.
// Direction rules (issue §3): a 支出/收入 (借方/贷方) pair needs exactly one side; a signed amount
// with a 借/贷 column takes the column's direction (借 read by the book's convention, book-side.ts)
// and keeps its sign as a reversal; a signed amount
// alone follows the bank convention, negative = money out.

import type { Direction, FundingSource } from '../domain/enums.ts';
import type { AmountScale } from './amount-scale.ts';
import type { DebitMeans } from './book-side.ts';
import { type CellValue, type RawRow, sourceHidden } from './cell.ts';
import { cellToText } from './cell-text.ts';
import type { ColumnMapping } from './fields.ts';
import { ledgerFingerprintKey } from './fingerprint.ts';
import { type AmountResult, parseAmountCell } from './normalize-amount.ts';
import { parseDateCell, parseDateParts, parsePeriodDay } from './normalize-date.ts';
import { type CategoryText, isNoProjectText, parseCategoryText, parseFundingSource } from './parse-classification.ts';
import { parseDirectionText } from './parse-direction.ts';
import { resolveLedgerCategory } from './resolve-category.ts';
import { checkField, type RowIssue, type RowOutcome } from './row-issue.ts';
import { fen } from '../api/fields.ts';

const LEDGER_AMOUNT = fen('金额');
import type { LedgerRow } from './schemas.ts';
import { splitCodeName } from './split-code-name.ts';

export interface LedgerRowContext {
  sheet: string;
  mapping: ColumnMapping;
  scale: AmountScale;
  /** The fiscal year imported into: dates outside it are refused. */
  year: number;
  /** The year the file states (header cell above 月/日, or title): dates written without a year take it. */
  yearHint: number | null;
  /** What 借 means in this book (book-side.ts); default 'out'. */
  debitMeans?: DebitMeans;
  hash(key: string): string;
  /** The sheet is hidden in the file: every row of it is marked so. */
  sheetHidden?: boolean;
}

function cellAt(cells: readonly CellValue[], index: number | undefined): CellValue | undefined {
  return index === undefined ? undefined : cells[index];
}

function textAt(cells: readonly CellValue[], index: number | undefined, max = 500): string {
  return index === undefined ? '' : cellToText(cells[index], max);
}

function amountAt(cells: readonly CellValue[], index: number | undefined, scale: AmountScale): AmountResult {
  return index === undefined ? { kind: 'empty' } : parseAmountCell(cells[index], scale);
}

function isZeroOrEmpty(a: AmountResult): boolean {
  return a.kind === 'empty' || (a.kind === 'ok' && a.fen === 0);
}

function readDate(cells: readonly CellValue[], ctx: LedgerRowContext, issues: RowIssue[]): string | null {
  const m = ctx.mapping;
  const year = ctx.yearHint ?? ctx.year;
  const result =
    m.date !== undefined
      ? parseDateCell(cells[m.date], year)
      : m.period !== undefined
        ? parsePeriodDay(cells[m.period], cellAt(cells, m.day), year)
        : parseDateParts(cellAt(cells, m.year), cellAt(cells, m.month), cellAt(cells, m.day), year);
  const column = m.date ?? m.period ?? m.month ?? null;
  if (result.kind === 'empty') {
    issues.push({ column, reason: '缺少日期' });
    return null;
  }
  if (result.kind === 'error') {
    issues.push({ column, reason: result.reason });
    return null;
  }
  if (Number(result.iso.slice(0, 4)) !== ctx.year) {
    issues.push({ column, reason: `日期 ${result.iso} 不在导入的 ${ctx.year} 年度内` });
    return null;
  }
  return result.iso;
}

function readMovement(
  cells: readonly CellValue[],
  ctx: LedgerRowContext,
  issues: RowIssue[],
): { direction: Direction; amountFen: number } | null {
  const m = ctx.mapping;
  if (m.outflow !== undefined || m.inflow !== undefined) {
    const out = amountAt(cells, m.outflow, ctx.scale);
    const inn = amountAt(cells, m.inflow, ctx.scale);
    if (out.kind === 'error') issues.push({ column: m.outflow ?? null, reason: out.reason });
    if (inn.kind === 'error') issues.push({ column: m.inflow ?? null, reason: inn.reason });
    if (out.kind === 'error' || inn.kind === 'error') return null;
    const outZero = isZeroOrEmpty(out);
    const inZero = isZeroOrEmpty(inn);
    if (!outZero && !inZero) {
      issues.push({ column: null, reason: '支出（借方）和收入（贷方）同时有金额，无法判断方向' });
      return null;
    }
    if (outZero && inZero) {
      issues.push({ column: m.outflow ?? m.inflow ?? null, reason: '支出（借方）和收入（贷方）都没有金额' });
      return null;
    }
    if (!outZero && out.kind === 'ok') return { direction: 'out', amountFen: out.fen };
    if (inn.kind === 'ok') return { direction: 'in', amountFen: inn.fen };
    return null;
  }
  const column = m.signedAmount ?? null;
  const amount = amountAt(cells, m.signedAmount, ctx.scale);
  if (amount.kind === 'error') {
    issues.push({ column, reason: amount.reason });
    return null;
  }
  if (amount.kind === 'empty' || amount.fen === 0) {
    issues.push({ column, reason: amount.kind === 'empty' ? '缺少金额' : '金额为 0' });
    return null;
  }
  if (m.direction !== undefined) {
    const raw = cells[m.direction];
    const dir = parseDirectionText(typeof raw === 'string' ? raw : cellToText(raw), ctx.debitMeans);
    if (dir.kind !== 'ok') {
      issues.push({ column: m.direction, reason: dir.kind === 'empty' ? '缺少收支方向（借/贷）' : dir.reason });
      return null;
    }
    return { direction: dir.direction, amountFen: amount.fen };
  }
  return amount.fen < 0 ? { direction: 'out', amountFen: -amount.fen } : { direction: 'in', amountFen: amount.fen };
}

function readFunding(cells: readonly CellValue[], index: number | undefined, issues: RowIssue[]): FundingSource {
  if (index === undefined) return 'general_budget';
  const parsed = parseFundingSource(cellToText(cells[index]));
  if (parsed.kind === 'error') issues.push({ column: index, reason: parsed.reason });
  return parsed.kind === 'ok' ? parsed.value : 'general_budget';
}

export function readStatedCategory(
  cells: readonly CellValue[],
  index: number | undefined,
  issues: RowIssue[],
): CategoryText | null {
  if (index === undefined) return null;
  const parsed = parseCategoryText(cellToText(cells[index]));
  if (parsed.kind === 'error') issues.push({ column: index, reason: parsed.reason });
  return parsed.kind === 'ok' ? parsed.value : null;
}

export function readProjectName(cells: readonly CellValue[], index: number | undefined): string {
  const name = textAt(cells, index, 200);
  return isNoProjectText(name) ? '' : name;
}

export function normalizeLedgerRow(raw: RawRow, ctx: LedgerRowContext): RowOutcome<LedgerRow> {
  const cells = raw.cells;
  const issues: RowIssue[] = [];
  const m = ctx.mapping;
  const date = readDate(cells, ctx, issues);
  const movement = readMovement(cells, ctx, issues);
  const fundingSource = readFunding(cells, m.fundingSource, issues);
  const stated = readStatedCategory(cells, m.category, issues);
  if (movement) checkField(LEDGER_AMOUNT, movement.amountFen, m.signedAmount ?? (movement.direction === 'out' ? m.outflow : m.inflow) ?? null, issues);
  if (issues.length > 0 || date === null || movement === null) return { ok: false, issues };
  const econCode = splitCodeName(textAt(cells, m.econCode)).code;
  const funcCode = splitCodeName(textAt(cells, m.funcCode)).code;
  const projectName = readProjectName(cells, m.projectName);
  const summary = textAt(cells, m.summary);
  const counterparty = textAt(cells, m.counterparty, 200);
  const serialNo = textAt(cells, m.serialNo, 100);
  const row: LedgerRow = {
    sheet: ctx.sheet,
    row: raw.row,
    date,
    direction: movement.direction,
    amountFen: movement.amountFen,
    voucherNo: textAt(cells, m.voucherNo, 100),
    summary,
    counterparty,
    serialNo,
    fundingSource,
    category: resolveLedgerCategory(stated, econCode, projectName !== '', movement.direction),
    funcCode,
    econCode,
    projectName,
    fingerprint: '',
    hidden: sourceHidden(raw, ctx.sheetHidden),
  };
  row.fingerprint = ctx.hash(ledgerFingerprintKey(row));
  return { ok: true, row };
}
