import type ExcelJS from 'exceljs';
import type { ReportModel } from '../../../shared/report/build-report-model.ts';
import { signatureAsPlainLines } from '../../../shared/report/signature-block.ts';
import { neutralizeCellText } from './neutralize-cell-text.ts';

// The report's prose as the workbook's first sheet, one heading or paragraph per row, so the Excel
// export carries the whole report (finance sections often pass the text on by spreadsheet) and
// says the same sentences as the PDF and Word files.

const TEXT_WIDTH = 100;

export function writeReportTextSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: ReportModel): void {
  const ws = wb.addWorksheet('报告正文', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: TEXT_WIDTH }];
  const add = (text: string, font?: Partial<ExcelJS.Font>, horizontal: 'left' | 'right' = 'left') => {
    const row = ws.addRow([neutralizeCellText(text)]);
    // A right-aligned line keeps its trailing spaces (its right indent) only when not wrapped.
    row.getCell(1).alignment = horizontal === 'right' ? { vertical: 'top', horizontal } : { wrapText: true, vertical: 'top' };
    if (font) row.getCell(1).font = font;
    row.commit();
  };
  for (const b of model.blocks) {
    if (b.kind === 'title') add(b.lines.join(''), { bold: true, size: 14 });
    else if (b.kind === 'heading') add(`${b.number}${b.text}`, { bold: true });
    else if (b.kind === 'paragraph') add(b.text);
    else if (b.kind === 'annexNote') add(`附件：${b.items.join('；')}`);
    // The same 署名, 成文日期 and sign lines as the PDF and Word, right indents kept as trailing spaces.
    else if (b.kind === 'signature') for (const line of signatureAsPlainLines(b.signature)) add(line.text, undefined, line.align);
  }
  ws.commit();
}
