import ExcelJS from 'exceljs';
import { GRID_COLUMNS, GRID_WIDTHS, type GridCell, type ProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';
import { neutralizeCellText } from './neutralize-cell-text.ts';
import { columnLetter } from './table-sheet.ts';

// The 项目支出绩效自评表 as a workbook: one sheet per project, the official layout with merged
// cells, live formulas for 执行率, every score, the 总分 and the 评价等次 (results cached so a viewer
// that does not recalculate still shows them), A4 portrait fitted to one page wide.

export interface ProjectEvalXlsxInput {
  grids: Array<{ sheetName: string; grid: ProjectEvalGrid }>;
  draft: boolean;
  date: string;
  footerName: string;
}

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
  x.font = { name: '仿宋', size: 10.5, bold };
  const horizontal = c.style === 'number' ? 'right' : c.style === 'text' && c.colSpan > 1 ? 'left' : 'center';
  x.alignment = { horizontal, vertical: 'middle', wrapText: true };
  if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(a1(c.row, c.col), a1(c.row + c.rowSpan - 1, c.col + c.colSpan - 1));
}

/**
 * One project's table on a sheet of its own. Also used by the report workbook (a streaming
 * writer) for the project_eval_tables annex, so both print the same sheet.
 */
export function writeProjectEvalSheet(wb: Pick<ExcelJS.Workbook, 'addWorksheet'>, name: string, grid: ProjectEvalGrid, footer: string, header?: string): void {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
      margins: { left: 0.7, right: 0.6, top: 0.9, bottom: 0.8, header: 0.3, footer: 0.4 },
    },
    headerFooter: header === undefined ? { oddFooter: footer } : { oddHeader: header, oddFooter: footer },
  });
  const rel = GRID_WIDTHS.reduce((a, b) => a + b, 0);
  const widths = GRID_WIDTHS.map((w) => Math.round((w / rel) * 100 * 10) / 10);
  ws.columns = widths.map((width) => ({ width }));
  // A CJK character takes about two width units; a row is as tall as its longest wrapped cell.
  const linesOf = (c: GridCell) => Math.ceil(c.text.length / Math.max(1, widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0) / 2 - 1));
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
    const lines = Math.max(1, ...grid.cells.filter((c) => c.row === r && c.rowSpan === 1).map(linesOf));
    ws.getRow(TITLE_ROWS + 1 + r).height = Math.max(22, lines * 15);
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
  const footer = `&L${input.footerName}${input.draft ? '&C草稿' : ''}&R第 &P 页，共 &N 页`;
  for (const { sheetName, grid } of input.grids) writeProjectEvalSheet(wb, sheetName, grid, footer);
  if (input.grids.length === 0) wb.addWorksheet('项目自评').getCell('A1').value = '本年度没有项目支出。';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
