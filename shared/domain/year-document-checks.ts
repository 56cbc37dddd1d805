import type { z } from 'zod';
import { fen, isoDate, nonNegativeFen } from '../api/fields.ts';
import { MAX_YEAR_FEN, MAX_YEAR_LABEL } from '../money/limits.ts';
import type { YearDocument } from './year-document.ts';

// A year document carries raw table rows, so its cells are checked with the same field schemas the
// API and the importer use before anything is written: every *_fen within the per-row limit (and
// the ones that may not be negative, not negative), every date a real calendar day, and each
// amount column's yearly total within the per-year limit.

const FEN_LABELS: Record<string, string> = {
  initial_fen: '年初预算',
  adjustment_fen: '调整数',
  amount_fen: '金额',
  planned_fen: '政府采购预算',
  actual_fen: '实际政府采购金额',
  outflow_fen: '支出合计',
  inflow_fen: '收入合计',
};
const NON_NEGATIVE = new Set(['initial_fen', 'planned_fen', 'actual_fen']);
const DATE_COLUMNS = new Set(['txn_date', 'date_from', 'date_to', 'report_date']);

const schemaCache = new Map<string, z.ZodType>();
function schemaFor(column: string): z.ZodType | null {
  const hit = schemaCache.get(column);
  if (hit) return hit;
  let schema: z.ZodType | null = null;
  if (column.endsWith('_fen')) {
    const label = FEN_LABELS[column] ?? '金额';
    schema = NON_NEGATIVE.has(column) ? nonNegativeFen(label) : fen(label);
  } else if (DATE_COLUMNS.has(column)) {
    schema = isoDate('日期');
  }
  if (schema) schemaCache.set(column, schema);
  return schema;
}

/** Every problem of the document's cells, each naming table, row and column; empty when it may be imported. */
export function yearDocumentProblems(doc: YearDocument): string[] {
  const problems: string[] = [];
  for (const [table, rows] of Object.entries(doc.tables)) {
    const totals = new Map<string, number>();
    rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) {
        if (value === null) continue;
        const schema = schemaFor(column);
        if (!schema) continue;
        const r = schema.safeParse(value);
        if (!r.success) {
          problems.push(`表 ${table} 第 ${i + 1} 行 ${column} 列：${r.error.issues[0]?.message ?? '取值无效'}`);
        } else if (column.endsWith('_fen') && typeof value === 'number') {
          totals.set(column, (totals.get(column) ?? 0) + Math.abs(value));
        }
      }
    });
    for (const [column, total] of totals) {
      if (total > MAX_YEAR_FEN) problems.push(`表 ${table} 的 ${column} 列全年合计超出上限（绝对值合计不超过 ${MAX_YEAR_LABEL}）`);
    }
  }
  return problems;
}
