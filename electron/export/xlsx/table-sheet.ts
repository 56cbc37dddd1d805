import type ExcelJS from 'exceljs';
import { fenToWanText } from '../../../shared/money/fen.ts';
import type { CellFormula, ReportTable, TableCell } from '../../../shared/report/table-model.ts';
import { neutralizeCellText } from './neutralize-cell-text.ts';
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

export function writeTableSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, table: ReportTable, footerName: string): void {
  const n = table.columns.length;
  const ws = wb.addWorksheet(table.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${HEADER_ROW}`,
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L${footerName}&C第 &P 页，共 &N 页` },
  });

  ws.columns = table.columns.map((c, i) => ({
    key: `c${i}`,
    width: fitColumnWidth([
      c.header,
      ...table.rows.map((r) => {
        const cell = r.cells[i];
        if (!cell || cell.kind === 'empty') return '';
        if (cell.kind === 'text') return r.role === 'section' ? '' : cell.text;
        return '0,000,000.00';
      }),
    ], 8, i === n - 1 && c.align === 'left' ? 50 : 36),
  }));

  const title = ws.getRow(1);
  title.getCell(1).value = neutralizeCellText(table.title);
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  ws.mergeCells(1, 1, 1, n);
  title.commit();

  const unit = ws.getRow(2);
  unit.getCell(1).value = table.unitLine;
  unit.getCell(1).alignment = { horizontal: 'right' };
  ws.mergeCells(2, 1, 2, n);
  unit.commit();

  const header = ws.getRow(HEADER_ROW);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  header.commit();

  table.rows.forEach((r, ri) => {
    const row = ws.getRow(FIRST_BODY_ROW + ri);
    r.cells.forEach((cell, ci) => {
      const x = row.getCell(ci + 1);
      x.value = cellValue(cell, ri, ci);
      x.border = THIN;
      const fmt = NUM_FMT[cell.kind];
      if (fmt) x.numFmt = fmt;
      const align = cell.kind === 'text' ? table.columns[ci]!.align : 'right';
      x.alignment = { horizontal: align, vertical: 'middle', wrapText: cell.kind === 'text', indent: ci === 0 ? r.indent : 0 };
      if (r.role === 'total' || r.role === 'section') x.font = { bold: true };
    });
    if (r.role === 'section') ws.mergeCells(FIRST_BODY_ROW + ri, 1, FIRST_BODY_ROW + ri, n);
    row.commit();
  });
  ws.commit();
}
