// Finds the header below title and preamble lines: the row (or pair of rows, for a merged
// two-level header such as 本期发生额 over 借方/贷方, or 2021年 over 月/日) whose cells match the most
// known header names. Merged parents are carried right across the children under them, because
// a reader sees only the first cell of a merge.

import { type CellValue, isBlankCell, type RawRow } from './cell.ts';
import { AMOUNT_FIELDS, type ImportField, type ImportTarget } from './fields.ts';
import { type HeaderMatch, isKnownHeaderWord, matchHeader } from './header-synonyms.ts';
import { headerKey, toParseText } from './normalize-text.ts';
import { yearInHeaderCell } from './stated-year.ts';

export interface HeaderColumn {
  index: number;
  /** As shown to the user: "本期发生额/借方" for a two-level header. */
  name: string;
  parent: string;
  child: string;
  match: HeaderMatch | null;
}

export interface HeaderLayout {
  /** 1-based row number of the (first) header row. */
  row: number;
  rows: 1 | 2;
  columns: HeaderColumn[];
  score: number;
  /** A year written in a parent header such as "2021年" above 月/日 columns. */
  yearHint: number | null;
}

export const HEADER_SCAN_ROWS = 50;

const SUB_HEADER_WORDS = /^(借方?|贷方?|借方金额|贷方金额|收入|支出|金额|方向|余额|年|月|日|编码|代码|名称|数量|单价|笔数|发生额|合计)$/;
// Parents whose 借/贷 children are balances or year-to-date sums, never the row's own movement.
const BALANCE_PARENT = /余额|期初|期末|累计|上年|年初数|结转/;

export function headerCellText(value: CellValue | undefined): string {
  if (typeof value === 'string') return toParseText(value).replace(/\s+/g, ' ');
  if (typeof value === 'number') return String(value);
  return '';
}

function matchColumn(parent: string, child: string, target: ImportTarget): HeaderMatch | null {
  if (!parent) return child ? matchHeader(child, target) : null;
  if (!child) return matchHeader(parent, target);
  const combined = matchHeader(parent + child, target);
  if (combined) return combined;
  if (BALANCE_PARENT.test(headerKey(parent))) return null;
  return matchHeader(child, target) ?? matchHeader(parent, target);
}

function looksLikeData(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'string') return true;
  return /^[\s+\-(（]*[\d,，.．]+[)）]?\s*$/.test(value) && value.trim().length > 0;
}

function isSubHeaderRow(row: RawRow, target: ImportTarget): boolean {
  let texts = 0;
  for (const c of row.cells) {
    if (isBlankCell(c)) continue;
    if (looksLikeData(c)) return false;
    const t = headerCellText(c);
    if (t.length > 30) return false;
    if (!SUB_HEADER_WORDS.test(headerKey(t)) && !matchHeader(t, target) && !isKnownHeaderWord(t)) return false;
    texts++;
  }
  return texts > 0;
}

// "单位：某某办公室", "金额单位：元": a label and its value. A row holding one is a preamble line,
// never the upper half of a two-row header (its text would be glued onto every column below).
const LABEL_VALUE = /^[^:()（）[\]]+:\s*[^:\s][^:]*$/;

function isMetadataRow(row: RawRow): boolean {
  return row.cells.some((c) => typeof c === 'string' && LABEL_VALUE.test(headerCellText(c)));
}

function buildColumns(top: RawRow, sub: RawRow | null, target: ImportTarget): HeaderColumn[] {
  const width = Math.max(top.cells.length, sub?.cells.length ?? 0);
  const columns: HeaderColumn[] = [];
  let carried = '';
  for (let i = 0; i < width; i++) {
    const own = headerCellText(top.cells[i]);
    const child = sub ? headerCellText(sub.cells[i]) : '';
    let parent = own;
    if (own) carried = own;
    else if (child && carried && i > 0 && columns[i - 1]?.child) parent = carried;
    else carried = '';
    const name = parent && child ? `${parent}/${child}` : parent || child;
    columns.push({ index: i, name, parent, child, match: matchColumn(parent, child, target) });
  }
  while (columns.length > 0 && columns[columns.length - 1]?.name === '') columns.pop();
  return columns;
}

