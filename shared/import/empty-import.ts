// An import in which not one row can be imported is a failure, never an empty batch: this says
// why, in the words the wizard, the CLI and the commit error all use — which sheet, how many rows
// were read, which were refused and for what, which were skipped as titles or totals.

import { LAYOUT_KIND_LABELS, type LayoutKind } from './classify-layout-row.ts';
import type { BadCell, SheetSummary, SkippedRow } from './schemas.ts';

/** What the parse reported (a ParseSummary has these fields). */
export interface ParsedRows {
  sheets: readonly SheetSummary[];
  rowsRead: number;
  rowsRejected: number;
  badCells: readonly BadCell[];
  skippedRows: readonly SkippedRow[];
}

export interface EmptyImportReport {
  message: string;
  /** One entry per refused row shown (capped), for the error's details. */
  rows: { sheet: string; row: number; column: string; message: string }[];
}

const SHOWN_REASONS = 3;
const SHOWN_ROWS = 5;
const DETAIL_CAP = 50;

function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, SHOWN_ROWS).join('、');
  return rows.length > SHOWN_ROWS ? `第 ${shown} 等 ${rows.length} 行` : `第 ${shown} 行`;
}

function rejectedReasons(badCells: readonly BadCell[]): string[] {
  const byReason = new Map<string, { sheet: string; rows: number[] }>();
  for (const b of badCells) {
    // Dates and values differ row by row; the reason's shape is what groups them.
    const key = b.reason.replace(/\d{4}-\d{2}-\d{2}/g, '…').replace(/“[^”]*”/g, '“…”');
    const entry = byReason.get(key) ?? { sheet: b.sheet, rows: [] };
    if (entry.rows.at(-1) !== b.row) entry.rows.push(b.row);
    byReason.set(key, entry);
  }
  const sorted = [...byReason.entries()].sort((a, b) => b[1].rows.length - a[1].rows.length);
  return sorted.slice(0, SHOWN_REASONS).map(([, e]) => {
    const sample = badCells.find((b) => b.sheet === e.sheet && b.row === e.rows[0]);
    const column = sample?.column ? `${sample.column} 列${sample.header ? `“${sample.header}”` : ''}` : '';
    return `工作表“${e.sheet}”${rowList(e.rows)}${column ? `（${column}）` : ''}：${sample?.reason ?? ''}`;
  });
}

function skippedSummary(skipped: readonly SkippedRow[]): string {
  const counts = new Map<LayoutKind, number>();
  for (const s of skipped) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  return [...counts.entries()].map(([kind, n]) => `${LAYOUT_KIND_LABELS[kind]} ${n} 行`).join('，');
}

/** Null when at least one row will be imported. */
export function describeEmptyImport(
  fileName: string,
  input: ParsedRows,
  outcome: { imported: number; duplicate: number },
): EmptyImportReport | null {
  if (outcome.imported > 0) return null;
  const sheets = input.sheets.filter((s) => s.selected).map((s) => `“${s.name}”`);
  const where = `文件“${fileName}”${sheets.length > 0 ? `的工作表${sheets.join('、')}` : ''}`;
  const parts: string[] = [`${where}没有一行可以导入（共读取 ${input.rowsRead} 行），未写入任何数据。`];
  if (outcome.duplicate > 0) parts.push(`${outcome.duplicate} 行与已导入的数据重复（未勾选导入）。`);
  if (input.rowsRejected > 0) parts.push(`${input.rowsRejected} 行无法识别：${rejectedReasons(input.badCells).join('；')}。`);
  const skipped = skippedSummary(input.skippedRows.filter((s) => s.kind !== 'blank'));
  if (skipped) parts.push(`跳过：${skipped}。`);
  if (input.rowsRejected === 0 && outcome.duplicate === 0) {
    parts.push('表头以下没有收支明细行。请确认选择了正确的工作表和表头行。');
  }
  const rows = input.badCells.slice(0, DETAIL_CAP).map((b) => ({ sheet: b.sheet, row: b.row, column: b.column, message: b.reason }));
  return { message: parts.join(''), rows };
}
