// .xls (BIFF8), SpreadsheetML 2003, HTML tables saved as .xls and .ods go through @e965/xlsx
// 0.20.3 (the SheetJS build with the CVE fixes), values only: no formulas, no HTML, no styles.
// These formats are not streamable, so the whole workbook is parsed once (inside the capped worker).

import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { type CellValue, capCellTextValue, dateCell, errorCell, type RawRow } from '../../shared/import/cell.ts';
import { isDateFormatCode } from '../../shared/import/excel-date-format.ts';
import type { FileFormat } from '../../shared/import/file-formats.ts';
import { DATE1904_OFFSET } from '../../shared/import/normalize-date.ts';
import { importError } from './import-error.ts';
import type { ImportLimits } from './limits.ts';
import type { WorkbookSource } from './workbook-source.ts';

// Code pages for BIFF5 files written by Chinese Excel 95/97 (GBK, code page 936).
XLSX.set_cptable(cptable);

const UNKNOWN_RECORD = 'Missing Info for XLS Record';

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
      return errorCell(typeof cell.w === 'string' ? cell.w : '#ERROR');
    case 'd':
      return cell.v instanceof Date ? capCellTextValue(cell.v.toISOString().slice(0, 10)) : null;
    default:
      return null;
  }
}

export function openSheetJs(
  buffer: Buffer,
  format: Exclude<FileFormat, 'xlsx' | 'csv'>,
  fileName: string,
  limits: ImportLimits,
): WorkbookSource {
  let wb: XLSX.WorkBook;
  const unknown = { records: 0 };
  try {
    wb = withUnknownRecordsCounted(unknown, () => XLSX.read(buffer, {
      type: 'buffer',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellNF: true,
      cellDates: false,
      raw: format === 'html',
      sheetRows: limits.maxRows + 1,
      codepage: 936,
    }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(message)) {
      throw importError(`文件“${fileName}”有密码保护，无法读取。请先在 Excel 中打开，取消密码后另存，再导入。`);
    }
    const records = unknown.records > 0 ? `，含 ${unknown.records} 个无法识别的记录` : '';
    throw importError(`文件“${fileName}”已损坏或格式不受支持，无法读取（${message.slice(0, 120)}${records}）。`);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  if (wb.SheetNames.length > limits.maxSheets) throw importError(`文件“${fileName}”的工作表超过 ${limits.maxSheets} 个，已停止。`);
  const warnings: string[] = [];
  let done = 0;
  let total = 1;

  async function* rows(sheetIndex: number): AsyncGenerator<RawRow[]> {
    const name = wb.SheetNames[sheetIndex];
    const ws = name === undefined ? undefined : wb.Sheets[name];
    if (!ws) throw importError(`文件“${fileName}”中没有第 ${sheetIndex + 1} 个工作表。`);
    const data = (ws['!data'] as (XLSX.CellObject[] | undefined)[] | undefined) ?? [];
    // Row properties (BIFF ROW records, SpreadsheetML ss:Hidden): only the hidden flag is used.
    const rowInfo = ws['!rows'] ?? [];
    total = Math.max(1, data.length);
    let dropped = false;
    let batch: RawRow[] = [];
    for (let r = 0; r < data.length; r++) {
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
    if (batch.length > 0) yield batch;
    done = total;
    if (dropped) warnings.push(`文件“${fileName}”的工作表“${name}”第 ${limits.maxColumns} 列之后的内容超出范围，未读取。`);
  }

  return {
    format,
    sheets: wb.SheetNames.map((name, index) => ({ index, name, hidden: (wb.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0 })),
    text: null,
    rows,
    progress: () => Math.min(1, done / total),
    warnings,
  };
}
