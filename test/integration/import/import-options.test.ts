import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commitImport,
  deleteMappingProfile,
  findMappingProfiles,
  listMappingProfiles,
  previewImport,
  saveMappingProfile,
} from '../../../electron/services/import-service.ts';
import { writeDate1904Xlsx, writeMonthlySheetsXlsx } from '../../fixtures/spreadsheets/ledger-workbooks.ts';
import { type ImportTestDb, importTablesSnapshot, openImportTestDb } from './import-db.ts';

let t: ImportTestDb;
beforeEach(() => {
  t = openImportTestDb();
});
afterEach(() => t.close());

const run = { inProcess: true };

function options(filePath: string) {
  return { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
}

/** A bank CSV whose headers no synonym knows. */
function oddHeadersCsv(name: string): string {
  const path = join(t.dir, name);
  writeFileSync(path, '记录日,说明,出款,进款\n2021-05-01,房租,"3,000.00",\n2021-05-02,退款,,200\n');
  return path;
}

describe('import options', () => {
  it('reads dates of a 1904-system workbook correctly', async () => {
    const preview = await previewImport(t.db, options(await writeDate1904Xlsx(join(t.dir, 'd1904.xlsx'))), run);
    expect(preview.rows.map((r) => (r.kind === 'ledger' ? [r.date, r.direction, r.amountFen] : null))).toEqual([
      ['2021-03-05', 'out', 123_456],
      ['2021-12-31', 'in', 10_000],
    ]);
  });

  it('imports all monthly sheets of the same shape in one batch, skipping the cover and the summary sheet', async () => {
    const filePath = await writeMonthlySheetsXlsx(join(t.dir, 'months.xlsx'));
    const one = await previewImport(t.db, options(filePath), run);
    expect(one.sheets.map((s) => [s.name, s.selected])).toEqual([
      ['说明', false],
      ['1月份', true],
      ['2月份', false],
      ['3月份', false],
      ['汇总', false],
    ]);
    expect(one.ledgerTotals?.outflowFen).toBe(110_000);
    const all = await commitImport(t.db, { ...options(filePath), allSheets: true }, run);
    expect(all.sheets.map((s) => [s.name, s.selected, s.note])).toEqual([
      ['说明', false, '没有找到表头，未导入'],
      ['1月份', true, ''],
      ['2月份', true, ''],
      ['3月份', true, ''],
      ['汇总', false, '没有找到表头，未导入'],
    ]);
    expect(all.accounting).toEqual({ rowsRead: 18, rowsImported: 6, rowsDuplicate: 0, rowsRejected: 0, rowsSkippedLayout: 12, rowsHidden: 0 });
    expect(all.ledgerTotals).toEqual({ outflowFen: 660_000, inflowFen: 0, dateFrom: '2021-01-10', dateTo: '2021-03-20' });
    const batch = t.db.prepare('SELECT sheet_name FROM import_batch WHERE id = ?').get(all.batchId) as { sheet_name: string };
    expect(batch.sheet_name).toBe('1月份、2月份、3月份');
    const chosen = await previewImport(t.db, { ...options(filePath), sheet: '2月份' }, run);
    expect(chosen.rows.map((r) => r.sheet)).toEqual(['2月份', '2月份']);
    await expect(previewImport(t.db, { ...options(filePath), sheet: '13月份' }, run)).rejects.toThrow(/没有名为“13月份”的工作表/);
  });

  it('reports an incomplete mapping in the preview and refuses to commit it', async () => {
    const path = oddHeadersCsv('odd.csv');
    const before = importTablesSnapshot(t.db);
    const preview = await previewImport(t.db, { ...options(path), headerRow: 1 }, run);
    expect(preview.columns.map((c) => c.name)).toEqual(['记录日', '说明', '出款', '进款']);
    expect(preview.mappingProblems.join()).toContain('没有找到金额列');
    expect(preview.accounting.rowsRead).toBe(0);
    await expect(commitImport(t.db, { ...options(path), headerRow: 1 }, run)).rejects.toMatchObject({
      code: 'IMPORT',
      details: expect.arrayContaining([expect.objectContaining({ row: 1, message: expect.stringContaining('金额列') })]),
    });
    expect(importTablesSnapshot(t.db)).toBe(before);
  });

  it('uses an edited mapping, saves it as a profile and recognises the next file by its header signature', async () => {
    const first = oddHeadersCsv('may.csv');
    const mapping = { date: 0, summary: 1, outflow: 2, inflow: 3 };
    const preview = await previewImport(t.db, { ...options(first), headerRow: 1, mapping }, run);
    expect(preview.mappingSource).toBe('option');
    expect(preview.ledgerTotals).toEqual({ outflowFen: 300_000, inflowFen: 20_000, dateFrom: '2021-05-01', dateTo: '2021-05-02' });
    const profile = saveMappingProfile(t.db, {
      name: '某某银行流水',
      target: 'ledger',
      headerSignature: preview.headerSignature,
      columnNames: preview.columns.map((c) => c.name),
      mapping: preview.mapping,
    });
    expect(profile.columns).toEqual({ date: '记录日', summary: '说明', outflow: '出款', inflow: '进款' });
    expect(findMappingProfiles(t.db, { target: 'ledger', headerSignature: preview.headerSignature }).map((p) => p.id)).toEqual([
      profile.id,
    ]);
    expect(listMappingProfiles(t.db, { target: 'budget' })).toEqual([]);

    // The next month's file has the same header: recognised without any mapping given.
    const next = join(t.dir, 'june.csv');
    writeFileSync(next, '某某银行对账单\n记录日,说明,出款,进款\n2021-06-01,电费,88.8,\n');
    const recognised = await previewImport(t.db, options(next), run);
    expect(recognised.headerRow).toBe(2);
    expect(recognised.mappingSource).toBe('profile');
    expect(recognised.profile).toEqual({ id: profile.id, name: '某某银行流水' });
    expect(recognised.ledgerTotals?.outflowFen).toBe(8_880);
    const committed = await commitImport(t.db, options(next), run);
    const stored = t.db.prepare('SELECT profile_id FROM import_batch WHERE id = ?').get(committed.batchId) as { profile_id: number };
    expect(stored.profile_id).toBe(profile.id);

    // Saving under the same name replaces; autoProfile=false ignores it.
    expect(saveMappingProfile(t.db, { ...profile, columnNames: preview.columns.map((c) => c.name), mapping }).id).toBe(profile.id);
    await expect(previewImport(t.db, { ...options(next), autoProfile: false }, run)).rejects.toThrow(/没有找到可识别的表头/);
    deleteMappingProfile(t.db, profile.id);
    expect(listMappingProfiles(t.db)).toEqual([]);
  });

  it('refuses a finalized year and an unknown unit before reading the file', async () => {
    const path = oddHeadersCsv('x.csv');
    await expect(commitImport(t.db, { ...options(path), unitId: 999 }, run)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    t.db.prepare("UPDATE fiscal_year SET status = 'final' WHERE id = ?").run(t.yearId);
    await expect(commitImport(t.db, options(path), run)).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(commitImport(t.db, { ...options(path), yearId: -1 } as never, run)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('cancels through the AbortSignal with nothing written, in the worker and in process', async () => {
    const path = join(t.dir, 'big.csv');
    const lines = ['日期,摘要,支出金额'];
    for (let i = 0; i < 20_000; i++) lines.push(`2021-01-05,第${i}笔,1.00`);
    writeFileSync(path, lines.join('\n'));
    const before = importTablesSnapshot(t.db);
    for (const inProcess of [false, true]) {
      const controller = new AbortController();
      const seen: number[] = [];
      const result = commitImport(t.db, options(path), {
        inProcess,
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.rows);
          controller.abort();
        },
      });
      await expect(result).rejects.toMatchObject({ code: 'IMPORT', message: '导入已取消，未写入任何数据。' });
      expect(seen.length).toBeGreaterThan(0);
      expect(importTablesSnapshot(t.db)).toBe(before);
    }
    // The staging table is gone and the next import runs normally.
    const ok = await commitImport(t.db, options(path), run);
    expect(ok.accounting.rowsImported).toBe(20_000);
    expect(ok.ledgerTotals?.outflowFen).toBe(2_000_000);
  });
});
