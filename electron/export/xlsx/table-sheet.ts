import type ExcelJS from 'exceljs';
import { fenToWanText } from '../../../shared/money/fen.ts';
import type { CellFormula, ReportTable, TableCell } from '../../../shared/report/table-model.ts';
import { neutralizeCellText } from './neutralize-cell-text.ts';
import { BASE_FONT, BOLD_FONT, fitWidths, MIN_PRINTED_PT, type Orientation, pageFooter, pageHeader, pageSetup, type SheetPrintContext, TITLE_FONT, widthBudget, wrappedRowHeight } from './print-layout.ts';
import { fitColumnWidth } from './text-width.ts';

// One ReportTable as a worksheet: title and unit rows, a frozen header, live formulas (with their
// results cached so viewers that do not recalculate still show the figures), A4 print setup.

export const HEADER_ROW = 3;
const FIRST_BODY_ROW = HEADER_ROW + 1;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

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

const ref = (row: number, col: number) => `${columnLetter(col)}${FIRST_BODY_ROW + row}`;

function formulaText(f: CellFormula, row: number, col: number): string {
  switch (f.op) {
    case 'sum': {
      const rows = [...f.rows].sort((a, b) => a - b);
      const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
      if (contiguous && rows.length > 1) return `SUM(${ref(rows[0]!, col)}:${ref(rows[rows.length - 1]!, col)})`;
      return `SUM(${rows.map((r) => ref(r, col)).join(',')})`;
    }
    case 'diff':
      return `${ref(row, f.minuend)}-${ref(row, f.subtrahend)}`;
    case 'ratio':
      return `IF(${ref(row, f.den)}=0,"",${ref(row, f.num)}/${ref(row, f.den)})`;
  }
}

/** The number a typed cell holds in the sheet: 万元 for fen, points for centi, a fraction for a ratio. */
export function cellNumber(cell: TableCell): number | string | null {
  switch (cell.kind) {
    case 'fen':
      return Number(fenToWanText(cell.fen));
    case 'centi':
      return cell.centi / 100;
    case 'ratio':
      return cell.ratio === null ? '' : cell.ratio.num / cell.ratio.den;
    default:
      return null;
  }
}

function cellValue(cell: TableCell, row: number, col: number): ExcelJS.CellValue {
  if (cell.kind === 'text') return neutralizeCellText(cell.text);
  if (cell.kind === 'empty') return null;
  const value = cellNumber(cell);
  if (cell.formula) return { formula: formulaText(cell.formula, row, col), result: value ?? undefined } as ExcelJS.CellFormulaValue;
  return value;
}

const NUM_FMT: Record<string, string> = { fen: '#,##0.00', centi: '0.00', ratio: '0.00%' };


/** The widest figure a numeric column prints, for its width. */
const NUMBER_SAMPLE: Record<string, string> = { fen: '0,000,000.00', centi: '100.00', ratio: '100.00%' };

/** Column widths that print on A4 (see print-layout.ts), and the orientation they need. */
export function tableLayout(table: ReportTable): { widths: number[]; orientation: Orientation } {
  const n = table.columns.length;
  const natural: number[] = [];
  const floors: number[] = [];
  table.columns.forEach((c, i) => {
    let numeric = 0;
    const texts = [c.header];
    for (const r of table.rows) {
      const cell = r.cells[i];
      if (!cell || cell.kind === 'empty') continue;
      if (cell.kind === 'text') {
        if (r.role !== 'section') texts.push(cell.text + ' '.repeat(i === 0 ? r.indent * 2 : 0));
      } else numeric = Math.max(numeric, fitColumnWidth([NUMBER_SAMPLE[cell.kind]!], 6, 20));
    }
    const width = Math.max(numeric, fitColumnWidth(texts, 8, i === n - 1 && c.align === 'left' ? 50 : 36));
    natural.push(width);
    // Figures keep their width (a narrow number prints ####); text wraps, down to 5 characters.
    floors.push(Math.max(numeric, Math.min(width, 10)));
  });
  const sum = natural.reduce((s, w) => s + w, 0);
  const orientation: Orientation = sum <= widthBudget('portrait', MIN_PRINTED_PT) * 1.2 ? 'portrait' : 'landscape';
  return { widths: fitWidths(natural, widthBudget(orientation, MIN_PRINTED_PT), floors), orientation };
}

export function writeTableSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, table: ReportTable, print: SheetPrintContext): void {
  const n = table.columns.length;
  const layout = tableLayout(table);
  const ws = wb.addWorksheet(table.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: pageSetup(layout.orientation, HEADER_ROW),
    headerFooter: { oddHeader: pageHeader(print), oddFooter: pageFooter(table.name) },
  });
  ws.columns = layout.widths.map((width, i) => ({ key: `c${i}`, width }));

  const title = ws.getRow(1);
  title.getCell(1).value = neutralizeCellText(table.title);
  title.getCell(1).font = TITLE_FONT;
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.mergeCells(1, 1, 1, n);
  title.commit();

  // No unit line, no merge: without shared strings an empty text is stored as no value, and a merged
  // range whose first cell has none breaks readers (exceljs throws on its cells' text).
  const unit = ws.getRow(2);
  if (table.unitLine) {
    unit.getCell(1).value = table.unitLine;
    unit.getCell(1).alignment = { horizontal: 'right' };
    unit.getCell(1).font = BASE_FONT;
    ws.mergeCells(2, 1, 2, n);
  }
  unit.commit();

  const header = ws.getRow(HEADER_ROW);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = BOLD_FONT;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  const headerHeight = wrappedRowHeight(table.columns.map((c, i) => ({ text: c.header, width: layout.widths[i]! })));
  if (headerHeight) header.height = headerHeight;
  header.commit();

  table.rows.forEach((r, ri) => {
    const row = ws.getRow(FIRST_BODY_ROW + ri);
    if (r.role !== 'section') {
      const texts = r.cells.flatMap((cell, ci) =>
        cell.kind === 'text' ? [{ text: cell.text + ' '.repeat(ci === 0 ? r.indent * 2 : 0), width: layout.widths[ci]! }] : [],
      );
      const height = wrappedRowHeight(texts);
      if (height) row.height = height;
    }
    r.cells.forEach((cell, ci) => {
      const x = row.getCell(ci + 1);
      x.value = cellValue(cell, ri, ci);
      x.border = THIN;
      const fmt = NUM_FMT[cell.kind];
      if (fmt) x.numFmt = fmt;
      const align = cell.kind === 'text' ? table.columns[ci]!.align : 'right';
      x.alignment = { horizontal: align, vertical: 'middle', wrapText: cell.kind === 'text', indent: ci === 0 ? r.indent : 0 };
      x.font = r.role === 'total' || r.role === 'section' ? BOLD_FONT : BASE_FONT;
    });
    if (r.role === 'section') ws.mergeCells(FIRST_BODY_ROW + ri, 1, FIRST_BODY_ROW + ri, n);
    row.commit();
  });
  ws.commit();
}
