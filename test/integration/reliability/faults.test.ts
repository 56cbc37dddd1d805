import { closeSync, copyFileSync, openSync, readdirSync, statfsSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type DbOpenState, openWithHealthCheck } from '../../../electron/db/health.ts';
import { type Db, latestSchemaVersion, openDatabase } from '../../../electron/db/open.ts';
import { openAppSession } from '../../../electron/services/app-session.ts';
import { backupBeforeMigrate, backupNow, restoreForRecovery } from '../../../electron/services/backup-service.ts';
import { startChild } from '../../stress/kill-harness.ts';
import {
  addLedgerBatch,
  buildExampleDb,
  buildVersionFixture,
  contentHash,
  contextFor,
  fileSha256,
  removeTempDirs,
  tempDir,
} from './fixtures/databases.ts';
import { mountReadOnlyView, mountTmpfs } from './fixtures/mounts.ts';

// Each way the data file can be unusable gives a Chinese message and loses nothing: disk full,
// read-only, locked, damaged, from a newer version, not ours.

afterAll(removeTempDirs);

function caught(fn: () => unknown): { code?: string; message?: string } {
  try {
    fn();
  } catch (e) {
    return e as { code?: string; message?: string };
  }
  throw new Error('expected an error');
}

function closeState(s: DbOpenState): void {
  if ('db' in s) s.db.close();
  if ('lock' in s) s.lock?.release();
}

async function exampleFile(dir = tempDir(), extraTxns = 0): Promise<string> {
  const file = join(dir, 'data.db');
  await buildExampleDb(file, extraTxns);
  return file;
}

/** Fills the b-tree header of pages 2–5 with 0xFF: a damage quick_check must see. */
function damagePages(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    const pageSize = 4096;
    for (const page of [2, 3, 4, 5]) writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

function rowsOf(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM ledger_txn').get() as { n: number }).n;
}

describe('disk full', () => {
  it('refuses the write with a Chinese message and rolls it back (max_page_count)', async () => {
    const file = await exampleFile();
    const db = openDatabase(file);
    const before = contentHash(db);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const e = caught(() => addLedgerBatch(db, 2000, 'F'));
    expect(e.code).toBe('DISK_FULL');
    expect(e.message).toContain('磁盘空间不足，本次修改未保存，已有数据未受影响');
    expect(e.message).toContain(file);
    expect(db.inTransaction).toBe(false);
    expect(contentHash(db)).toBe(before);
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('quick_check', { simple: true })).toBe('ok');
    expect(contentHash(again)).toBe(before);
    again.close();
  });

  it('keeps every committed batch when the real disk fills up (tmpfs)', async (ctx) => {
    const mount = mountTmpfs(join(tempDir(), 'small-disk'), 3072);
    if (!mount) ctx.skip('mount is not permitted here: only the max_page_count case ran');
    try {
      const file = await exampleFile(mount!.dir);
      const db = openDatabase(file);
      let committed = 0;
      let error: { code?: string; message?: string } = {};
      for (let b = 0; b < 200; b++) {
        try {
          addLedgerBatch(db, 500, `T${b}`);
          committed++;
        } catch (e) {
          error = e as typeof error;
          break;
        }
      }
      expect(error.code).toBe('DISK_FULL');
      expect(committed).toBeGreaterThan(0);
      const expectedRows = rowsOf(db);
      db.close();
      const check = new Database(file);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(rowsOf(check)).toBe(expectedRows);
      expect((check.prepare("SELECT count(*) AS n FROM ledger_txn WHERE voucher_no GLOB 'T*'").get() as { n: number }).n).toBe(committed * 500);
      check.close();
    } finally {
      mount!.unmount();
    }
  });

  it('refuses to migrate when the backup before migration does not fit, leaving the file at its old version', async (ctx) => {
    const mount = mountTmpfs(join(tempDir(), 'full-disk'), 2048);
    if (!mount) ctx.skip('mount is not permitted here');
    try {
      const file = join(mount!.dir, 'old.db');
      buildVersionFixture(file, 1, { txns: 3000 });
      const sha = fileSha256(file);
      // Leave room for SQLite's -wal/-shm but not for the backup copy.
      const { bavail, bsize } = statfsSync(mount!.dir);
      writeFileSync(join(mount!.dir, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 96 * 1024)));
      const state = openWithHealthCheck(file, { beforeMigrate: backupBeforeMigrate() });
      expect(state.status).toBe('refused');
      expect('error' in state && state.error.code).toBe('DISK_FULL');
      expect('error' in state && state.error.message).toMatch(/数据升级（版本 1 → \d+）前的备份没有成功，数据文件未升级、未修改/);
      closeState(state);
      expect(fileSha256(file)).toBe(sha);
    } finally {
      mount!.unmount();
    }
  });
});

