import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { buildReportModel } from '../../../shared/report/build-report-model.ts';
import type { ExpenseDetailRows, ReportInput } from '../../../shared/report/input.ts';
import type { ReportTable } from '../../../shared/report/table-model.ts';
import { validateReportInput } from '../../../shared/report/validate-input.ts';
import { DRAFT_FOOTER, type ExportOptions } from '../draft-mark.ts';
import { writeDetailSheet } from './detail-sheet.ts';
import { writeReportTextSheet } from './report-text-sheet.ts';
import { sheetNames, writeProjectEvalSheet } from './render-project-eval-xlsx.ts';
import { writeTableSheet } from './table-sheet.ts';
import type { ProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';

// ReportInput → .xlsx: the report text (报告正文), the tables the year's outline prints (with the Guangdong outline 自评表,
// 预算执行情况表, 重点工作, 项目绩效指标 when the year has project indicators), then 支出明细. Written with the
// streaming writer so a large 支出明细 never has to be held as a workbook in memory.

/**
 * Every sheet added from here on prints the 草稿 line in its page header. The streaming writer
 * writes a sheet's header and footer when the sheet commits, so the header goes into the options
 * the sheet is created with.
 */
function markDraftSheets(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const addWorksheet = wb.addWorksheet.bind(wb);
  const oddHeader = `&C${DRAFT_FOOTER}`;
  wb.addWorksheet = (name, options) => addWorksheet(name, { ...options, headerFooter: { ...options?.headerFooter, oddHeader } });
}

/** Writes the workbook to `out` (a file stream for a large 支出明细); resolves when committed. */
export async function writeReportXlsx(out: Writable, input: ReportInput, txnRows?: ExpenseDetailRows, opts: ExportOptions = {}): Promise<void> {
  const model = buildReportModel(validateReportInput(input));
  // One sheet per table the outline prints, in document order. The 审核提示说明 list annotates the
  // printed report and carries no figures, so the workbook leaves it out.
  const tables: ReportTable[] = [];
  const projectEvals: { project: string; grid: ProjectEvalGrid }[] = [];
  for (const b of model.blocks) {
    if ((b.kind === 'annex' || b.kind === 'table') && b.key !== 'check_explanation_table') tables.push(b.table);
    if (b.kind === 'projectEvalAnnex') projectEvals.push(b);
  }

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'SelfEval Desk';
  wb.title = model.title;
  const date = new Date(`${model.documentDate}T00:00:00+08:00`);
  wb.created = date;
  wb.modified = date;
  if (opts.draft) markDraftSheets(wb);

  const footerName = `${input.unitName} ${input.year}年度`;
  writeReportTextSheet(wb, model);
  for (const table of tables) writeTableSheet(wb, table, footerName);
  // Each project's 项目支出绩效自评表 as the standalone 项目自评 workbook prints it (live formulas).
  const evalFooter = `&L${footerName}&R第 &P 页，共 &N 页`;
  const used = new Set(['报告正文', '支出明细', ...tables.map((t) => t.name)]);
  const names = sheetNames([...used, ...projectEvals.map((p) => `项目自评-${p.project}`)]).slice(used.size);
  projectEvals.forEach((p, i) => {
    writeProjectEvalSheet(wb, names[i]!, p.grid, evalFooter);
  });
  await writeDetailSheet(wb, txnRows, `${input.unitName} ${input.year}年度支出明细`);
  await wb.commit();
}

export async function renderReportXlsx(input: ReportInput, txnRows?: ExpenseDetailRows, opts: ExportOptions = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeReportXlsx(out, input, txnRows, opts);
  await done;
  return Buffer.concat(chunks);
}
