import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkOle2 } from '../../../electron/import/ole2-check.ts';
import { commitImport, previewImport } from '../../../electron/services/import-service.ts';
import { AppError } from '../../../shared/api/app-error.ts';
import { writeIcbcXls } from '../../fixtures/spreadsheets/bank-statements.ts';
import { biffRecord, insertIntoSheet, writeHiddenRowsXls } from '../../fixtures/spreadsheets/hidden-rows.ts';
import { Rng } from '../../stress/hostile-corpus.ts';
import { budgetRows, ledgerRows, toXls } from '../../stress/generated-sheets.ts';
import { type ImportTestDb, importTablesSnapshot, openImportTestDb } from './import-db.ts';

// The OLE2 pre-check: every .xls our generators and SheetJS write passes it; a damaged container
// is refused by it at once, with a message saying what is wrong, before SheetJS is given the file
// (SheetJS would otherwise spend up to the worker's time cap on it, or fail in English).

let t: ImportTestDb;
beforeAll(() => {
  t = openImportTestDb();
});
afterAll(() => t.close());

function tinyXls(bookType: 'biff8' | 'biff5'): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['日期', '摘要', '支出金额']]), '明细');
  return XLSX.write(wb, { type: 'buffer', bookType }) as Buffer;
}

/** A 3,000-row ledger: its Workbook stream is far above the 4 KiB mini-stream cutoff. */
const big = toXls(ledgerRows('C', 3000, { projects: true }));

function directoryEntry(xls: Buffer, name: string): { start: number; size: number } {
  const cfb = XLSX.CFB.read(xls, { type: 'buffer' });
  const entry = cfb.FileIndex.find((f: { name: string }) => f.name === name) as unknown as { start: number; size: number } | undefined;
  if (!entry) throw new Error(`no ${name}`);
  return entry;
}

describe('valid .xls files pass the container check', () => {
  const valid: Array<[string, () => Buffer]> = [
    ['a tiny BIFF8 workbook (Workbook stream in the mini stream)', () => tinyXls('biff8')],
    ['a tiny BIFF5 workbook (a "Book" stream)', () => tinyXls('biff5')],
    ['a 3,000-row ledger', () => big],
    ['the stress generators’ budget workbook', () => toXls(budgetRows('C', 40))],
    ['the ICBC statement fixture', () => readFileSync(writeIcbcXls(join(t.dir, 'icbc.xls')))],
    ['the hidden-rows fixture (records inserted, container rewritten)', () => readFileSync(writeHiddenRowsXls(join(t.dir, 'h.xls')))],
  ];
  it.each(valid)('%s', (_name, bytes) => {
    expect(() => checkOle2(bytes(), 'ok.xls')).not.toThrow();
  });
});

function garbageWorkbook(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/Workbook', new Rng(7).bytes(20_000));
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

function noWorkbook(): Buffer {
  // The directory entry renamed: everything else is intact.
  const out = Buffer.from(big);
  const name = Buffer.from('Workbook', 'utf16le');
  const at = out.indexOf(name);
  out.write('Workbonk', at, 'utf16le');
  return out;
}

function fatLoop(): Buffer {
  // The FAT entry of the Workbook stream's first sector points back at that sector.
  const out = Buffer.from(big);
  const { start } = directoryEntry(big, 'Workbook');
  const firstFatSector = out.readUInt32LE(0x4c);
  out.writeUInt32LE(start, (firstFatSector + 1) * 512 + start * 4);
  return out;
}

function fatOutside(): Buffer {
  const out = Buffer.from(big);
  out.writeUInt32LE(0x00ff_ffff, 0x4c);
  return out;
}

function cutStream(): Buffer {
  // A container in order around a Workbook stream cut in the middle of a record.
  const cfb = XLSX.CFB.read(big, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  const stream = Buffer.from(entry?.content as Uint8Array);
  let p = 0;
  while (p < stream.length / 2) p += 4 + stream.readUInt16LE(p + 2);
  if (entry) {
    entry.content = stream.subarray(0, p + 6);
    entry.size = p + 6;
  }
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

const damaged: Array<[string, () => Buffer, RegExp]> = [
  ['truncated to 60 %', () => big.subarray(0, Math.floor(big.length * 0.6)), /截断/],
  ['a FAT whose chain loops', fatLoop, /Workbook 数据流的扇区链有循环/],
  ['a FAT sector beyond the end of the file', fatOutside, /扇区分配表（FAT）指向第 16777215 扇区，超出文件末尾/],
  ['no Workbook stream', noWorkbook, /没有 Excel 工作簿数据（Workbook 数据流）/],
  ['a Workbook stream that is not BIFF', garbageWorkbook, /不是 Excel 工作表数据（开头不是 BIFF 起始记录）/],
  ['a Workbook stream cut inside a record', cutStream, /Workbook 数据流第 \d+ 字节处的记录超出数据流末尾/],
];

describe('damaged .xls containers are refused by the pre-check', () => {
  it.each(damaged)('%s', async (_name, bytes, what) => {
    const file = bytes();
    // The pre-check itself refuses it …
    let direct: unknown;
    try {
      checkOle2(file, '损坏.xls');
    } catch (err) {
      direct = err;
    }
    expect(direct).toBeInstanceOf(AppError);
    expect((direct as AppError).message).toMatch(what);
    // … and the import, through the capped worker, stops with that same message, not at the cap.
    const filePath = join(t.dir, '损坏.xls');
    writeFileSync(filePath, file);
    const before = importTablesSnapshot(t.db);
    const options = { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
    const err = await commitImport(t.db, options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe((direct as AppError).message);
    expect((err as AppError).message).toMatch(/^文件“损坏\.xls”/);
    expect((err as AppError).message).not.toMatch(/秒仍未完成/);
    expect(importTablesSnapshot(t.db)).toBe(before);
  });
});

describe('SheetJS console noise', () => {
  it('"Missing Info for XLS Record" lines are counted, not printed', async () => {
    // A record type SheetJS does not know, inside an otherwise valid sheet.
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['日期', '摘要', '支出金额'], ['2021-01-05', '办公费', 100]]), '明细');
    const xls = XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
    const odd = insertIntoSheet(xls, 0, Buffer.concat([biffRecord(0x7ff0, Buffer.alloc(2)), biffRecord(0x7ff1, Buffer.alloc(0))]));
    const filePath = join(t.dir, 'odd.xls');
    writeFileSync(filePath, odd);
    const spy = vi.spyOn(console, 'error');
    try {
      const preview = await previewImport(t.db, { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' }, { inProcess: true });
      expect(preview.accounting.rowsImported).toBe(1);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    // Without the wrapper SheetJS does print them: the test above would notice a regression.
    const loud = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      XLSX.read(odd, { type: 'buffer' });
      expect(loud.mock.calls.map((c) => String(c[0]))).toEqual(expect.arrayContaining([expect.stringContaining('Missing Info for XLS Record 0x7ff0')]));
    } finally {
      loud.mockRestore();
    }
  });
});
