import { backupBeforeMigrate } from '../services/backup-service.ts';
import { acquireFileLock, type FileLock, type LockTool } from './file-lock.ts';
import { openWithHealthCheck } from './health.ts';
import type { Db } from './open.ts';

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

/**
 * Opens the data file for a writer (a CLI command; the app and browser mode go through
 * services/app-session.ts): takes the single-writer lock first, so two tools never write one file
 * (a clear LOCKED message instead of SQLITE_BUSY), checks the file (a damaged or newer one is
 * refused untouched) and backs it up before any migration. Closing the connection releases the lock.
 */
export function openDataFile(file: string, tool: LockTool): Db {
  const lock = acquireFileLock(file, tool);
  const state = openWithHealthCheck(file, { beforeMigrate: backupBeforeMigrate() });
  if (state.status !== 'ok' && state.status !== 'read-only') {
    lock.release();
    throw state.error;
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
