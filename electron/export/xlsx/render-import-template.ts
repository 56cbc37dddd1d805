import ExcelJS from 'exceljs';
import type { ImportTemplate } from '../../../shared/import/import-templates.ts';

// A blank import template: one sheet with the header row alone (a note on each header says what to
// write), frozen below the header, amount columns formatted as money, ready to print on A4.

export async function renderImportTemplate(template: ImportTemplate<string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SelfEval Desk';
  const ws = wb.addWorksheet(template.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = template.columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: { font: { name: '宋体', size: 11 }, ...(c.amount ? { numFmt: '#,##0.00' } : {}) },
  }));
  const header = ws.getRow(1);
  header.font = { name: '黑体', size: 11, bold: true };
  template.columns.forEach((c, i) => {
    header.getCell(i + 1).note = c.hint;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