describe('read-only data file', () => {
  it('a read-only connection refuses writes with a Chinese message and changes nothing', async () => {
    const file = await exampleFile();
    const sha = fileSha256(file);
    const db = openDatabase(file, { readonly: true });
    const e = caught(() => addLedgerBatch(db, 10, 'R'));
    expect(e.code).toBe('DB_READONLY');
    expect(e.message).toContain('数据文件无法写入（只读或无权限）');
    db.close();
    expect(fileSha256(file)).toBe(sha);
  });

  it('a read-only folder opens for viewing only (read-only bind mount)', async (ctx) => {
    const source = tempDir();
    await exampleFile(source);
    const view = mountReadOnlyView(source, join(tempDir(), 'ro-view'));
    if (!view) ctx.skip('mount is not permitted here: only the read-only connection case ran');
    try {
      const file = join(view!.dir, 'data.db');
      const sha = fileSha256(file);
      const state = openWithHealthCheck(file, {});
      expect(state.status).toBe('read-only');
      if (state.status !== 'read-only') return;
      expect(state.error.message).toContain('已以只读方式打开：可以查看，不能修改');
      expect(rowsOf(state.db)).toBeGreaterThan(0);
      const e = caught(() => addLedgerBatch(state.db, 10, 'R'));
      expect(e.code).toBe('DB_READONLY');
      closeState(state);
      expect(fileSha256(file)).toBe(sha);
      const session = openAppSession({ dataFile: file, tool: 'app', transport: 'direct', appVersion: 'test' });
      expect(session.state()).toMatchObject({ status: 'read-only', backups: [], problem: { code: 'DB_READONLY' } });
      await session.close();
      expect(fileSha256(file)).toBe(sha);
    } finally {
      view!.unmount();
    }
  });

  it('a damaged file in a read-only folder is refused as damaged, not shown', async (ctx) => {
    const source = tempDir();
    damagePages(await exampleFile(source));
    const view = mountReadOnlyView(source, join(tempDir(), 'ro-damaged'));
    if (!view) ctx.skip('mount is not permitted here');
    try {
      const state = openWithHealthCheck(join(view!.dir, 'data.db'), {});
      expect(state.status).toBe('refused');
      expect('error' in state && state.error.code).toBe('DB_CORRUPT');
      closeState(state);
    } finally {
      view!.unmount();
    }
  });

  it('chmod 0444 makes the file read-only for ordinary users (root ignores mode bits, so not run as root)', async (ctx) => {
    if (process.getuid?.() === 0) ctx.skip('running as root: chmod does not stop writes, the bind-mount case covers this');
    const { chmodSync } = await import('node:fs');
    const file = await exampleFile();
    chmodSync(file, 0o444);
    const state = openWithHealthCheck(file, {});
    expect(state.status).toBe('read-only');
    closeState(state);
  });
});

