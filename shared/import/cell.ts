// The value of one spreadsheet cell as every reader hands it over: text, a plain number (a double
// from the file), a date-formatted number (kept as its serial so the date system is applied once),
// a boolean, an error value such as #N/A, or nothing.

export interface DateCell {
  readonly kind: 'date';
  /** Excel serial day number, already in the 1900 system (1904 workbooks are shifted by the reader). */
  readonly serial: number;
}

export interface ErrorCell {
  readonly kind: 'error';
  /** '#N/A', '#VALUE!' … or 'NO_CACHE' for a formula the file stores without a computed value. */
  readonly code: string;
}

export type CellValue = string | number | boolean | DateCell | ErrorCell | null;

export interface RawRow {
  /** 1-based row number as the user sees it in the spreadsheet. */
  readonly row: number;
  /** 0-based column index → value; trailing empties may be missing. */
  readonly cells: readonly CellValue[];
  /** Hidden in the source (hidden row, or inside a collapsed outline group); readers always set it. */
  readonly hidden?: boolean;
}

/** Excel's own limit for the text of one cell; longer text is cut so it can never flood the app. */
export const MAX_CELL_TEXT = 32_767;

export function dateCell(serial: number): DateCell {
  return { kind: 'date', serial };
}

export function errorCell(code: string): ErrorCell {
  return { kind: 'error', code };
}

export function isBlankCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === 'string' && value.trim() === '';
}

export function isBlankRow(cells: readonly CellValue[]): boolean {
  for (const c of cells) if (!isBlankCell(c)) return false;
  return true;
}

/** The cell as the user would read it, for messages and previews (dates as serial text). */
export function cellDisplayText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value.kind === 'date') return `日期序号 ${value.serial}`;
  return value.code === 'NO_CACHE' ? '（公式无计算结果）' : value.code;
}

/** 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A text value cut at Excel's limit. */
export function capCellTextValue(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

/** How a row was out of sight in its file: 'row' (hidden row), 'sheet' (on a hidden sheet) or null. */
export function sourceHidden(raw: RawRow, sheetHidden = false): 'row' | 'sheet' | null {
  return raw.hidden ? 'row' : sheetHidden ? 'sheet' : null;
}
