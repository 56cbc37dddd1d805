// .xls (BIFF8), SpreadsheetML 2003, HTML tables saved as .xls and .ods go through @e965/xlsx
// 0.20.3 (the SheetJS build with the CVE fixes), values only: no formulas, no HTML, no styles.
// These formats are not streamable. An .xls is parsed one sheet at a time (xls-sheet-stream.ts),
// holding only the sheet being read; the other formats, and an .xls whose stream is not a plain
// BIFF5/8 workbook, are parsed whole once (inside the capped worker).

import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { type CellValue, capCellTextValue, dateCell, errorCell, type RawRow } from '../../shared/import/cell.ts';
import { isDateFormatCode } from '../../shared/import/excel-date-format.ts';
import type { FileFormat } from '../../shared/import/file-formats.ts';
import { DATE1904_OFFSET } from '../../shared/import/normalize-date.ts';
import { importError } from './import-error.ts';
import type { ImportLimits } from './limits.ts';
import type { WorkbookSource } from './workbook-source.ts';
import { type SheetLayout, sheetLayout, sheetRowCount, streamWithOnly } from './xls-sheet-stream.ts';

// Code pages for BIFF5 files written by Chinese Excel 95/97 (GBK, code page 936).
XLSX.set_cptable(cptable);

const UNKNOWN_RECORD = 'Missing Info for XLS Record';

/** BIFF error codes (BoolErr records), for .xls cells read without SheetJS's formatted text. */
const ERROR_TEXT: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

/**
 * Runs a SheetJS read with its "Missing Info for XLS Record 0x…" lines counted instead of printed
 * (a damaged .xls prints one per garbage record, thousands of lines). Anything else SheetJS
 * writes to console.error still gets through. The read is synchronous, so nothing else runs while
 * console.error is swapped.
 */
function withUnknownRecordsCounted<T>(count: { records: number }, read: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith(UNKNOWN_RECORD)) count.records++;
    else original.apply(console, args);
  };
  try {
    return read();
  } finally {
    console.error = original;
  }
}

function toCell(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? capCellTextValue(cell.v) : null;
    case 'n': {
      const v = cell.v as number;
      if (typeof v !== 'number' || Number.isNaN(v)) return null;
      if (cell.z && typeof cell.z === 'string' && isDateFormatCode(cell.z)) {
        return dateCell(date1904 ? v + DATE1904_OFFSET : v);
      }
      return v;
    }
    case 'b':
      return cell.v === true;
    case 'e':
      return errorCell(typeof cell.w === 'string' ? cell.w : (ERROR_TEXT[cell.v as number] ?? '#ERROR'));
    case 'd':
      return cell.v instanceof Date ? capCellTextValue(cell.v.toISOString().slice(0, 10)) : null;
    default:
      return null;
  }
}

/** A sheet's cells, parsed on demand: one worksheet, or one per band of rows (`from`: its first row, 0-based). */
interface SheetCells {
  rows: number;
  pieces(): Iterable<{ ws: XLSX.WorkSheet; from: number }>;
}

/** A workbook: its sheet list, and each sheet's cells on demand. */
interface SheetJsBook {
  names: string[];
  hidden: boolean[];
  date1904: boolean;
  sheet(index: number): SheetCells | null;
}

function readOptions(format: Exclude<FileFormat, 'xlsx' | 'csv'>, limits: ImportLimits): XLSX.ParsingOptions {
  return {
    type: 'buffer',
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellNF: true,
    cellDates: false,
    // The formatted text (`w`) of every .xls cell is never used and costs memory and time.
    cellText: format !== 'xls',
    raw: format === 'html',
    sheetRows: limits.maxRows + 1,
    codepage: 936,
  };
}

function bookFacts(wb: XLSX.WorkBook): Omit<SheetJsBook, 'sheet'> {
  return {
    names: wb.SheetNames,
    hidden: wb.SheetNames.map((_, index) => (wb.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0),
    date1904: Boolean(wb.Workbook?.WBProps?.date1904),
  };
}

function readChecked(bytes: Buffer, options: XLSX.ParsingOptions, fileName: string): XLSX.WorkBook {
  const unknown = { records: 0 };
  try {
    return withUnknownRecordsCounted(unknown, () => XLSX.read(bytes, options));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(message)) {
      throw importError(`文件“${fileName}”有密码保护，无法读取。请先在 Excel 中打开，取消密码后另存，再导入。`);
    }
    const records = unknown.records > 0 ? `，含 ${unknown.records} 个无法识别的记录` : '';
    throw importError(`文件“${fileName}”已损坏或格式不受支持，无法读取（${message.slice(0, 120)}${records}）。`);
  }
}

