import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../../electron/cli/commands/import.ts';
import { undoImportCommand } from '../../../electron/cli/commands/undo-import.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { CCB_EXPECTED, writeCcbCsvGbk } from '../../fixtures/spreadsheets/bank-statements.ts';
import { BUDGET_EXPECTED, writeBudgetQuotaXlsx } from '../../fixtures/spreadsheets/budget-workbooks.ts';
import { HOSTILE_FILES } from '../../fixtures/spreadsheets/hostile-files.ts';
import { importTablesSnapshot } from './import-db.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) }, [
    importCommand,
    undoImportCommand,
  ]);
  return { code, out, err };
}

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'selfeval-cli-import-'));
  db = join(dir, 'data.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tableCounts(): Record<string, number> {
  const d = openDatabase(db);
  try {
    const one = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
    return {
      department: one('SELECT count(*) AS n FROM department'),
      unit: one('SELECT count(*) AS n FROM unit'),
      year: one('SELECT count(*) AS n FROM fiscal_year'),
      ledger: one('SELECT count(*) AS n FROM ledger_txn'),
      budget: one('SELECT count(*) AS n FROM budget_line'),
    };
  } finally {
    d.close();
  }
}

describe('selfeval import / undo-import', () => {
  it('imports a bank CSV into an empty data file, creating the year and a 本级 unit, then undoes it', async () => {
    const csv = writeCcbCsvGbk(join(dir, 'ccb.csv'));
    const r = await cli('import', csv, '--db', db, '--year', '2021', '--into', 'ledger', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as Record<string, unknown>;
    expect(out).toMatchObject({
      ok: true,
      batchId: 1,
      rowsImported: CCB_EXPECTED.rowsImported,
      rowsSkipped: CCB_EXPECTED.rowsRejected + CCB_EXPECTED.rowsSkippedLayout,
      outflowFen: CCB_EXPECTED.outflowFen,
      inflowFen: CCB_EXPECTED.inflowFen,
      dateFrom: CCB_EXPECTED.dateFrom,
      dateTo: CCB_EXPECTED.dateTo,
    });
    expect((out.errors as Array<{ row: number; column: string }>).map((e) => [e.row, e.column])).toEqual([
      [9, 'K'],
      [10, ''],
    ]);
    expect(tableCounts()).toEqual({ department: 1, unit: 1, year: 1, ledger: 6, budget: 0 });
    const d = openDatabase(db);
    expect(d.prepare('SELECT name, is_primary FROM unit').get()).toEqual({ name: '本级', is_primary: 1 });
    d.close();

    const again = await cli('import', csv, '--db', db, '--year', '2021', '--into', 'ledger', '--json');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.out)).toMatchObject({ ok: false, rowsImported: 0, errors: [expect.objectContaining({ message: expect.stringContaining('已于') })] });

    const undo = await cli('undo-import', '1', '--db', db, '--json');
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.out)).toMatchObject({ ok: true, batchId: 1, rowsRemoved: 6 });
    expect(tableCounts().ledger).toBe(0);
    const twice = await cli('undo-import', '1', '--db', db, '--json');
    expect(twice.code).toBe(1);
    expect(JSON.parse(twice.out)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('imports budget lines into a named unit and prints the budget totals', async () => {
    const xlsx = await writeBudgetQuotaXlsx(join(dir, '指标.xlsx'));
    const r = await cli('import', xlsx, '--db', db, '--year', '2021', '--into', 'budget', '--unit', '某某办公室', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      ok: true,
      rowsImported: BUDGET_EXPECTED.rowsImported,
      initialFen: BUDGET_EXPECTED.initialFen,
      finalFen: BUDGET_EXPECTED.finalFen,
    });
    const wrongUnit = await cli('import', xlsx, '--db', db, '--year', '2022', '--into', 'budget', '--unit', '别的单位', '--json');
    expect(wrongUnit.code).toBe(1);
    expect(JSON.parse(wrongUnit.out).errors[0].message).toContain('没有名为“别的单位”的单位');
    // The 2022 year was not left behind by the failed import.
    expect(tableCounts().year).toBe(1);
  });

  it('a failed first import leaves the data file empty and prints the errors as JSON', async () => {
    const bad = HOSTILE_FILES.find((f) => f.name === 'no-amount.csv');
    const path = join(dir, 'no-amount.csv');
    bad?.write(path);
    const r = await cli('import', path, '--db', db, '--year', '2021', '--into', 'ledger', '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { ok: boolean; rowsImported: number; errors: Array<Record<string, unknown>> };
    expect(out.ok).toBe(false);
    expect(out.rowsImported).toBe(0);
    expect(out.errors.every((e) => 'sheet' in e && 'row' in e && 'column' in e && typeof e.message === 'string')).toBe(true);
    expect(out.errors.some((e) => String(e.message).includes('没有找到金额列'))).toBe(true);
    expect(r.err).toContain('导入失败');
    expect(tableCounts()).toEqual({ department: 0, unit: 0, year: 0, ledger: 0, budget: 0 });
    const d = openDatabase(db);
    expect(importTablesSnapshot(d)).toContain('import_batch:0');
    d.close();
  });

  it('checks its arguments', async () => {
    expect((await cli('import', '--db', db, '--year', '2021', '--into', 'ledger')).code).toBe(2);
    expect((await cli('import', 'x.csv', '--db', db, '--year', '2021', '--into', 'bank')).code).toBe(2);
    expect((await cli('undo-import', 'abc', '--db', db)).code).toBe(2);
    const missing = await cli('import', join(dir, 'none.xlsx'), '--db', db, '--year', '2021', '--into', 'ledger', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).errors[0].message).toContain('找不到文件');
    const profile = await cli('import', join(dir, 'none.xlsx'), '--db', db, '--year', '2021', '--into', 'ledger', '--profile', '不存在', '--json');
    expect(JSON.parse(profile.out).errors[0].message).toContain('没有名为“不存在”的映射方案');
  });
});
