import type ExcelJS from 'exceljs';
import type { ExpenseDetailRow, ExpenseDetailRows } from '../../../shared/report/input.ts';
import { neutralizeCellText } from './neutralize-cell-text.ts';
import { BASE_FONT, BOLD_FONT, pageFooter, pageHeader, pageSetup, type SheetPrintContext, TITLE_FONT, wrappedRowHeight } from './print-layout.ts';

// 支出明细: one row per ledger transaction, streamed (each row is committed as it comes, so a
// million rows never sit in memory), dates as dates, amounts as numbers in 元, a live SUM per
// sheet. Past Excel's row limit the detail continues on 支出明细(2), (3)…; the last sheet ends
// with the 合计 of all of them.

/** Rows in one Excel worksheet (2^20). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const DETAIL_SHEET = '支出明细';

const COLUMNS = [
  { header: '日期', width: 11 },
  { header: '凭证号', width: 9 },
  { header: '单位', width: 12 },
  { header: '摘要', width: 22 },
  { header: '对方单位', width: 14 },
  { header: '资金来源', width: 12 },
  { header: '支出类型', width: 9 },
  { header: '项目', width: 14 },
  { header: '经济分类', width: 9 },
  { header: '金额（元）', width: 14 },
];
export const DETAIL_WIDTHS = COLUMNS.map((c) => c.width);
const AMOUNT_COL = COLUMNS.length;
const AMOUNT_LETTER = 'J';
const HEADER_ROW = 3;
const BODY_ROW_PT = 18;
const YIELD_EVERY = 100;
const AMOUNT_FMT = '#,##0.00;-#,##0.00';

// One style object per column, shared by every body cell: exceljs caches a style's id by object
// identity, so a million rows cost one lookup per cell instead of serialising a style each time.
const TEXT_STYLE: Partial<ExcelJS.Style> = { font: BASE_FONT, alignment: { vertical: 'top', wrapText: true } };
const DATE_STYLE: Partial<ExcelJS.Style> = { font: BASE_FONT, numFmt: 'yyyy-mm-dd', alignment: { vertical: 'top', horizontal: 'center' } };
const CODE_STYLE: Partial<ExcelJS.Style> = { font: BASE_FONT, alignment: { vertical: 'top', horizontal: 'center' } };
// 支出类型 ("基本支出·人员经费") is wider than its column: centred and wrapped, as the row height assumes,
// not cut off by its neighbours.
const LABEL_STYLE: Partial<ExcelJS.Style> = { font: BASE_FONT, alignment: { vertical: 'top', horizontal: 'center', wrapText: true } };
const AMOUNT_STYLE: Partial<ExcelJS.Style> = { font: BASE_FONT, numFmt: AMOUNT_FMT, alignment: { vertical: 'top' } };
const BODY_STYLES = [DATE_STYLE, TEXT_STYLE, TEXT_STYLE, TEXT_STYLE, TEXT_STYLE, TEXT_STYLE, LABEL_STYLE, TEXT_STYLE, CODE_STYLE, AMOUNT_STYLE];

export interface DetailSheetOptions {
  print: SheetPrintContext;
  /** Heading over the rows ("某某部门 2021年度支出明细"). */
  heading: string;
  /** Rows per worksheet; Excel's limit unless a test wants a small one. */
  maxRows?: number;
}

export interface DetailSheetResult {
  sheets: string[];
  rows: number;
  totalFen: number;
}

const MAX_BACKLOG = 1 << 20;

type Buffered = { _writableState?: { length: number }; _readableState?: { length: number } };

/**
 * Bytes of sheet XML written but not yet taken by the zip: what waits in the pass-through between
 * the worksheet's stream and archiver (their internals; 0 if a version lacks them, and the
 * export then just yields every 100 rows).
 */
