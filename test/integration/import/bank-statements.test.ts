import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/services/import-service.ts';
import {
  BOC_EXPECTED,
  CCB_EXPECTED,
  ICBC_EXPECTED,
  type StatementExpectation,
  writeBocXlsx,
  writeCcbCsvGbk,
  writeCcbOverlapCsv,
  writeHtmlXls,
  writeIcbcXls,
  writeSpreadsheetMl,
} from '../../fixtures/spreadsheets/bank-statements.ts';
import { type ImportTestDb, openImportTestDb, rollupDrift } from './import-db.ts';

let t: ImportTestDb;
beforeEach(() => {
  t = openImportTestDb();
});
afterEach(() => t.close());

const run = { inProcess: true };

function ledgerOptions(filePath: string) {
  return { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
}

async function expectStatement(filePath: string, expected: StatementExpectation) {
  const preview = await previewImport(t.db, ledgerOptions(filePath), run);
  expect(preview.accounting).toEqual({
    rowsRead: expected.rowsRead,
    rowsImported: expected.rowsImported,
    rowsDuplicate: 0,
    rowsRejected: expected.rowsRejected,
    rowsSkippedLayout: expected.rowsSkippedLayout,
    rowsHidden: 0,
  });
  expect(preview.ledgerTotals).toEqual({
    outflowFen: expected.outflowFen,
    inflowFen: expected.inflowFen,
    dateFrom: expected.dateFrom,
    dateTo: expected.dateTo,
  });
  for (const [row, reason] of expected.rejected) {
    expect(preview.badCells.find((b) => b.row === row)?.reason).toContain(reason);
  }
  const result = await commitImport(t.db, ledgerOptions(filePath), run);
  expect(result.accounting).toEqual(preview.accounting);
  const sums = t.db
    .prepare(
      `SELECT coalesce(sum(CASE WHEN direction = 'out' THEN amount_fen END), 0) AS outFen,
              coalesce(sum(CASE WHEN direction = 'in' THEN amount_fen END), 0) AS inFen, count(*) AS n
         FROM ledger_txn WHERE batch_id = ?`,
    )
    .get(result.batchId);
  expect(sums).toEqual({ outFen: expected.outflowFen, inFen: expected.inflowFen, n: expected.rowsImported });
  return preview;
}

describe('bank statements', () => {
  it('CCB CSV in GBK: decoded before splitting, bad rows listed, totals checked against the 合计 line', async () => {
    const preview = await expectStatement(writeCcbCsvGbk(join(t.dir, 'ccb.csv')), CCB_EXPECTED);
    expect(preview.file).toMatchObject({ format: 'csv', encoding: 'gb18030', encodingSource: 'fallback', delimiter: ',' });
    expect(preview.columns.find((c) => c.field === 'outflow')?.name).toBe('借方发生额(支取)');
    expect(preview.columns.find((c) => c.field === 'date')?.name).toBe('记账日期');
    // Two identical ¥8.00 fees on one day are both kept: the serial number tells them apart.
    expect(preview.rows.filter((r) => r.kind === 'ledger' && r.summary === '短信服务费')).toHaveLength(2);
    expect(preview.rows.find((r) => r.row === 11)).toMatchObject({ summary: '印刷费，含税', amountFen: 250_000 });
    // The bank's 合计 includes the two refused rows, so the checksum shows the gap.
    expect(preview.checks).toEqual([
      expect.objectContaining({ row: 12, label: '合计', fileOutFen: 386_150, rowsOutFen: 375_150, ok: false }),
    ]);
    expect(preview.badCells.find((b) => b.row === 9)).toMatchObject({ column: 'K', header: '记账日期', value: '20210230' });
  });

  it('reads the same CSV as UTF-8 garbage only when the user forces it', async () => {
    const path = writeCcbCsvGbk(join(t.dir, 'ccb.csv'));
    await expect(previewImport(t.db, { ...ledgerOptions(path), encoding: 'utf-8' }, run)).rejects.toMatchObject({
      code: 'IMPORT',
      message: expect.stringContaining('没有找到可识别的表头'),
    });
  });

  it('flags the overlap of a second statement and imports an overridden duplicate on request', async () => {
    await commitImport(t.db, ledgerOptions(writeCcbCsvGbk(join(t.dir, 'q1.csv'))), run);
    const overlap = writeCcbOverlapCsv(join(t.dir, 'q2.csv'));
    const preview = await previewImport(t.db, ledgerOptions(overlap), run);
    expect(preview.accounting).toMatchObject({ rowsRead: 4, rowsImported: 1, rowsDuplicate: 2, rowsSkippedLayout: 1 });
    expect(preview.duplicates.map((d) => [d.row, d.amountFen, d.accepted])).toEqual([
      [2, 800, false],
      [3, 250_000, false],
    ]);
    const result = await commitImport(t.db, { ...ledgerOptions(overlap), acceptDuplicates: [3] }, run);
    expect(result.accounting).toMatchObject({ rowsRead: 4, rowsImported: 2, rowsDuplicate: 1 });
    expect(result.duplicates.map((d) => [d.row, d.accepted])).toEqual([
      [2, false],
      [3, true],
    ]);
    expect(rollupDrift(t.db)).toEqual([]);
    // The same overlap into another unit is not a duplicate there.
    const other = await previewImport(t.db, { ...ledgerOptions(overlap), unitId: t.otherUnitId }, run);
    expect(other.accounting.rowsDuplicate).toBe(0);
  });

  it('ICBC BIFF8 .xls with split 转入/转出 columns and a row from the next year', async () => {
    const preview = await expectStatement(writeIcbcXls(join(t.dir, 'icbc.xls')), ICBC_EXPECTED);
    expect(preview.file.format).toBe('xls');
    expect(preview.mapping).toMatchObject({ voucherNo: 0, date: 1, counterparty: 2, inflow: 4, outflow: 5, summary: 8 });
  });

  it('BOC .xlsx with metadata rows, bilingual headers and one signed amount column', async () => {
    const preview = await expectStatement(await writeBocXlsx(join(t.dir, 'boc.xlsx')), BOC_EXPECTED);
    expect(preview.headerRow).toBe(7);
    expect(preview.rows.map((r) => (r.kind === 'ledger' ? [r.direction, r.amountFen, r.serialNo] : null))).toEqual([
      ['out', 40_000_000, 'BOC0001'],
      ['in', 12_964_638, 'BOC0002'],
      ['out', 1_520, 'BOC0003'],
    ]);
  });

  it('HTML saved as .xls and SpreadsheetML 2003 are recognised by their content', async () => {
    const html = await previewImport(t.db, ledgerOptions(writeHtmlXls(join(t.dir, 'bank.xls'))), run);
    expect(html.file.format).toBe('html');
    expect(html.ledgerTotals).toEqual({ outflowFen: 123_450, inflowFen: 50_000, dateFrom: '2021-07-01', dateTo: '2021-07-02' });
    const xml = await previewImport(t.db, ledgerOptions(writeSpreadsheetMl(join(t.dir, 'aug.xls'))), run);
    expect(xml.file.format).toBe('xml2003');
    expect(xml.ledgerTotals).toEqual({ outflowFen: 750_050, inflowFen: 0, dateFrom: '2021-08-05', dateTo: '2021-08-06' });
  });
});
