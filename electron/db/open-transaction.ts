import type { Db } from './open.ts';

// A write transaction that stays open across awaits (an import written while a worker parses, the
// example year loaded through the async API), which db.transaction() cannot do: it is synchronous.
// IMMEDIATE takes the write lock up front, so a busy file fails before any work is done.

export function beginImmediate(db: Db): void {
  db.exec('BEGIN IMMEDIATE');
}

export function commit(db: Db): void {
  db.exec('COMMIT');
}

export function rollbackIfOpen(db: Db): void {
  if (db.inTransaction) db.exec('ROLLBACK');
}
