import { closeSync, copyFileSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDirFor, listBackupFiles, writeBackupSync } from '../../../electron/db/backup.ts';
import { latestSchemaVersion, openDatabase } from '../../../electron/db/open.ts';
import { restoreDatabase } from '../../../electron/db/restore.ts';
import { backupNow, restoreFrom, restoreFromFile } from '../../../electron/services/backup-service.ts';
import { BackupRestoreInput } from '../../../shared/backup/schemas.ts';
import { addLedgerBatch, buildExampleDb, buildVersionFixture, contentHash, contextFor, removeTempDirs, tempDir } from './fixtures/databases.ts';

// Restore refuses anything it cannot vouch for and then leaves the live database as it was; when
// it does replace the file, the replaced one is kept.

afterAll(removeTempDirs);

async function liveWithBackup() {
  const dir = tempDir();
  const file = join(dir, 'data.db');
  await buildExampleDb(file, 1000);
  const db = openDatabase(file);
  const ctx = contextFor(db, file);
  const backupHash = contentHash(db);
  const entry = await backupNow(ctx);
  addLedgerBatch(db, 20, 'after-backup');
  return { dir, file, ctx, entry, backupHash, liveHash: contentHash(db) };
}

function reopen(f: string) {
  return openDatabase(f);
}

describe('restore', () => {
  it('replaces the data file, keeps the replaced one, and swaps the connection', async () => {
    const { dir, ctx, entry, backupHash, liveHash } = await liveWithBackup();
    const r = restoreFrom(ctx, { name: entry.name }, reopen);
    expect(contentHash(ctx.db)).toBe(backupHash);
    expect(r.schemaVersion).toBe(latestSchemaVersion());
    expect(r.preRestoreFile).toMatch(/data\.pre-restore-\d{8}-\d{6}\.db$/);
    const kept = new Database(r.preRestoreFile!, { readonly: true });
    expect(contentHash(kept)).toBe(liveHash);
    kept.close();
    expect(readdirSync(dir).filter((n) => n.includes('restore-tmp') || n.endsWith('.partial'))).toEqual([]);
    // The restored database is the live one now: writes go to the file.
    addLedgerBatch(ctx.db, 5, 'after-restore');
    ctx.db.close();
  });

  it.each([
    ['newer', 'DB_NEWER', /更新版本的程序创建.*不能用本程序恢复/],
    ['damaged', 'DB_CORRUPT', /损坏/],
    ['empty', 'VALIDATION', /空的数据文件/],
    ['not a database', 'DB_CORRUPT', /损坏或不是本程序的数据文件/],
    ['another program', 'DB_CORRUPT', /不是本程序的数据文件/],
  ])('refuses a %s candidate and leaves the live database open and unchanged', async (kind, code, message) => {
    const { dir, file, ctx, entry, liveHash } = await liveWithBackup();
    const candidate = join(dir, `candidate-${kind.replace(/ /g, '-')}.db`);
    const source = join(backupDirFor(file), entry.name);
    if (kind === 'newer') {
      copyFileSync(source, candidate);
      const raw = new Database(candidate);
      raw.pragma(`user_version = ${latestSchemaVersion() + 1}`);
      raw.close();
    } else if (kind === 'damaged') {
      copyFileSync(source, candidate);
      const fd = openSync(candidate, 'r+');
      for (const page of [2, 3, 4]) writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (page - 1) * 4096);
      closeSync(fd);
    } else if (kind === 'empty') {
      new Database(candidate).close();
    } else if (kind === 'not a database') {
      writeFileSync(candidate, '这不是数据库'.repeat(1000));
    } else {
      const raw = new Database(candidate);
      raw.exec('CREATE TABLE t (x)');
      raw.close();
    }
    expect(() => restoreFromFile(ctx, candidate, reopen)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
    expect(ctx.db.open).toBe(true);
    expect(contentHash(ctx.db)).toBe(liveHash);
    ctx.db.close();
    const after = new Database(file, { readonly: true });
    expect(contentHash(after)).toBe(liveHash);
    after.close();
    expect(readdirSync(dir).filter((n) => n.includes('pre-restore') || n.includes('restore-tmp'))).toEqual([]);
  });

  it.each([
    ['one added trigger', 'CREATE TRIGGER double_amounts AFTER INSERT ON ledger_txn BEGIN UPDATE ledger_txn SET amount_fen = amount_fen * 2 WHERE id = new.id; END', /多出触发器 double_amounts/],
    ['one missing trigger', 'DROP TRIGGER audit_log_no_delete', /缺少触发器 audit_log_no_delete/],
    ['one added index', 'CREATE INDEX spy_index ON ledger_txn (summary)', /多出索引 spy_index/],
    ['one missing index', 'DROP INDEX ledger_txn_batch', /缺少索引 ledger_txn_batch/],
    ['one added view', 'CREATE VIEW everything AS SELECT * FROM ledger_txn', /多出视图 everything/],
    [
      'one changed trigger',
      "DROP TRIGGER audit_log_no_delete; CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END",
      /触发器 audit_log_no_delete 的定义与本程序不同/,
    ],
  ])('refuses a backup with %s and leaves the data file unchanged', async (_kind, sql, message) => {
    const { dir, file, ctx, entry, liveHash } = await liveWithBackup();
    const candidate = join(dir, 'tampered.db');
    copyFileSync(join(backupDirFor(file), entry.name), candidate);
    const raw = new Database(candidate);
    raw.exec(sql);
    // Still whole, still ours, same version: only the schema tells.
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    expect(() => restoreFromFile(ctx, candidate, reopen)).toThrow(
      expect.objectContaining({ code: 'DB_CORRUPT', message: expect.stringMatching(message) }),
    );
    expect(ctx.db.open).toBe(true);
    expect(contentHash(ctx.db)).toBe(liveHash);
    ctx.db.close();
    const after = new Database(file, { readonly: true });
    expect(contentHash(after)).toBe(liveHash);
    expect((after.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('double_amounts', 'spy_index', 'everything')").get() as { n: number }).n).toBe(0);
    after.close();
    expect(readdirSync(dir).filter((n) => n.includes('pre-restore') || n.includes('restore-tmp'))).toEqual([]);
  });

  it('restores a backup of an older schema and migrates it, backing it up first', async () => {
    const dir = tempDir();
    const old = join(dir, 'old-source.db');
    buildVersionFixture(old, 1);
    const oldDb = new Database(old);
    const candidate = join(dir, 'old-backup.db');
    writeBackupSync(oldDb, candidate);
    oldDb.close();
    const file = join(dir, 'data.db');
    await buildExampleDb(file);
    const { backupBeforeMigrate } = await import('../../../electron/services/backup-service.ts');
    const r = restoreDatabase({ file, candidate, reopen: (f) => openDatabase(f, { beforeMigrate: backupBeforeMigrate() }) });
    expect(r.schemaVersion).toBe(1);
    expect(r.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(r.db.pragma('integrity_check', { simple: true })).toBe('ok');
    r.db.close();
    if (latestSchemaVersion() > 1) expect(listBackupFiles(backupDirFor(file), file).map((b) => b.reason)).toEqual(['migration']);
  });

  it('refuses while another connection (e.g. an import writer) has the file open, and keeps the app usable', async () => {
    const { ctx, entry, liveHash } = await liveWithBackup();
    const importWriter = openDatabase(ctx.dataFile);
    expect(() => restoreFrom(ctx, { name: entry.name }, reopen)).toThrow(
      expect.objectContaining({ code: 'DB_BUSY', message: expect.stringContaining('数据文件仍被其他连接使用') }),
    );
    expect(ctx.db.open).toBe(true);
    expect(contentHash(ctx.db)).toBe(liveHash);
    importWriter.close();
    restoreFrom(ctx, { name: entry.name }, reopen);
    ctx.db.close();
  });

  it('only takes names of this data file’s backups from the renderer', async () => {
    const { ctx } = await liveWithBackup();
    expect(BackupRestoreInput.safeParse({ name: '../../etc/passwd' }).success).toBe(false);
    expect(BackupRestoreInput.safeParse({ name: '/tmp/data-20240101-000000-000-manual.db' }).success).toBe(false);
    expect(() => restoreFrom(ctx, { name: 'other-20240101-000000-000-manual.db' }, reopen)).toThrow(/不是该数据文件的备份/);
    expect(() => restoreFrom(ctx, { name: 'data-20240101-000000-000-manual.db' }, reopen)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => restoreFromFile(ctx, ctx.dataFile, reopen)).toThrow(/不能用数据文件本身恢复它自己/);
    expect(existsSync(ctx.dataFile)).toBe(true);
    ctx.db.close();
  });
});