function scoreColumns(columns: HeaderColumn[], target: ImportTarget): number {
  const fields = new Set<ImportField>();
  let known = 0;
  for (const c of columns) {
    if (c.match) fields.add(c.match.field);
    else if (c.name && isKnownHeaderWord(c.child || c.parent)) known++;
  }
  if (fields.size < 2) return 0;
  const hasAmount = AMOUNT_FIELDS[target].some((f) => fields.has(f));
  return fields.size + known * 0.25 + (hasAmount ? 1 : 0);
}

function yearHintOf(columns: HeaderColumn[]): number | null {
  for (const c of columns) {
    const year = c.child ? yearInHeaderCell(c.parent) : null;
    if (year !== null) return year;
  }
  return null;
}

// A header the user mapped before (a saved profile) is recognised by its column names even when
// none of them is a known synonym.
const KNOWN_HEADER_BONUS = 100;

function knownHeaderBonus(columns: readonly HeaderColumn[], known: readonly (readonly string[])[]): number {
  if (known.length === 0) return 0;
  const keys = new Set(columns.map((c) => headerKey(c.name)));
  return known.some((names) => names.length > 0 && names.every((n) => keys.has(headerKey(n)))) ? KNOWN_HEADER_BONUS : 0;
}

function singleLayout(row: RawRow, target: ImportTarget, known: readonly (readonly string[])[]): HeaderLayout {
  const columns = buildColumns(row, null, target);
  const score = scoreColumns(columns, target) + knownHeaderBonus(columns, known);
  return { row: row.row, rows: 1, columns, score, yearHint: null };
}

function layoutAt(
  rows: readonly RawRow[],
  i: number,
  target: ImportTarget,
  forceRows: 1 | 2 | undefined,
  known: readonly (readonly string[])[],
): HeaderLayout | null {
  const top = rows[i];
  if (!top) return null;
  const next = rows[i + 1];
  const nextAdjacent = next && next.row === top.row + 1 ? next : undefined;
  const single = forceRows === 2 ? null : singleLayout(top, target, known);
  if (forceRows === 1 || !nextAdjacent) return single;
  if (forceRows === undefined && (!isSubHeaderRow(nextAdjacent, target) || isMetadataRow(top))) return single;
  const columns = buildColumns(top, nextAdjacent, target);
  const score = scoreColumns(columns, target) + knownHeaderBonus(columns, known);
  const double: HeaderLayout = { row: top.row, rows: 2, columns, score, yearHint: yearHintOf(columns) };
  if (forceRows === 2) return double;
  // Two rows only when together they say more than either row alone; otherwise a metadata line
  // above a complete header would be glued onto it.
  const below = singleLayout(nextAdjacent, target, known).score;
  return double.score > (single?.score ?? 0) && double.score > below ? double : single;
}

/**
 * The best header among the first rows, or the one the user chose (`headerRow`, 1-based).
 * Returns null when no row matches at least two known column names or a saved profile's columns.
 */
export function detectHeader(
  rows: readonly RawRow[],
  target: ImportTarget,
  opts: { headerRow?: number; headerRows?: 1 | 2; knownHeaders?: readonly (readonly string[])[] } = {},
): HeaderLayout | null {
  const known = opts.knownHeaders ?? [];
  if (opts.headerRow !== undefined) {
    const i = rows.findIndex((r) => r.row === opts.headerRow);
    if (i < 0) return null;
    const layout = layoutAt(rows, i, target, opts.headerRows, known);
    return layout && layout.columns.length > 0 ? layout : null;
  }
  let best: HeaderLayout | null = null;
  for (let i = 0; i < rows.length && i < HEADER_SCAN_ROWS; i++) {
    const layout = layoutAt(rows, i, target, opts.headerRows, known);
    if (layout && layout.score > 0 && (!best || layout.score > best.score)) best = layout;
  }
  return best;
}

/** The header signature a mapping profile is recognised by: every column name, in order. */
export function headerSignature(columns: readonly HeaderColumn[]): string {
  return columns
    .map((c) => headerKey(c.name))
    .join('|')
    .slice(0, 4000);
}
