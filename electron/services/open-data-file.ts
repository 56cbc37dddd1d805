import { join } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import { backupBeforeMigrate, backupsOf, keepEarlierBackups } from './backup-service.ts';
import { backupDirFor } from '../db/backup.ts';
import { acquireFileLock, type FileLock, type LockTool } from '../db/file-lock.ts';
import { openWithHealthCheck } from '../db/health.ts';
import type { Db } from '../db/open.ts';

// The writer lock of each connection opened here; closing the connection releases it.
const locks = new WeakMap<Db, FileLock>();

function bindLock(db: Db, lock: FileLock): Db {
  const close = db.close.bind(db);
  locks.set(db, lock);
  db.close = () => {
    try {
      return close();
    } finally {
      locks.get(db)?.release();
      locks.delete(db);
    }
  };
  return db;
}

export interface DataFileOptions {
  /** The user asked explicitly for a new empty file where the data file is missing but has backups. */
  createIfMissing?: boolean;
  /** How the user asks for that (e.g. the CLI's `--new-file`), named in the refusal; absent when not offered. */
  createHint?: string;
}

function missingError(file: string, createHint: string | undefined): AppError {
  const dir = backupDirFor(file);
  const backups = backupsOf(file);
  const newest = backups[0] ? join(dir, backups[0].name) : dir;
  const create = createHint ? `确实要新建空白数据文件时，请加参数 ${createHint}（备份保持原样）。` : '';
  return new AppError(
    'NOT_FOUND',
    `找不到数据文件 ${file}，但备份文件夹 ${dir} 中有它的 ${backups.length} 个备份，因此没有新建空白数据文件。` +
      `要恢复最新的备份，请运行：selfeval restore --db "${file}" --from "${newest}"。${create}`,
  );
}

/**
 * Opens the data file for a writer (a CLI command; the app and browser mode go through
 * services/app-session.ts): takes the single-writer lock first, so two tools never write one file
 * (a clear LOCKED message instead of SQLITE_BUSY), checks the file (a damaged or newer one is
 * refused untouched) and backs it up before any migration. A file that has backups once held
 * data, so found missing or empty it is refused, not silently replaced by a new empty database
 * (unless `createIfMissing`). Closing the connection releases the lock.
 */
export function openDataFile(file: string, tool: LockTool, opts: DataFileOptions = {}): Db {
  const lock = acquireFileLock(file, tool);
  let expectData = false;
  try {
    expectData = backupsOf(file).length > 0;
  } catch {
    // An unreadable backup folder proves nothing either way.
  }
  let state = openWithHealthCheck(file, { beforeMigrate: backupBeforeMigrate(), expectData });
  if (state.status === 'missing' && opts.createIfMissing) {
    state = openWithHealthCheck(file, { beforeMigrate: backupBeforeMigrate() });
    if (state.status === 'ok') keepEarlierBackups(state.db);
  }
  if (state.status !== 'ok' && state.status !== 'read-only') {
    lock.release();
    throw state.status === 'missing' ? missingError(file, opts.createHint) : state.error;
  }
  return bindLock(state.db, lock);
}

/**
 * Takes the writer lock away from `db` so that closing it keeps the lock held, e.g. for a restore,
 * which closes the connection, replaces the file and reopens it: no other process may take the
 * file in between. Returns a reopen function whose connection owns the lock again (null when `db`
 * holds no lock of its own).
 */
export function holdLockAcross(db: Db, reopen: (file: string) => Db): ((file: string) => Db) | null {
  const lock = locks.get(db);
  if (!lock) return null;
  locks.delete(db);
  return (file) => bindLock(reopen(file), lock);
}