function wholeBook(buffer: Buffer, options: XLSX.ParsingOptions, fileName: string): SheetJsBook {
  const wb = readChecked(buffer, options, fileName);
  return {
    ...bookFacts(wb),
    sheet(index) {
      const ws = wb.Sheets[wb.SheetNames[index] ?? ''];
      if (!ws) return null;
      return { rows: ((ws['!data'] as unknown[] | undefined) ?? []).length, pieces: () => [{ ws, from: 0 }] };
    },
  };
}

/** The .xls's Workbook (BIFF8) or Book (BIFF5) stream and its layout, when it can be read sheet by sheet. */
function splittableStream(buffer: Buffer): { stream: Buffer; layout: SheetLayout } | null {
  try {
    const cfb = XLSX.CFB.read(buffer, { type: 'buffer' });
    if (XLSX.CFB.find(cfb, '/encryption')) return null;
    const entry = XLSX.CFB.find(cfb, '/Workbook') ?? XLSX.CFB.find(cfb, '/Book');
    const content = entry?.content;
    if (!content || content.length === 0) return null;
    const stream = Buffer.isBuffer(content) ? content : Buffer.from(content as ArrayLike<number>);
    const layout = sheetLayout(stream);
    return layout ? { stream, layout } : null;
  } catch {
    return null;
  }
}

/**
 * An .xls read one sheet, and one band of rows, at a time: the sheet list from a copy of the stream
 * with every sheet emptied, then each band from a copy holding only that band's rows of the sheet.
 * Only the band being read is held, so memory stays flat whatever the sheets' size.
 */
function sheetBySheetBook(
  split: { stream: Buffer; layout: SheetLayout },
  options: XLSX.ParsingOptions,
  fileName: string,
  bandRows: number,
): SheetJsBook {
  const meta = readChecked(streamWithOnly(split.stream, split.layout, null), options, fileName);
  const facts = { ...bookFacts(meta), hidden: split.layout.sheets.map((s) => s.hidden) };
  if (facts.names.length !== facts.hidden.length) throw importError(`文件“${fileName}”的工作表列表异常，文件可能已损坏。`);
  return {
    ...facts,
    sheet(index) {
      const span = split.layout.sheets[index];
      if (!span) return null;
      const rows = sheetRowCount(split.stream, span);
      return {
        rows,
        *pieces() {
          for (let from = 0; from < Math.max(rows, 1); from += bandRows) {
            const band = { from, to: from + bandRows };
            const wb = readChecked(streamWithOnly(split.stream, split.layout, index, band), options, fileName);
            const ws = wb.Sheets[wb.SheetNames[index] ?? ''];
            if (ws) yield { ws, from };
          }
        },
      };
    },
  };
}

export function openSheetJs(
  buffer: Buffer,
  format: Exclude<FileFormat, 'xlsx' | 'csv'>,
  fileName: string,
  limits: ImportLimits,
): WorkbookSource {
  const options = readOptions(format, limits);
  const split = format === 'xls' ? splittableStream(buffer) : null;
  const book = split ? sheetBySheetBook(split, options, fileName, Math.max(1, limits.xlsBandRows)) : wholeBook(buffer, options, fileName);
  const { date1904 } = book;
  if (book.names.length > limits.maxSheets) throw importError(`文件“${fileName}”的工作表超过 ${limits.maxSheets} 个，已停止。`);
  const warnings: string[] = [];
  let done = 0;
  let total = 1;

  async function* rows(sheetIndex: number): AsyncGenerator<RawRow[]> {
    const name = book.names[sheetIndex];
    const sheet = name === undefined ? null : book.sheet(sheetIndex);
    if (!sheet) throw importError(`文件“${fileName}”中没有第 ${sheetIndex + 1} 个工作表。`);
    total = Math.max(1, sheet.rows);
    done = 0;
    let dropped = false;
    let batch: RawRow[] = [];
    for (const { ws, from } of sheet.pieces()) {
      const data = (ws['!data'] as (XLSX.CellObject[] | undefined)[] | undefined) ?? [];
      // Row properties (BIFF ROW records, SpreadsheetML ss:Hidden): only the hidden flag is used.
      const rowInfo = ws['!rows'] ?? [];
      for (let r = from; r < data.length; r++) {
        done = r;
        const source = data[r];
        if (!source) continue;
        const width = Math.min(source.length, limits.maxColumns);
        if (source.length > limits.maxColumns && source.slice(limits.maxColumns).some(Boolean)) dropped = true;
        const cells: CellValue[] = new Array(width);
        for (let c = 0; c < width; c++) cells[c] = toCell(source[c], date1904);
        batch.push({ row: r + 1, cells, hidden: rowInfo[r]?.hidden === true });
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
    done = total;
    if (dropped) warnings.push(`文件“${fileName}”的工作表“${name}”第 ${limits.maxColumns} 列之后的内容超出范围，未读取。`);
  }

  return {
    format,
    sheets: book.names.map((name, index) => ({ index, name, hidden: book.hidden[index] === true })),
    text: null,
    rows,
    progress: () => Math.min(1, done / total),
    warnings,
  };
}
