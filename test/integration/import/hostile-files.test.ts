import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/app-error.ts';
import { commitImport, previewImport } from '../../../electron/services/import-service.ts';
import { HOSTILE_FILES } from '../../fixtures/spreadsheets/hostile-files.ts';
import { type ImportTestDb, importTablesSnapshot, openImportTestDb } from './import-db.ts';

let t: ImportTestDb;
beforeAll(() => {
  t = openImportTestDb();
});
afterAll(() => t.close());

describe('broken and hostile files stop with a Chinese message and write nothing', () => {
  it.each(HOSTILE_FILES.map((f) => [f.name, f] as const))('%s', async (_name, file) => {
    const filePath = join(t.dir, file.name);
    file.write(filePath);
    const before = importTablesSnapshot(t.db);
    const options = { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
    const err = await commitImport(t.db, options, { inProcess: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('IMPORT');
    expect((err as AppError).message).toMatch(file.expect);
    expect((err as AppError).message).toMatch(/[\u4e00-\u9fff]/);
    expect(importTablesSnapshot(t.db)).toBe(before);
  });

  it('a file that would take too many rows stops at the limit, inside the capped worker', async () => {
    const filePath = join(t.dir, 'many.csv');
    const lines = ['日期,摘要,支出金额'];
    for (let i = 0; i < 3000; i++) lines.push(`2021-01-05,第${i}笔,1.00`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(filePath, lines.join('\n'));
    const options = { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
    await expect(previewImport(t.db, options, { limits: { maxRows: 1000 } })).rejects.toMatchObject({
      code: 'IMPORT',
      message: expect.stringContaining('超过 1000 行'),
    });
  });

  it('a worker that runs out of its heap fails the import, not the app', async () => {
    // An "xls" that is a huge HTML table: SheetJS builds the whole sheet, so the heap grows until
    // the worker's cap stops it; the main thread only sees an error.
    const filePath = join(t.dir, 'heavy.xls');
    const rows = ['<table><tr><td>日期</td><td>摘要</td><td>支出金额</td></tr>'];
    for (let i = 0; i < 100_000; i++) rows.push(`<tr><td>2021-01-05</td><td>摘要${i}</td><td>1.00</td></tr>`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(filePath, `<html><body>${rows.join('')}</table></body></html>`);
    const options = { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
    const before = process.memoryUsage().heapUsed;
    const err = await previewImport(t.db, options, { limits: { workerHeapMb: 48 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('IMPORT');
    expect((err as AppError).message).toContain('占用内存超过上限');
    // This thread did not take the load.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(48 * 1024 * 1024);
  });
});
