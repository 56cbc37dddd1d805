import type ExcelJS from 'exceljs';
import type { ReportModel } from '../../../shared/report/build-report-model.ts';
import { signatureAsPlainLines } from '../../../shared/report/signature-block.ts';
import { neutralizeCellText } from './neutralize-cell-text.ts';
import { BASE_FONT, BOLD_FONT, MIN_PRINTED_PT, pageFooter, pageHeader, pageSetup, type SheetPrintContext, TITLE_FONT, widthBudget, wrappedRowHeight } from './print-layout.ts';

// The report's prose as the workbook's first sheet, one heading or paragraph per row, so the Excel
// export carries the whole report (finance sections often pass the text on by spreadsheet) and
// says the same sentences as the PDF and Word files. One column as wide as an A4 page holds at
// full size, so paragraphs wrap and print at 11 pt.

const SHEET = '报告正文';

export function writeReportTextSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: ReportModel, print: SheetPrintContext): void {
  const ws = wb.addWorksheet(SHEET, {
    pageSetup: pageSetup('portrait'),
    headerFooter: { oddHeader: pageHeader(print), oddFooter: pageFooter(SHEET) },
  });
  const width = widthBudget('portrait', MIN_PRINTED_PT);
  ws.columns = [{ width }];
  const add = (text: string, font: Partial<ExcelJS.Font>, horizontal: 'left' | 'center' | 'right' = 'left') => {
    const row = ws.addRow([neutralizeCellText(text)]);
    // A right-aligned line keeps its trailing spaces (its right indent) only when not wrapped.
    if (horizontal === 'right') row.getCell(1).alignment = { vertical: 'top', horizontal };
    else {
      const height = wrappedRowHeight([{ text, width, pt: font.size }]);
      if (height) row.height = height;
      row.getCell(1).alignment = { wrapText: true, vertical: 'top', horizontal };
    }
    row.getCell(1).font = font;
    row.commit();
  };
  for (const b of model.blocks) {
    if (b.kind === 'title') add(b.lines.join(''), TITLE_FONT, 'center');
    else if (b.kind === 'heading') add(`${b.number}${b.text}`, BOLD_FONT);
    else if (b.kind === 'paragraph') add(b.text, BASE_FONT);
    else if (b.kind === 'annexNote') add(`附件：${b.items.join('；')}`, BASE_FONT);
    // The same 署名, 成文日期 and sign lines as the PDF and Word, right indents kept as trailing spaces.
    else if (b.kind === 'signature') for (const line of signatureAsPlainLines(b.signature)) add(line.text, BASE_FONT, line.align);
  }
  ws.commit();
}