describe('locked data file', () => {
  it('another connection holding BEGIN EXCLUSIVE: the write fails with a Chinese message, nothing lost', async () => {
    const file = await exampleFile();
    const db = openDatabase(file);
    db.pragma('busy_timeout = 200');
    const before = contentHash(db);
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    other.prepare("INSERT INTO app_setting (key, value_json) VALUES ('other.writer', '1')").run();
    const e = caught(() => addLedgerBatch(db, 10, 'L'));
    expect(e.code).toBe('DB_BUSY');
    expect(e.message).toContain('数据文件正被另一个程序使用');
    other.exec('ROLLBACK');
    other.close();
    expect(contentHash(db)).toBe(before);
    addLedgerBatch(db, 10, 'L');
    expect(rowsOf(db)).toBeGreaterThan(0);
    db.close();
  });

  it('the single-writer lock of another process: refused at open with who holds it', async () => {
    const file = await exampleFile();
    const sha = fileSha256(file);
    const holder = await startChild('hold-lock', { file });
    try {
      const state = openWithHealthCheck(file, { lockAs: 'app' });
      expect(state.status).toBe('refused');
      expect('error' in state && state.error.code).toBe('LOCKED');
      expect('error' in state && state.error.message).toContain(`进程 ${holder.pid}`);
    } finally {
      await holder.kill();
    }
    expect(fileSha256(file)).toBe(sha);
    const state = openWithHealthCheck(file, { lockAs: 'app' });
    expect(state.status).toBe('ok');
    closeState(state);
  });
});

describe('damaged data file', () => {
  it('is never written to, and leads to a restore offer that brings the data back', async () => {
    const dir = tempDir();
    const file = await exampleFile(dir, 3000);
    const db = openDatabase(file);
    const before = contentHash(db);
    const backup = await backupNow(contextFor(db, file));
    db.close();
    damagePages(file);
    const sha = fileSha256(file);
    const listing = readdirSync(dir).sort();

    const state = openWithHealthCheck(file, { lockAs: 'app' });
    expect(state.status).toBe('needs-restore');
    if (state.status !== 'needs-restore') return;
    expect(state.error.code).toBe('DB_CORRUPT');
    expect(state.error.message).toMatch(/数据文件已损坏.*请从备份恢复/);
    expect(fileSha256(file)).toBe(sha);
    // Only the lock and SQLite's (empty) reader files may have appeared beside it.
    const appeared = readdirSync(dir).filter((n) => !listing.includes(n));
    expect(appeared.filter((n) => !['data.db.lock', 'data.db-wal', 'data.db-shm'].includes(n))).toEqual([]);
    if (appeared.includes('data.db-wal')) expect(statSync(join(dir, 'data.db-wal')).size).toBe(0);

    const restored = restoreForRecovery(file, backup.name, (f) => openDatabase(f));
    expect(contentHash(restored.db)).toBe(before);
    expect(restored.db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(fileSha256(restored.preRestoreFile!)).toBe(sha);
    restored.db.close();
    state.lock?.release();
  });
});

describe('data file from a newer version, or not ours', () => {
  it('a newer file is refused and left byte for byte as it was', async () => {
    const dir = tempDir();
    const file = await exampleFile(dir);
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    raw.close();
    const sha = fileSha256(file);
    const listing = readdirSync(dir).sort();
    const state = openWithHealthCheck(file, {});
    expect(state.status).toBe('refused');
    expect('error' in state && state.error.code).toBe('DB_NEWER');
    expect('error' in state && state.error.message).toContain('更新版本的程序创建');
    expect(fileSha256(file)).toBe(sha);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('a file of another program is refused, not offered a restore over it', () => {
    const file = join(tempDir(), 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    const state = openWithHealthCheck(file, {});
    expect(state.status).toBe('refused');
    expect('error' in state && state.error.message).toContain('文件不是本程序的数据文件');
  });

  it('a healthy file opens normally', async () => {
    const copy = join(tempDir(), 'copy.db');
    copyFileSync(await exampleFile(), copy);
    const state = openWithHealthCheck(copy, { lockAs: 'app' });
    expect(state.status).toBe('ok');
    closeState(state);
  });
});
