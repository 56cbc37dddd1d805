import type ExcelJS from 'exceljs';
import type { ExpenseDetailRows } from '../../../shared/report/input.ts';
import { neutralizeCellText } from './neutralize-cell-text.ts';

// 支出明细: one row per ledger transaction, streamed (rows are committed as they come, so 200 000
// rows never sit in memory), amounts in 元 and a live SUM total at the end.

const COLUMNS = [
  { header: '日期', width: 12 },
  { header: '凭证号', width: 12 },
  { header: '单位', width: 24 },
  { header: '摘要', width: 36 },
  { header: '对方单位', width: 28 },
  { header: '资金来源', width: 20 },
  { header: '支出类型', width: 18 },
  { header: '项目', width: 28 },
  { header: '经济分类', width: 12 },
  { header: '金额（元）', width: 16 },
];
const HEADER_ROW = 3;

export async function writeDetailSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  rows: ExpenseDetailRows | undefined,
  heading: string,
): Promise<void> {
  const ws = wb.addWorksheet('支出明细', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&L支出明细&C第 &P 页，共 &N 页' },
  });
  ws.columns = COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width }));
  const title = ws.getRow(1);
  title.getCell(1).value = neutralizeCellText(heading);
  title.getCell(1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  title.commit();
  const unit = ws.getRow(2);
  unit.getCell(COLUMNS.length).value = '单位：元';
  unit.getCell(COLUMNS.length).alignment = { horizontal: 'right' };
  unit.commit();
  const header = ws.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center' };
  });
  header.commit();

  let next = HEADER_ROW + 1;
  let totalFen = 0;
  if (rows) {
    for await (const r of rows) {
      const row = ws.getRow(next++);
      row.values = [
        neutralizeCellText(r.date),
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
      row.getCell(COLUMNS.length).numFmt = '#,##0.00';
      totalFen += r.amountFen;
      row.commit();
    }
  }
  const total = ws.getRow(next);
  total.getCell(1).value = '合计';
  total.getCell(1).font = { bold: true };
  const amount = total.getCell(COLUMNS.length);
  const last = next - 1;
  amount.value = {
    formula: last >= HEADER_ROW + 1 ? `SUM(J${HEADER_ROW + 1}:J${last})` : '0',
    result: totalFen / 100,
  } as ExcelJS.CellFormulaValue;
  amount.numFmt = '#,##0.00';
  amount.font = { bold: true };
  total.commit();
  ws.commit();
}
