import { acquireFileLock, type LockTool } from './file-lock.ts';
import { type Db, openDatabase } from './open.ts';
import { backupBeforeMigrate } from '../services/backup-service.ts';

/**
 * Opens the data file for a writer (the app window, browser mode, a CLI command): takes the
 * single-writer lock first, so two tools never write one file (a clear LOCKED message instead of
 * SQLITE_BUSY), and backs the file up before any migration. Closing the connection releases the lock.
 */
export function openDataFile(file: string, tool: LockTool): Db {
  const lock = acquireFileLock(file, tool);
  let db: Db;
  try {
    db = openDatabase(file, { beforeMigrate: backupBeforeMigrate() });
  } catch (err) {
    lock.release();
    throw err;
  }
  const close = db.close.bind(db);
  db.close = () => {
    try {
      return close();
    } finally {
      lock.release();
    }
  };
  return db;
}
