import { formatWan } from '../money/fen.ts';
import { formatPercent, type Ratio } from '../money/rate.ts';
import { formatCentiFixed } from './format-score.ts';

// A renderer-neutral table. Cells carry typed values (fen, centi, ratio) plus, where a spreadsheet
// should recompute them, the formula that produced them, so the Excel export writes live formulas
// while PDF and Word print the same values.

/** Formula of a computed cell, in table coordinates (body row index, column index). */
export type CellFormula =
  | { op: 'sum'; rows: number[] }
  | { op: 'diff'; minuend: number; subtrahend: number }
  | { op: 'ratio'; num: number; den: number };

export type TableCell =
  | { kind: 'text'; text: string }
  | { kind: 'fen'; fen: number; formula?: CellFormula }
  | { kind: 'centi'; centi: number; formula?: CellFormula }
  | { kind: 'ratio'; ratio: Ratio | null; formula?: CellFormula }
  | { kind: 'empty' };

export type RowRole = 'data' | 'section' | 'subtotal' | 'total';

export interface TableRow {
  role: RowRole;
  /** Indent of the first cell, in characters (for 其中 rows). */
  indent: number;
  cells: TableCell[];
}

export interface TableColumn {
  header: string;
  /** Relative width; renderers scale to the printable width. */
  width: number;
  align: 'left' | 'center' | 'right';
}

export interface ReportTable {
  /** Sheet-friendly short name ("自评表"). */
  name: string;
  title: string;
  /** "单位：万元" line printed right-aligned above the table; '' for none. */
  unitLine: string;
  columns: TableColumn[];
  rows: TableRow[];
}

export const text = (t: string): TableCell => ({ kind: 'text', text: t });
export const empty: TableCell = { kind: 'empty' };

/** A cell as printed in PDF and Word: amounts in 万元 with grouping, rates as %, scores 2 decimals. */
export function formatCellText(cell: TableCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'fen':
      return formatWan(cell.fen, { grouping: true });
    case 'centi':
      return formatCentiFixed(cell.centi);
    case 'ratio':
      return cell.ratio === null ? '—' : `${formatPercent(cell.ratio)}%`;
    case 'empty':
      return '';
  }
}
