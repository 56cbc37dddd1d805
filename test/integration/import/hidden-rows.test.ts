import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/services/import-service.ts';
import type { PreviewResult } from '../../../shared/import/schemas.ts';
import { writeHiddenDataOnlyXlsx, writeHiddenRowsXls, writeHiddenRowsXlsx } from '../../fixtures/spreadsheets/hidden-rows.ts';
import { type ImportTestDb, importTablesSnapshot, openImportTestDb } from './import-db.ts';

// Hidden rows and hidden sheets are imported but marked (reliability-notes §3.5): a forgotten
// hidden subtotal or an old hidden sheet is how a finance export gets counted twice.

let t: ImportTestDb;
beforeEach(() => {
  t = openImportTestDb();
});
afterEach(() => t.close());

function options(filePath: string, extra: { sheet?: string; allSheets?: boolean } = {}) {
  return { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const, ...extra };
}

function marks(preview: PreviewResult): Array<[string, number, string | null]> {
  return preview.rows.map((r) => [r.sheet, r.row, r.hidden]);
}

const writers = [
  ['.xlsx written by exceljs', (dir: string) => writeHiddenRowsXlsx(join(dir, '明细-隐藏.xlsx'))],
  ['BIFF8 .xls written by SheetJS', async (dir: string) => writeHiddenRowsXls(join(dir, '明细-隐藏.xls'))],
] as const;

describe.each(writers)('hidden rows and sheets in a %s', (_what, write) => {
  it('the preview picks the visible sheet, marks the hidden rows and counts them; the commit states the same', async () => {
    const filePath = await write(t.dir);
    const preview = await previewImport(t.db, options(filePath));
    expect(preview.sheets.map((s) => [s.name, s.hidden, s.selected])).toEqual([
      ['旧数据', true, false],
      ['明细', false, true],
      ['草稿', true, false],
    ]);
    expect(marks(preview)).toEqual([
      ['明细', 2, null],
      ['明细', 3, 'row'],
      ['明细', 4, 'row'],
      ['明细', 5, null],
    ]);
    // The hidden 小计 is a totals row: skipped, and it checks out against the rows above it.
    expect(preview.skippedRows.map((s) => [s.row, s.kind])).toContainEqual([6, 'total']);
    expect(preview.checks.map((c) => [c.row, c.ok])).toEqual([[6, true]]);
    expect(preview.accounting).toMatchObject({ rowsRead: 6, rowsImported: 4, rowsHidden: 2 });
    expect(preview.warnings.filter((w) => w.includes('隐藏'))).toEqual([]);

    const result = await commitImport(t.db, { ...options(filePath), expectedSha256: preview.file.sha256 });
    expect(result.accounting).toEqual(preview.accounting);
    const stored = t.db.prepare('SELECT report_json FROM import_batch WHERE id = ?').get(result.batchId) as { report_json: string };
    expect(JSON.parse(stored.report_json).rowsHidden).toBe(2);
  });

  it('with "all sheets of the same shape" the hidden sheets come too, marked, counted and warned about', async () => {
    const filePath = await write(t.dir);
    const preview = await previewImport(t.db, options(filePath, { allSheets: true }));
    expect(preview.sheets.map((s) => [s.name, s.selected])).toEqual([
      ['旧数据', true],
      ['明细', true],
      ['草稿', true],
    ]);
    expect(marks(preview).filter(([sheet]) => sheet !== '明细')).toEqual([
      ['旧数据', 2, 'sheet'],
      ['旧数据', 3, 'sheet'],
      ['草稿', 2, 'sheet'],
    ]);
    expect(preview.accounting).toMatchObject({ rowsImported: 7, rowsHidden: 5 });
    expect(preview.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('工作表“旧数据”在原文件中是隐藏的'), expect.stringContaining('工作表“草稿”在原文件中是隐藏的')]),
    );
  });
});

describe('a workbook whose only data is on a hidden sheet', () => {
  it('is not imported until the hidden sheet is chosen by name', async () => {
    const filePath = await writeHiddenDataOnlyXlsx(join(t.dir, '导出.xlsx'));
    const preview = await previewImport(t.db, options(filePath));
    expect(preview.sheets.map((s) => [s.name, s.hidden, s.selected])).toEqual([
      ['说明', false, false],
      ['数据', true, false],
    ]);
    expect(preview.mappingProblems[0]).toContain('只有隐藏工作表“数据”中有');
    expect(preview.rows).toEqual([]);

    const before = importTablesSnapshot(t.db);
    await expect(commitImport(t.db, options(filePath))).rejects.toMatchObject({ code: 'IMPORT', message: expect.stringContaining('隐藏工作表“数据”') });
    expect(importTablesSnapshot(t.db)).toBe(before);

    const chosen = await commitImport(t.db, options(filePath, { sheet: '数据' }));
    expect(chosen.accounting).toMatchObject({ rowsImported: 2, rowsHidden: 2 });
    expect(chosen.warnings).toEqual(expect.arrayContaining([expect.stringContaining('工作表“数据”在原文件中是隐藏的')]));
  });
});
