import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

// The data file holds a finance section's ledger: on POSIX every file the app writes beside it
// (the database, its -wal/-shm, backups, the lock, uploads) is readable by its owner only, and
// every folder it creates for them is 0700, whatever the umask. SQLite gives -wal and -shm the
// permissions of the database file, so creating that file 0600 first covers them. Windows has no
// mode bits; its per-user profile folders already keep other accounts out.

export const OWNER_FILE_MODE = 0o600;
export const OWNER_DIR_MODE = 0o700;

const posix = process.platform !== 'win32';

/** Creates `dir` (and missing parents) readable by the owner only; existing folders are left as they are. */
export function makeOwnerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_DIR_MODE });
}

/**
 * Creates `file` empty and owner-only if it does not exist yet, so that SQLite opens it instead of
 * creating it with the umask's mode. Any failure (it exists, the folder is missing or read-only) is
 * left for SQLite's own open to report in its words.
 */
export function createOwnerOnlyFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', OWNER_FILE_MODE));
  } catch {
    // see above
  }
}

/**
 * Narrows existing files to owner-only (files made by older versions, or by SQLite itself). A file
 * that is absent or belongs to someone else is left alone: the app then still works, it just
 * cannot tighten what it does not own.
 */
export function restrictToOwner(...files: string[]): void {
  if (!posix) return;
  for (const f of files) {
    try {
      chmodSync(f, OWNER_FILE_MODE);
    } catch {
      // absent or not ours
    }
  }
}

/** The data file and the files SQLite keeps beside it. */
export function databaseFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}