function zipBacklog(ws: ExcelJS.Worksheet): number {
  const pipe = (ws as unknown as { stream?: { pipes?: Buffered[] } }).stream?.pipes?.[0];
  return (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
}

const sheetName = (index: number) => (index === 0 ? DETAIL_SHEET : `${DETAIL_SHEET}(${index + 1})`);

/** A 'YYYY-MM-DD' ledger date as a date cell (UTC midnight, so the serial is a whole day). */
function dateCell(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : neutralizeCellText(text);
}

/** dateCell, made once per distinct date: a year has a few hundred, the sheet a million rows. */
function dateCells(): (text: string) => Date | string {
  const made = new Map<string, Date | string>();
  return (text) => {
    let cell = made.get(text);
    if (cell === undefined) {
      cell = dateCell(text);
      if (made.size >= 4096) made.clear();
      made.set(text, cell);
    }
    return cell;
  };
}

/** Columns 2–8 (凭证号 … 项目), whose text may wrap. */
const WRAPPED_COLUMNS = [1, 2, 3, 4, 5, 6, 7];

class DetailSheet {
  readonly ws: ExcelJS.Worksheet;
  next = HEADER_ROW + 1;
  fen = 0;

  constructor(
    wb: ExcelJS.stream.xlsx.WorkbookWriter,
    readonly name: string,
    heading: string,
    print: SheetPrintContext,
  ) {
    // Text inline, not in the shared-strings table: that table stays in memory until the workbook
    // commits, so it would grow with every distinct 摘要 of the year.
    // (The streaming writer takes the option per sheet; its type declarations do not list it.)
    const options: Partial<ExcelJS.AddWorksheetOptions> & { useSharedStrings: boolean } = {
      useSharedStrings: false,
      views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
      pageSetup: pageSetup('landscape', HEADER_ROW),
      headerFooter: { oddHeader: pageHeader(print), oddFooter: pageFooter(name) },
    };
    this.ws = wb.addWorksheet(name, options);
    this.ws.columns = COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width }));
    const title = this.ws.getRow(1);
    title.getCell(1).value = neutralizeCellText(heading);
    title.getCell(1).font = TITLE_FONT;
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    this.ws.mergeCells(1, 1, 1, COLUMNS.length);
    title.commit();
    const unit = this.ws.getRow(2);
    unit.getCell(AMOUNT_COL).value = '单位：元';
    unit.getCell(AMOUNT_COL).font = BASE_FONT;
    unit.getCell(AMOUNT_COL).alignment = { horizontal: 'right' };
    unit.commit();
    const header = this.ws.getRow(HEADER_ROW);
    COLUMNS.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = BOLD_FONT;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    header.height = wrappedRowHeight(COLUMNS.map((c) => ({ text: c.header, width: c.width }))) ?? BODY_ROW_PT;
    header.commit();
  }

  get bodyRows(): number {
    return this.next - HEADER_ROW - 1;
  }

  private readonly date = dateCells();
  /** The wrapped text cells of a body row, refilled for each row. */
  private readonly wrapped = WRAPPED_COLUMNS.map((col) => ({ text: '', width: COLUMNS[col]!.width }));

  add(r: ExpenseDetailRow): void {
    const row = this.ws.getRow(this.next++);
    row.values = [
      this.date(r.date),
      neutralizeCellText(r.voucherNo),
      neutralizeCellText(r.unitName),
      neutralizeCellText(r.summary),
      neutralizeCellText(r.counterparty),
      neutralizeCellText(r.fundingSource),
      neutralizeCellText(r.category),
      neutralizeCellText(r.projectName),
      neutralizeCellText(r.econCode),
      r.amountFen / 100,
    ];
    for (let i = 0; i < BODY_STYLES.length; i++) row.getCell(i + 1).style = BODY_STYLES[i]!;
    const texts = [r.voucherNo, r.unitName, r.summary, r.counterparty, r.fundingSource, r.category, r.projectName];
    for (let i = 0; i < texts.length; i++) (this.wrapped[i] as { text: string }).text = texts[i] as string;
    const height = wrappedRowHeight(this.wrapped);
    if (height) row.height = height;
    this.fen += r.amountFen;
    row.commit();
  }

  /** Writes a labelled total row; returns the A1 address of its amount. */
  totalRow(label: string, formula: string, fen: number): string {
    const rowNo = this.next++;
    const row = this.ws.getRow(rowNo);
    row.getCell(1).value = label;
    row.getCell(1).font = BOLD_FONT;
    const amount = row.getCell(AMOUNT_COL);
    amount.value = { formula, result: fen / 100 } as ExcelJS.CellFormulaValue;
    amount.numFmt = AMOUNT_FMT;
    amount.font = BOLD_FONT;
    row.commit();
    return `${AMOUNT_LETTER}${rowNo}`;
  }

  subtotal(label: string): string {
    const last = this.next - 1;
    const formula = last >= HEADER_ROW + 1 ? `SUM(${AMOUNT_LETTER}${HEADER_ROW + 1}:${AMOUNT_LETTER}${last})` : '0';
    return this.totalRow(label, formula, this.fen);
  }
}

/**
 * Streams the rows into as many 支出明细 sheets as they need. Each sheet keeps two rows free at
 * its end, so a continued sheet's 本表小计 and the last sheet's 合计 always fit under the limit.
 */
export async function writeDetailSheets(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  rows: ExpenseDetailRows | undefined,
  opts: DetailSheetOptions,
): Promise<DetailSheetResult> {
  const maxRows = opts.maxRows ?? EXCEL_MAX_ROWS;
  const perSheet = maxRows - HEADER_ROW - 2;
  if (perSheet < 1) throw new Error(`每张工作表至少要能容纳一行明细（收到行数上限 ${maxRows}）`);
  const done: { name: string; subtotal: string; fen: number }[] = [];
  let sheet = new DetailSheet(wb, sheetName(0), opts.heading, opts.print);
  let count = 0;
  if (rows) {
    for await (const r of rows) {
      if (sheet.bodyRows >= perSheet) {
        done.push({ name: sheet.name, subtotal: sheet.subtotal('本表小计'), fen: sheet.fen });
        sheet.ws.commit();
        sheet = new DetailSheet(wb, sheetName(done.length), `${opts.heading}（续${done.length + 1}）`, opts.print);
      }
      sheet.add(r);
      // Back to the event loop every 100 rows, and until the zip has taken what the sheet wrote:
      // exceljs hands the sheet's XML on without waiting for it, and the zip compresses a chunk
      // per turn of the loop, so otherwise the XML piles up in memory. The app keeps answering.
      if (++count % YIELD_EVERY === 0) {
        do await new Promise<void>((resolve) => setImmediate(resolve));
        while (zipBacklog(sheet.ws) > MAX_BACKLOG);
      }
    }
  }
  let totalFen = sheet.fen;
  if (done.length === 0) {
    sheet.subtotal('合计');
  } else {
    const own = sheet.subtotal('本表小计');
    totalFen += done.reduce((s, d) => s + d.fen, 0);
    const parts = [...done.map((d) => `'${d.name}'!${d.subtotal}`), own];
    sheet.totalRow(`合计（${DETAIL_SHEET}共 ${done.length + 1} 张表）`, parts.join('+'), totalFen);
  }
  sheet.ws.commit();
  return { sheets: [...done.map((d) => d.name), sheet.name], rows: count, totalFen };
}
