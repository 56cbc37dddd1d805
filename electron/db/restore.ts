import { copyFileSync, existsSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import { syncFile, syncFolder, verifyBackupFile } from './backup.ts';
import { checkPages, openRawDatabase } from './health.ts';
import { loadMigrations, type Migration } from './migrations.ts';
import { type Db, openDatabase } from './open.ts';
import { restrictToOwner } from './owner-only.ts';
import { preRestorePath, setAsideOrphanedLogs } from './set-aside.ts';
import { toAppError } from './sqlite-errors.ts';
import { writeFaultOf } from './write-fault.ts';

// Puts a backup in place of the data file (reliability-notes §2.3). At every instant the data file
// is either the old database or the restored one, whole: the candidate is checked, copied by SQLite
// to a temporary name beside the data file and checked again; the live connection is closed
// (which checkpoints its WAL); the current file is copied to a pre-restore name; and one rename
// puts the restored file in place.

export interface RestoreOptions {
  /** The data file to replace. */
  file: string;
  /** The backup to restore from. */
  candidate: string;
  /**
   * The live connection to `file`, if open. It is closed once the candidate has passed its checks;
   * should the restore fail after that, the old file is still in place and the caller reopens it.
   */
  live?: Db | null;
  /** Opens the data file afterwards (default: openDatabase with its migrations). */
  reopen?: (file: string) => Db;
  migrations?: Migration[];
  now?: Date;
  /**
   * The data file is damaged or from a newer version and nothing has it open: it is moved aside
   * exactly as it is, WAL included. No connection that could write (the sole-user probe, a WAL
   * checkpoint; closing the last connection checkpoints) ever opens it.
   */
  keepReplacedAsIs?: boolean;
}

export interface RestoreResult {
  db: Db;
  restoredFrom: string;
  /** Where the replaced data file was kept, or null when there was none. */
  preRestoreFile: string | null;
  /** The candidate's schema version (older ones are migrated by `reopen`). */
  schemaVersion: number;
}

function nonEmpty(file: string): boolean {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}

// A connection left open elsewhere keeps a non-empty WAL after our close; the data file must not
// be separated from it. One checkpoint is tried; if the WAL stays, another program has the file.
function settleWal(file: string): void {
  if (!nonEmpty(`${file}-wal`)) return;
  try {
    const db = openRawDatabase(file, { readonly: false });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch {
    // A damaged file may refuse the checkpoint; its WAL then moves with it below.
  }
}

// A copy, not a hard link: a link left by a crash between here and the final rename would make
// the kept file a second name of the live database (reliability-notes §2.2 item 2.6). The data
// file is closed, so copying its bytes is safe; the copy is renamed into its name only when whole.
// No other connection may have the file open while it is replaced (reliability-notes §2.2 item
// 2.5), e.g. an import's own writer in this process: with any connection open, SQLite refuses an
// exclusive-mode lock on a WAL database. A damaged file may refuse the probe for other reasons;
// only "busy" stops the restore.
function requireSoleUser(file: string): void {
  if (!existsSync(file)) return;
  let probe: Db | null = null;
  try {
    probe = openRawDatabase(file, { readonly: false });
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
      throw new AppError('DB_BUSY', `恢复失败：数据文件仍被其他连接使用（例如正在进行的导入），数据文件未被替换：${file}。请等其完成后重试。`);
    }
  } finally {
    probe?.close();
  }
}

function keepCurrent(file: string, pre: string): string | null {
  if (!existsSync(file)) return null;
  const partial = `${pre}.partial`;
  copyFileSync(file, partial);
  restrictToOwner(partial);
  syncFile(partial);
  renameSync(partial, pre);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${pre}${suffix}`);
  }
  restrictToOwner(`${pre}-wal`, `${pre}-shm`);
  return pre;
}

function copyBySqlite(candidate: string, tmp: string): void {
  const src = openRawDatabase(candidate, { readonly: true });
  try {
    src.prepare('VACUUM INTO ?').run(tmp);
  } finally {
    src.close();
  }
  const db = openRawDatabase(tmp, { readonly: false });
  try {
    db.pragma('journal_mode = DELETE');
    const problems = checkPages(db, 'full');
    if (problems.length > 0) throw new AppError('DB_CORRUPT', `恢复用的临时副本校验未通过（${problems[0]}），未做任何修改。`);
  } finally {
    db.close();
  }
  restrictToOwner(tmp);
  syncFile(tmp);
}

// The temporary copy is ours alone (no connection has it open), so deleting it is safe.
function removeTemp(tmp: string): void {
  for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) {
    try {
      unlinkSync(f);
    } catch {
      // absent
    }
  }
}

function restoreFailure(err: unknown, file: string): AppError {
  if (err instanceof AppError && err.code !== 'DISK_FULL' && err.code !== 'DB_READONLY') return err;
  const fault = err instanceof AppError ? null : writeFaultOf(err, dirname(file));
  const e = toAppError(err, file);
  if (fault === 'disk-full' || e.code === 'DISK_FULL') {
    return new AppError('DISK_FULL', `恢复失败：数据文件所在磁盘空间不足，数据文件未被替换：${file}。请清理磁盘后重试。`);
  }
  if (fault === 'not-writable' || e.code === 'DB_READONLY') {
    return new AppError('DB_READONLY', `恢复失败：无法写入数据文件所在文件夹（只读或无权限），数据文件未被替换：${file}。`);
  }
  return e;
}

/** Restores `candidate` over `file` as described above; throws a Chinese AppError, with `file` unchanged, on any refusal. */
export function restoreDatabase(opts: RestoreOptions): RestoreResult {
  const file = resolve(opts.file);
  const candidate = resolve(opts.candidate);
  const migrations = opts.migrations ?? loadMigrations();
  const reopen = opts.reopen ?? ((f: string) => openDatabase(f, { migrations }));
  if (candidate === file) throw new AppError('VALIDATION', '不能用数据文件本身恢复它自己，请选择一个备份文件。');
  if (!existsSync(candidate)) throw new AppError('NOT_FOUND', `找不到备份文件：${candidate}`);

  const { userVersion } = verifyBackupFile(candidate, migrations);
  const tmp = `${file}.restore-tmp`;
  removeTemp(tmp);
  try {
    copyBySqlite(candidate, tmp);
  } catch (err) {
    removeTemp(tmp);
    throw restoreFailure(err, file);
  }

  const live = opts.live?.open ? opts.live : null;
  live?.close();
  let preRestoreFile: string | null = null;
  try {
    if (!opts.keepReplacedAsIs) {
      requireSoleUser(file);
      settleWal(file);
    }
    preRestoreFile = keepCurrent(file, preRestorePath(file, opts.now ?? new Date()));
    // The restored file must not meet a WAL left by the missing one.
    if (!preRestoreFile) setAsideOrphanedLogs(file, opts.now);
    renameSync(tmp, file);
    syncFolder(dirname(file));
  } catch (err) {
    removeTemp(tmp);
    throw restoreFailure(err, file);
  }
  return { db: reopen(file), restoredFrom: candidate, preRestoreFile, schemaVersion: userVersion };
}
