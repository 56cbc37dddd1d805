import { existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupStem, syncFolder } from './backup.ts';

// Files moved out of the data file's way are kept beside it under a dated name, never deleted.

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// `<stem>.<label>-<local time>.db` beside the data file, numbered when taken (-wal files included).
function asidePath(file: string, label: string, at: Date): string {
  const ts = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  const base = join(dirname(file), `${backupStem(file)}.${label}-${ts}`);
  let p = `${base}.db`;
  for (let i = 2; existsSync(p) || existsSync(`${p}-wal`); i++) p = `${base}-${i}.db`;
  return p;
}

/** Where a restore keeps the file it replaces. */
export function preRestorePath(file: string, at: Date): string {
  return asidePath(file, 'pre-restore', at);
}

/**
 * A missing data file's own log files (-wal, -shm, -journal) left behind: SQLite would delete a WAL
 * beside a new empty file, or replay its old pages into a restored one. They may hold the lost
 * file's last changes, so they are moved aside (`<stem>.orphaned-<time>.db-wal`), never deleted.
 * Returns the new name of the -wal (or whichever was moved), or null when there was none.
 */
export function setAsideOrphanedLogs(file: string, at: Date = new Date()): string | null {
  if (existsSync(file)) return null;
  const found = ['-wal', '-journal', '-shm'].filter((s) => existsSync(`${file}${s}`));
  if (found.length === 0) return null;
  const aside = asidePath(file, 'orphaned', at);
  for (const suffix of found) renameSync(`${file}${suffix}`, `${aside}${suffix}`);
  syncFolder(dirname(file));
  return `${aside}${found[0]}`;
}

