import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupDirFor, listBackupFiles, verifyBackupFile } from '../../electron/db/backup.ts';
import { checkPages, openRawDatabase, openWithHealthCheck } from '../../electron/db/health.ts';
import type { Migration } from '../../electron/db/migrations.ts';
import type { Db } from '../../electron/db/open.ts';

// What the crash tests look at after a kill. The data file is opened the way the next start
// would (a read-write connection, so SQLite rolls back or replays its WAL), never repaired.

export interface Inspected {
  problems: string[];
  userVersion: number;
}

/** Opens `file` read-write (recovery runs as at the next start), runs quick_check and `fn`. */
export function inspectFile<T>(file: string, fn: (db: Db) => T): Inspected & { result: T } {
  const db = openRawDatabase(file, { readonly: false });
  try {
    const problems = checkPages(db, 'quick');
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    return { problems, userVersion, result: fn(db) };
  } finally {
    db.close();
  }
}

/**
 * Every file under a final backup name must pass the full check; `fn` reads each one. Names in
 * `alreadyChecked` are skipped (a file under a final name is never rewritten) and new ones added.
 */
export function inspectBackups<T>(
  dataFile: string,
  migrations: Migration[],
  fn: (db: Db) => T,
  alreadyChecked: Set<string> = new Set(),
): { checked: number; damaged: string[]; results: Array<{ name: string; userVersion: number; value: T }> } {
  const damaged: string[] = [];
  const results: Array<{ name: string; userVersion: number; value: T }> = [];
  const backups = listBackupFiles(backupDirFor(dataFile), dataFile).filter((b) => !alreadyChecked.has(b.name));
  for (const b of backups) {
    alreadyChecked.add(b.name);
    try {
      const { userVersion } = verifyBackupFile(b.file, migrations);
      const db = openRawDatabase(b.file, { readonly: true });
      try {
        results.push({ name: b.name, userVersion, value: fn(db) });
      } finally {
        db.close();
      }
    } catch (err) {
      damaged.push(`${b.name}: ${(err as Error).message}`);
    }
  }
  return { checked: backups.length, damaged, results };
}

/** Whether the app would start on this file as it is (and leaves it open at `migrations`' version). */
export function appWouldStart(file: string, migrations?: Migration[]): { ok: boolean; detail: string; version: number } {
  const state = openWithHealthCheck(file, migrations ? { migrations } : {});
  if (state.status !== 'ok') return { ok: false, detail: `${state.status}: ${'error' in state ? state.error.message : ''}`, version: -1 };
  const version = state.db.pragma('user_version', { simple: true }) as number;
  state.db.close();
  return { ok: true, detail: '', version };
}

/** Temporary names a killed backup or restore may leave (never final names). */
export function leftoverTemps(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => /\.tmp-\d+|\.restore-tmp|\.partial/.test(n));
}

export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).map((n) => join(dir, n)) : [];
}
