import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { importCommand } from '../../../electron/cli/commands/import.ts';
import { undoImportCommand } from '../../../electron/cli/commands/undo-import.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { backupDirFor, listBackupFiles } from '../../../electron/db/backup.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { createDispatcher } from '../../../electron/services/dispatch.ts';
import { createClient } from '../../../shared/api/client.ts';
import { writeMessyLedgerXlsx } from '../../fixtures/spreadsheets/ledger-workbooks.ts';
import { HOSTILE_FILES } from '../../fixtures/spreadsheets/hostile-files.ts';
import { contentHash, removeTempDirs, tempDir } from '../reliability/fixtures/databases.ts';

// `selfeval import` is the wizard's import (import.file → importFileByName, one transaction): it
// leaves a backup in the backups folder first, links spending to budget lines, and a failure leaves
// the data file exactly as it was.

afterAll(removeTempDirs);

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) }, [importCommand, undoImportCommand]);
  return { code, out, err };
}

const backups = (db: string) => listBackupFiles(backupDirFor(db), db).length;

function hashOf(file: string): string {
  const d = new Database(file, { readonly: true });
  try {
    return contentHash(d);
  } finally {
    d.close();
  }
}

interface LineKey {
  unitId: number;
  yearId: number;
  category: 'personnel' | 'public' | 'project';
  fundingSource: string;
  econCode: string;
  funcCode: string;
}

describe('selfeval import through the dispatcher', () => {
  it('backs up first like the wizard and links the imported spending to its budget lines', async () => {
    const dir = tempDir('selfeval-cli-onepath-');
    const db = join(dir, 'data.db');
    const xlsx = await writeMessyLedgerXlsx(join(dir, 'ledger.xlsx'));

    // A first import shows which budget lines the rows would match; it is then undone.
    const first = await cli('import', xlsx, '--db', db, '--year', '2021', '--into', 'ledger', '--json');
    expect(first.code, first.err).toBe(0);
    expect(backups(db)).toBe(1);
    const d = openDatabase(db);
    const keys = d
      .prepare(
        `SELECT DISTINCT unit_id AS unitId, year_id AS yearId, category, funding_source AS fundingSource, econ_code AS econCode, func_code AS funcCode
           FROM ledger_txn WHERE direction = 'out' AND project_id IS NULL`,
      )
      .all() as LineKey[];
    expect(keys.length).toBeGreaterThan(0);
    d.close();
    expect((await cli('undo-import', '1', '--db', db)).code).toBe(0);

    // One budget line for each of those keys, saved through the API.
    const live = openDatabase(db);
    const api = createClient({ invoke: createDispatcher({ db: live, dataFile: db, appVersion: 'test', transport: 'direct' }) });
    for (const k of keys) {
      await api.call('budget.saveLine', {
        yearId: k.yearId,
        unitId: k.unitId,
        fundingSource: k.fundingSource as never,
        category: k.category,
        projectId: null,
        funcCode: k.funcCode,
        funcName: '',
        econCode: k.econCode,
        econName: '',
        initialFen: 100_000_00,
        adjustmentFen: 0,
        docNo: '',
        note: '',
      });
    }
    live.close();

    const before = backups(db);
    const second = await cli('import', xlsx, '--db', db, '--year', '2021', '--into', 'ledger', '--json');
    expect(second.code, second.err).toBe(0);
    expect(backups(db)).toBe(before + 1);
    const after = openDatabase(db, { readonly: true });
    const one = (sql: string) => (after.prepare(sql).get() as { n: number }).n;
    const expected = one("SELECT count(*) AS n FROM ledger_txn WHERE direction = 'out' AND project_id IS NULL");
    expect(expected).toBeGreaterThan(0);
    expect(one('SELECT count(*) AS n FROM ledger_txn WHERE budget_line_id IS NOT NULL')).toBe(expected);
    after.close();
  });

  it('a failed import into a new year leaves the data file as it was (no year, no rows)', async () => {
    const dir = tempDir('selfeval-cli-onepath-');
    const db = join(dir, 'data.db');
    const xlsx = await writeMessyLedgerXlsx(join(dir, 'ledger.xlsx'));
    expect((await cli('import', xlsx, '--db', db, '--year', '2021', '--into', 'ledger')).code).toBe(0);
    const hash = hashOf(db);

    const bad = HOSTILE_FILES.find((f) => f.name === 'no-amount.csv')!;
    const path = join(dir, 'no-amount.csv');
    bad.write(path);
    const r = await cli('import', path, '--db', db, '--year', '2022', '--into', 'ledger', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, rowsImported: 0 });
    expect(hashOf(db)).toBe(hash);

    const unknownUnit = await cli('import', xlsx, '--db', db, '--year', '2022', '--into', 'ledger', '--unit', '没有这个单位', '--json');
    expect(unknownUnit.code).toBe(1);
    expect(JSON.parse(unknownUnit.out).errors[0].message).toContain('没有名为“没有这个单位”的单位');
    expect(hashOf(db)).toBe(hash);
  });
});
