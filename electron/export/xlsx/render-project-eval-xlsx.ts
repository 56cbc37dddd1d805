import ExcelJS from 'exceljs';
import { GRID_COLUMNS, type GridCell, type ProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';
import { gridColumnWidths, keepRowHeadings } from '../../../shared/project-eval/grid-widths.ts';
import { neutralizeCellText } from './neutralize-cell-text.ts';
import {
  type Orientation,
  PT_PER_WIDTH_UNIT,
  pageFooter,
  pageHeader,
  pageSetup,
  printableWidthPt,
  widthBudget,
  wrappedRowHeight,
} from './print-layout.ts';
import { columnLetter } from './table-sheet.ts';
import { displayWidth } from './text-width.ts';

// The 项目支出绩效自评表 as a workbook: one sheet per project, the official layout with merged
// cells, live formulas for 执行率, every score, the 总分 and the 评价等次 (results cached so a viewer
// that does not recalculate still shows them). It prints like the report workbook (print-layout.ts):
// A4 landscape one page wide, columns chosen so the 10.5 pt cell text prints at 9 pt or more, the
// department and year in the page header (and 草稿 on a draft).

export interface ProjectEvalXlsxInput {
  grids: Array<{ sheetName: string; grid: ProjectEvalGrid }>;
  draft: boolean;
  date: string;
  /** "某某部门 2021年度": printed at the top left of every page. */
  headerName: string;
}

/** The cell text size, the smallest on the sheet. */
export const CELL_PT = 10.5;

const TITLE_ROWS = 3;
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

const a1 = (row: number, col: number) => `${columnLetter(col)}${TITLE_ROWS + 1 + row}`;
const formulaA1 = (f: string) => f.replace(/\{(\d+),(\d+)\}/g, (_m, r: string, c: string) => a1(Number(r), Number(c)));

/** Sheet names: at most 31 characters, none of []:*?/\, unique within the workbook. */
export function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = raw.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || '项目';
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}(${k})`;
    used.add(name);
    return name;
  });
}

function writeCell(ws: ExcelJS.Worksheet, c: GridCell): void {
  const x = ws.getCell(a1(c.row, c.col));
  if (c.formula) {
    const result = c.number ?? (c.style === 'number' ? undefined : c.text);
    x.value = { formula: formulaA1(c.formula), result } as ExcelJS.CellFormulaValue;
  } else if (c.number !== undefined && c.number !== null) x.value = c.number;
  else x.value = neutralizeCellText(c.text);
  if (c.numberFormat) x.numFmt = c.numberFormat;
  const bold = c.style === 'label' || c.style === 'header' || c.style === 'total';
  x.font = { name: '仿宋', size: CELL_PT, bold };
  const horizontal = c.style === 'number' ? 'right' : c.style === 'text' && c.colSpan > 1 ? 'left' : 'center';
  x.alignment = { horizontal, vertical: 'middle', wrapText: true };
  if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(a1(c.row, c.col), a1(c.row + c.rowSpan - 1, c.col + c.colSpan - 1));
}

/** How a sheet prints: its page header and setup (print-layout.ts). */
export interface SheetPrint {
  header: string;
  pageSetup: Partial<ExcelJS.PageSetup>;
}

/**
 * Column widths for the page the sheet prints on: the printable width at 100 %, or the most the
 * page holds with 10.5 pt text still at 9 pt. Figures and short units stay on one line, and so do
 * the row headings of column A ("项目资金（万元）" used to wrap before its last "）").
 */
export function projectEvalColumnWidths(grid: ProjectEvalGrid, orientation: Orientation): number[] {
  const total = Math.min(Math.floor(printableWidthPt(orientation) / PT_PER_WIDTH_UNIT), widthBudget(orientation, CELL_PT));
  const widths = gridColumnWidths([grid], total, displayWidth, 2, keepRowHeadings(Number.POSITIVE_INFINITY));
  return widths.map((w) => Math.floor(w * 10) / 10);
}

/**
 * One project's table on a sheet of its own. Also used by the report workbook (a streaming
 * writer) for the project_eval_tables annex, so both print the same table and the same way.
 */
export function writeProjectEvalSheet(wb: Pick<ExcelJS.Workbook, 'addWorksheet'>, name: string, grid: ProjectEvalGrid, footer: string, print: SheetPrint): void {
  const ws = wb.addWorksheet(name, { pageSetup: print.pageSetup, headerFooter: { oddHeader: print.header, oddFooter: footer } });
  const widths = projectEvalColumnWidths(grid, print.pageSetup.orientation ?? 'landscape');
  ws.columns = widths.map((width) => ({ width }));
  const title = ws.getCell('A1');
  title.value = grid.title;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, GRID_COLUMNS);
  ws.getRow(1).height = 28;
  const sub = ws.getCell('A2');
  sub.value = grid.subtitle;
  sub.font = { name: '楷体', size: 12 };
  sub.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, GRID_COLUMNS);
  for (const c of grid.cells) writeCell(ws, c);
  // Every cell of the grid gets a border, merged ones included, so the printed rules are complete.
  for (let r = 0; r < grid.rows; r++) {
    for (let col = 0; col < GRID_COLUMNS; col++) ws.getCell(a1(r, col)).border = THIN;
    // A row is as tall as its longest wrapped cell; cells merged down share the rows they span.
    const cells = grid.cells
      .filter((c) => c.row === r && c.rowSpan === 1)
      .map((c) => ({ text: c.text, width: widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0), pt: CELL_PT }));
    ws.getRow(TITLE_ROWS + 1 + r).height = Math.max(22, wrappedRowHeight(cells) ?? 0);
  }
}

export async function renderProjectEvalXlsx(input: ProjectEvalXlsxInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SelfEval Desk';
  const date = new Date(`${input.date}T00:00:00+08:00`);
  wb.created = date;
  wb.modified = date;
  // Formulas recompute when the file is opened, so edited figures carry through to the scores.
  wb.calcProperties = { fullCalcOnLoad: true };
  const header = pageHeader({ headerName: input.headerName, draft: input.draft });
  for (const { sheetName, grid } of input.grids) writeProjectEvalSheet(wb, sheetName, grid, pageFooter(sheetName), { header, pageSetup: pageSetup('landscape') });
  if (input.grids.length === 0) wb.addWorksheet('项目自评').getCell('A1').value = '本年度没有项目支出。';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
