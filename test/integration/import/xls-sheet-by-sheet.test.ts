import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetLayout, sheetRowCount, streamWithOnly } from '../../../electron/import/xls-sheet-stream.ts';
import { commitImport } from '../../../electron/services/import-service.ts';
import { bigLedgerLines } from '../../fixtures/spreadsheets/big-ledger-lines.ts';
import { sheetName, writeBigLedgerSheetsXlsx, writeBigLedgerXls } from '../../fixtures/spreadsheets/big-ledger-sheets.ts';
import { type ImportTestDb, openImportTestDb, rollupDrift } from './import-db.ts';

// An .xls is parsed one sheet, and one band of rows, at a time (xls-sheet-stream.ts): a workbook of
// several full sheets then imports inside the worker's memory cap. The suite uses a small workbook
// (4 sheets × 1,500 rows) and bands of 400 rows, so every sheet is read in four bands with a partial
// last one; the bench (import-xls-4x65k-memory) imports the real 4 × 65,535 rows with the real band.

const SHEETS = 4;
const PER_SHEET = 1500;
const BAND = 400;
const limits = { xlsBandRows: BAND };

let t: ImportTestDb;
let xlsPath: string;
let xlsxPath: string;
beforeAll(async () => {
  t = openImportTestDb();
  xlsPath = join(t.dir, '四个月明细.xls');
  xlsxPath = join(t.dir, '四个月明细.xlsx');
  writeBigLedgerXls(xlsPath, SHEETS, PER_SHEET);
  await writeBigLedgerSheetsXlsx(xlsxPath, SHEETS, PER_SHEET);
}, 120_000);
afterAll(() => t.close());

function sheetTotals(sheet: number): { outflowFen: number; inflowFen: number } {
  let outflowFen = 0;
  let inflowFen = 0;
  for (const l of bigLedgerLines(SHEETS * PER_SHEET)) {
    if (Math.floor(l.i / PER_SHEET) !== sheet) continue;
    if (l.isDebit) outflowFen += l.fen;
    else inflowFen += l.fen;
  }
  return { outflowFen, inflowFen };
}

/** Every stored field of the unit's imported rows, in file order. */
function storedRows(db: ImportTestDb['db'], unitId: number): unknown[] {
  return db
    .prepare(
      `SELECT source_sheet, source_row, txn_date, direction, amount_fen, voucher_no, summary, counterparty, serial_no, fingerprint
         FROM ledger_txn WHERE unit_id = ? ORDER BY source_sheet, source_row`,
    )
    .raw()
    .all(unitId);
}

describe('a 4-sheet .xls is read sheet by sheet, band by band', () => {
  it.each(Array.from({ length: SHEETS }, (_, s) => s))('sheet %i imports on its own, every row, with its totals', async (s) => {
    const db = openImportTestDb();
    try {
      const result = await commitImport(db.db, { filePath: xlsPath, yearId: db.yearId, unitId: db.unitId, target: 'ledger', sheet: sheetName(s) }, { limits });
      expect(result.accounting).toMatchObject({ rowsRead: PER_SHEET + 1, rowsImported: PER_SHEET, rowsRejected: 0, rowsDuplicate: 0 });
      expect(result.ledgerTotals).toMatchObject(sheetTotals(s));
      const rows = storedRows(db.db, db.unitId) as unknown[][];
      expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([sheetName(s)]));
      // Rows 2…1501, none lost or repeated at a band's edge.
      expect(rows.map((r) => r[1])).toEqual(Array.from({ length: PER_SHEET }, (_, i) => i + 2));
      expect(rollupDrift(db.db)).toEqual([]);
    } finally {
      db.close();
    }
  }, 120_000);

  it('all sheets in one import store exactly what the same workbook as .xlsx stores', async () => {
    const xls = await commitImport(t.db, { filePath: xlsPath, yearId: t.yearId, unitId: t.unitId, target: 'ledger', allSheets: true }, { limits });
    const xlsx = await commitImport(t.db, { filePath: xlsxPath, yearId: t.yearId, unitId: t.otherUnitId, target: 'ledger', allSheets: true });
    expect(xls.accounting.rowsImported).toBe(SHEETS * PER_SHEET);
    expect(xls.accounting).toEqual(xlsx.accounting);
    expect(xls.ledgerTotals).toEqual(xlsx.ledgerTotals);
    expect(storedRows(t.db, t.unitId)).toEqual(storedRows(t.db, t.otherUnitId));
  }, 180_000);
});

describe('the BIFF stream cut to one sheet and a band of rows', () => {
  function workbookStream(): Buffer {
    const cfb = XLSX.CFB.read(readFileSync(xlsPath), { type: 'buffer' });
    return Buffer.from(XLSX.CFB.find(cfb, '/Workbook')?.content as Buffer);
  }
  const read = (stream: Buffer) => XLSX.read(stream, { type: 'buffer', dense: true, cellText: false });

  it('keeps every sheet name, and the cells of the kept band only', () => {
    const stream = workbookStream();
    const layout = sheetLayout(stream);
    if (!layout) throw new Error('no layout');
    expect(layout.sheets).toHaveLength(SHEETS);
    expect(sheetRowCount(stream, layout.sheets[2] as (typeof layout.sheets)[number])).toBe(PER_SHEET + 1);
    const names = Array.from({ length: SHEETS }, (_, s) => sheetName(s));
    const none = read(streamWithOnly(stream, layout, null));
    expect(none.SheetNames).toEqual(names);
    expect(names.map((n) => none.Sheets[n]?.['!data']?.length ?? 0)).toEqual([0, 0, 0, 0]);
    const band = read(streamWithOnly(stream, layout, 2, { from: 400, to: 800 }));
    expect(band.SheetNames).toEqual(names);
    const data = band.Sheets[sheetName(2)]?.['!data'] ?? [];
    const filled = data.flatMap((row, r) => (row ? [r] : []));
    expect(filled[0]).toBe(400);
    expect(filled.at(-1)).toBe(799);
    expect(filled).toHaveLength(400);
    // The band's first row is the sheet's data line 400 (row 0 is the header): its serial number.
    expect(data[400]?.[9]?.v).toBe(`SN${202100000000000 + 2 * PER_SHEET + 399}`);
    expect(names.filter((n) => n !== sheetName(2)).map((n) => band.Sheets[n]?.['!data']?.length ?? 0)).toEqual([0, 0, 0]);
  });

  it('gives up on a stream it cannot follow, so the file is read whole as before', () => {
    const stream = workbookStream();
    const layout = sheetLayout(stream);
    if (!layout) throw new Error('no layout');
    const broken = Buffer.from(stream);
    broken.writeUInt32LE(stream.length + 10, (layout.sheets[1]?.boundSheetAt ?? 0) + 4);
    expect(sheetLayout(broken)).toBeNull();
    expect(sheetLayout(Buffer.from('not a workbook stream at all'))).toBeNull();
  });
});
