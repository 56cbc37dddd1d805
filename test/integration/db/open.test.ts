import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { APPLICATION_ID, latestSchemaVersion, openDatabase } from '../../../electron/db/open.ts';
import { loadMigrations } from '../../../electron/db/migrations.ts';
import { tempPath } from '../temp-db.ts';

describe('openDatabase', () => {
  it('asserts WAL, synchronous=FULL, foreign keys and a busy timeout, also on reopening a WAL file', () => {
    const file = tempPath();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    db.close();
  });

  it('refuses a database from a newer app version and leaves it untouched', () => {
    const file = tempPath();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/更新版本的程序创建/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(latestSchemaVersion() + 1);
    check.close();
  });

  it('refuses a file that is not ours', () => {
    const file = tempPath();
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/不是本程序的数据文件/);
  });

  it('refuses, untouched, a data file whose schema is not what its version’s migrations make', () => {
    const file = tempPath();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.exec('CREATE TRIGGER double_amounts AFTER INSERT ON ledger_txn BEGIN UPDATE ledger_txn SET amount_fen = amount_fen * 2 WHERE id = new.id; END');
    raw.exec('DROP INDEX ledger_txn_batch');
    raw.close();
    expect(() => openDatabase(file)).toThrow(
      expect.objectContaining({ code: 'DB_CORRUPT', message: expect.stringMatching(/多出触发器 double_amounts；缺少索引 ledger_txn_batch/) }),
    );
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'double_amounts'").get()).toEqual({ n: 1 });
    check.close();
  });

  it('opens and migrates a file of every older schema version (its schema checked against that version)', () => {
    const migrations = loadMigrations();
    for (let v = 1; v < migrations.length; v++) {
      const file = tempPath();
      openDatabase(file, { migrations: migrations.slice(0, v) }).close();
      const db = openDatabase(file, { migrations });
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      db.close();
      // And once migrated, it opens again with the latest schema check.
      openDatabase(file, { migrations }).close();
    }
  });

  it('leaves a database at the old version when a migration fails', () => {
    const file = tempPath();
    const migrations = loadMigrations();
    openDatabase(file, { migrations: migrations.slice(0, 1) }).close();
    const broken = [...migrations.slice(0, 1), { version: 2, name: '0002_broken.sql', sql: 'CREATE TABLE ok_table (x INTEGER); SELECT no_such_function();' }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'ok_table'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('uses STRICT tables so a float can never be stored as an amount', () => {
    const db = openDatabase(tempPath());
    db.exec("INSERT INTO department (name) VALUES ('d'); INSERT INTO fiscal_year (department_id, year) VALUES (1, 2021)");
    db.exec("INSERT INTO unit (department_id, name, kind) VALUES (1, 'u', 'admin')");
    expect(() =>
      db.prepare("INSERT INTO budget_line (year_id, unit_id, funding_source, category, initial_fen) VALUES (1, 1, 'general_budget', 'public', ?)").run(12.5),
    ).toThrow();
    db.close();
  });
});
