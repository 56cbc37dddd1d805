import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDirFor, listBackupFiles } from '../../../electron/db/backup.ts';
import { openWithHealthCheck } from '../../../electron/db/health.ts';
import { loadMigrations } from '../../../electron/db/migrations.ts';
import { type Db, latestSchemaVersion, openDatabase } from '../../../electron/db/open.ts';
import { departmentTotals, ledgerSpendingFen } from '../../../electron/db/repositories/execution-repo.ts';
import { backupBeforeMigrate } from '../../../electron/services/backup-service.ts';
import { buildVersionFixture, fileSha256, normalisedSchema, removeTempDirs, tempDir } from './fixtures/databases.ts';

// A fixture of every released schema version, built at test time from the migration files
// (version v = migrations 1..v) and filled with realistic rows, migrates to the latest version
// with the same schema as a fresh file, whole, with its data intact and a backup of the old
// version beside it.

afterAll(removeTempDirs);

const migrations = loadMigrations();
const latest = migrations.length;

/** Row counts and amount sums of the schema-1 tables (later migrations only add). */
function schema1Figures(db: Db): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).get());
  return [
    q('SELECT count(*) AS n, sum(amount_fen) AS s FROM ledger_txn'),
    q('SELECT count(*) AS n, sum(initial_fen) AS i, sum(adjustment_fen) AS a FROM budget_line'),
    q('SELECT count(*) AS n, sum(chosen_score_centi) AS s FROM indicator_score'),
    q('SELECT count(*) AS n FROM audit_log'),
    q('SELECT count(*) AS n FROM report_snapshot'),
    q('SELECT count(*) AS n FROM indicator'),
    q('SELECT count(*) AS n FROM task_measure'),
    q('SELECT count(*) AS n FROM import_batch'),
    q('SELECT planned_fen, actual_fen FROM procurement_summary'),
  ].join('|');
}

function freshSchema(): string[] {
  const db = openDatabase(join(tempDir(), 'fresh.db'));
  const schema = normalisedSchema(db);
  db.close();
  return schema;
}

describe('migrations from every released schema version', () => {
  it('the migrations directory is numbered without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
  });

  it.each(migrations.map((m) => m.version))('a version-%i file migrates to the latest schema, whole and with its data', (version) => {
    const file = join(tempDir(), `v${version}.db`);
    buildVersionFixture(file, version, { txns: 2000 });
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(version);
    const before = schema1Figures(raw);
    raw.close();

    const db = openDatabase(file, { beforeMigrate: backupBeforeMigrate() });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(normalisedSchema(db)).toEqual(freshSchema());
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(schema1Figures(db)).toBe(before);
    // The department totals read the rollup (0002); it must agree with the transactions themselves.
    expect(departmentTotals(db, 1).actualFen).toBe(ledgerSpendingFen(db, 1));
    db.close();

    const backups = listBackupFiles(backupDirFor(file), file);
    if (version === latest) {
      expect(backups).toEqual([]);
      return;
    }
    expect(backups.map((b) => b.reason)).toEqual(['migration']);
    const copy = new Database(backups[0]!.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(version);
    expect(schema1Figures(copy)).toBe(before);
    copy.close();
  });

  it('schema 4 gives the project indicators of an older file the direction 正向, and accepts only 正向/反向', () => {
    const file = join(tempDir(), 'v3.db');
    buildVersionFixture(file, 3);
    const db = openDatabase(file);
    const rows = () => db.prepare('SELECT name, direction FROM project_indicator ORDER BY id').all();
    expect(rows()).toEqual([
      { name: '系统可用率', direction: 'higher' },
      { name: '来电满意率', direction: 'higher' },
    ]);
    db.prepare("UPDATE project_indicator SET direction = 'lower' WHERE name = '系统可用率'").run();
    expect(() => db.prepare("UPDATE project_indicator SET direction = 'down' WHERE name = '来电满意率'").run()).toThrow(/CHECK constraint failed/);
    expect(rows()).toEqual([
      { name: '系统可用率', direction: 'lower' },
      { name: '来电满意率', direction: 'higher' },
    ]);
    db.close();
  });

  it('schema 12 turns the bank rows an old import filed as 公用经费 without any code into 未分类, and keeps coded rows', () => {
    const file = join(tempDir(), 'v11.db');
    buildVersionFixture(file, 11, { migrations: migrations.slice(0, 11) });
    const old = openDatabase(file, { migrations: migrations.slice(0, 11) });
    const batch = (old.prepare('SELECT id FROM import_batch LIMIT 1').get() as { id: number }).id;
    const add = old.prepare(
      `INSERT INTO ledger_txn (year_id, unit_id, txn_date, summary, category, econ_code, direction, amount_fen, batch_id)
       VALUES (1, 1, '2021-05-06', ?, ?, ?, ?, ?, ?)`,
    );
    add.run('网银 办公用品', 'public', '', 'out', 12_345, batch);
    add.run('网银 工资', 'personnel', '30101', 'out', 50_000, batch);
    add.run('手工 公用', 'public', '', 'out', 700, null);
    add.run('网银 拨款', 'public', '', 'in', 90_000, batch);
    const spent = departmentTotals(old, 1);
    old.close();

    const db = openDatabase(file);
    const category = (summary: string) => (db.prepare('SELECT category FROM ledger_txn WHERE summary = ?').get(summary) as { category: string }).category;
    expect(category('网银 办公用品')).toBe('unclassified');
    expect(category('网银 工资')).toBe('personnel');
    // Typed by hand (no batch) or income: what someone chose, kept.
    expect(category('手工 公用')).toBe('public');
    expect(category('网银 拨款')).toBe('public');
    const after = departmentTotals(db, 1);
    expect(after.actualFen).toBe(spent.actualFen);
    expect(after.publicFen).toBe(spent.publicFen - 12_345);
    expect(after.actualFen).toBe(ledgerSpendingFen(db, 1));
    const rollup = db.prepare("SELECT sum(amount_fen) AS s FROM ledger_rollup WHERE year_id = 1 AND category = 'unclassified'").get() as { s: number };
    expect(rollup.s).toBe(12_345);
    expect(() => db.prepare("UPDATE ledger_txn SET category = 'unclassified' WHERE summary = '网银 拨款'").run()).toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('a file from a newer version is refused and left byte for byte unchanged', () => {
    const dir = tempDir();
    const file = join(dir, 'newer.db');
    buildVersionFixture(file, latest);
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    raw.close();
    const sha = fileSha256(file);
    const state = openWithHealthCheck(file, { beforeMigrate: backupBeforeMigrate() });
    expect(state.status).toBe('refused');
    expect('error' in state && state.error.code).toBe('DB_NEWER');
    expect('error' in state && state.error.message).toContain(`数据版本 ${latest + 1}，本程序支持到 ${latest}`);
    expect(fileSha256(file)).toBe(sha);
    expect(readdirSync(dir)).toEqual(['newer.db']);
  });
});
