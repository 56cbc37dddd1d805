import type { Db } from '../db/open.ts';
import { toAppError } from '../db/sqlite-errors.ts';

// Every write path runs in one IMMEDIATE transaction (the write lock is taken up front, so a busy
// file fails before any work is done), and every SQLite failure leaves as a Chinese AppError.
export function inTransaction<T>(db: Db, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    throw toAppError(err, db.name);
  }
}
