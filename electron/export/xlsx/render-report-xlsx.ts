import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { buildReportModel } from '../../../shared/report/build-report-model.ts';
import type { ExpenseDetailRows, ReportInput } from '../../../shared/report/input.ts';
import type { ReportTable } from '../../../shared/report/table-model.ts';
import { validateReportInput } from '../../../shared/report/validate-input.ts';
import type { ExportOptions } from '../draft-mark.ts';
import { writeDetailSheets } from './detail-sheet.ts';
import { pageFooter, pageHeader, pageSetup, type SheetPrintContext, setChineseNormalFont } from './print-layout.ts';
import { writeReportTextSheet } from './report-text-sheet.ts';
import { sheetNames, writeProjectEvalSheet } from './render-project-eval-xlsx.ts';
import { writeTableSheet } from './table-sheet.ts';
import type { ProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';

// ReportInput → .xlsx: the report text (报告正文), the tables the year's outline prints (with the Guangdong outline 自评表,
// 预算执行情况表, 重点工作, 项目绩效指标 when the year has project indicators), then 支出明细 (or, when
// the detail goes into a workbook of its own, without it). Written with the streaming writer into
// `out`, so however many ledger rows the year has, memory holds a few rows and the zip buffers.

export interface XlsxExportOptions extends ExportOptions {
  /** 'separate': the report workbook without 支出明细 (writeDetailXlsx writes that one). */
  detail?: 'included' | 'separate';
  /** Rows per 支出明细 sheet: Excel's limit unless a test passes a small one. */
  maxDetailRows?: number;
}

/** Shared strings for the report's own sheets (支出明细 writes its text inline: see detail-sheet.ts). */
function newWorkbook(out: Writable, title: string, documentDate: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  setChineseNormalFont(wb);
  wb.creator = 'SelfEval Desk';
  wb.title = title;
  const date = new Date(`${documentDate}T00:00:00+08:00`);
  wb.created = date;
  wb.modified = date;
  return wb;
}

const printContext = (input: ReportInput, opts: ExportOptions): SheetPrintContext => ({
  headerName: `${input.departmentName} ${input.year}年度`,
  draft: opts.draft === true,
});

/** Writes the workbook to `out` (a file stream for a large 支出明细); resolves when committed. */
export async function writeReportXlsx(out: Writable, input: ReportInput, txnRows?: ExpenseDetailRows, opts: XlsxExportOptions = {}): Promise<void> {
  const model = buildReportModel(validateReportInput(input));
  // One sheet per table the outline prints, in document order: the same annexes as the PDF and Word
  // file, 审核提示说明 included when the office chose it.
  const tables: ReportTable[] = [];
  const projectEvals: { project: string; grid: ProjectEvalGrid }[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'annex' || b.kind === 'table') tables.push(b.table);
    if (b.kind === 'projectEvalAnnex') projectEvals.push(b);
  }
  const wb = newWorkbook(out, model.title, model.documentDate);
  const print = printContext(input, opts);
  writeReportTextSheet(wb, model, print);
  for (const table of tables) writeTableSheet(wb, table, print);
  // Each project's 项目支出绩效自评表 as the standalone 项目自评 workbook prints it (live formulas).
  const used = new Set(['报告正文', '支出明细', ...tables.map((t) => t.name)]);
  const names = sheetNames([...used, ...projectEvals.map((p) => `项目自评-${p.project}`)]).slice(used.size);
  projectEvals.forEach((p, i) => {
    // Landscape and as many pages tall as it needs: the table's 10.5 pt text then prints at full size.
    writeProjectEvalSheet(wb, names[i]!, p.grid, pageFooter(names[i]!), { header: pageHeader(print), pageSetup: pageSetup('landscape') });
  });
  if (opts.detail !== 'separate') {
    await writeDetailSheets(wb, txnRows, { print, heading: `${input.unitName} ${input.year}年度支出明细`, maxRows: opts.maxDetailRows });
  }
  await wb.commit();
}

/** 支出明细 as a workbook of its own (for a year too big to pass around in one file). */
export async function writeDetailXlsx(out: Writable, input: ReportInput, txnRows: ExpenseDetailRows, opts: XlsxExportOptions = {}): Promise<void> {
  const heading = `${input.unitName} ${input.year}年度支出明细`;
  const wb = newWorkbook(out, heading, new Date().toISOString().slice(0, 10));
  await writeDetailSheets(wb, txnRows, { print: printContext(input, opts), heading, maxRows: opts.maxDetailRows });
  await wb.commit();
}

/** Collects what a writer streams into one buffer (for the window, which receives bytes). */
export async function collect(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  await done;
  return Buffer.concat(chunks);
}

export function renderReportXlsx(input: ReportInput, txnRows?: ExpenseDetailRows, opts: XlsxExportOptions = {}): Promise<Buffer> {
  return collect((out) => writeReportXlsx(out, input, txnRows, opts));
}

export function renderDetailXlsx(input: ReportInput, txnRows: ExpenseDetailRows, opts: XlsxExportOptions = {}): Promise<Buffer> {
  return collect((out) => writeDetailXlsx(out, input, txnRows, opts));
}
