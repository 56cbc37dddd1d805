import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/app-error.ts';
import { acquireFileLock, type FileLock, type LockTool } from './file-lock.ts';
import { loadMigrations } from './migrations.ts';
import { APPLICATION_ID, type Db, type OpenOptions, openDatabase } from './open.ts';
import { readSchema, type SchemaObject } from './schema-check.ts';
import { setAsideOrphanedLogs } from './set-aside.ts';
import { toAppError } from './sqlite-errors.ts';

// Checks a data file before and while it is opened, and sorts every way opening can fail into
// what the shell should do next: open normally, open for viewing only, offer a restore, or refuse
// with a message. A damaged or newer file is never opened for writing.

/**
 * A plain connection without migrations or pragmas, for checking files (backups, restore
 * candidates, a data file before it is opened). Uses the Electron build of the driver when the
 * shell says where it is.
 */
export function openRawDatabase(file: string, opts: { readonly: boolean }): Db {
  const nativeBinding = process.env.SELFEVAL_SQLITE_BINDING;
  return new Database(file, {
    readonly: opts.readonly,
    fileMustExist: true,
    timeout: 5000,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}

/** Whether `file` has content in its WAL (then the main file alone is not the whole database). */
export function hasWalContent(file: string): boolean {
  try {
    return statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** Problems reported by `PRAGMA quick_check` (or integrity_check); empty when the file is whole. */
export function checkPages(db: Db, mode: 'quick' | 'full' = 'quick'): string[] {
  const rows = db.pragma(mode === 'quick' ? 'quick_check' : 'integrity_check') as Array<Record<string, string>>;
  const problems = rows.map((r) => Object.values(r)[0] ?? '').filter((m) => m !== 'ok');
  return problems;
}

export interface FileCheck {
  problems: string[];
  /** The pages were not checked (mode 'none'): the caller checks them later. */
  pagesSkipped: boolean;
  userVersion: number;
  applicationId: number;
  hasTables: boolean;
  schema: SchemaObject[];
}

/** Opens `file` read-only and checks it; SQLite errors (e.g. SQLITE_CORRUPT at open) are thrown as they are. */
export function checkDatabaseFile(file: string, mode: 'quick' | 'full' | 'none'): FileCheck {
  const db = openRawDatabase(file, { readonly: true });
  try {
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const hasTables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n > 0;
    const problems = mode === 'none' ? [] : checkPages(db, mode);
    return { problems, pagesSkipped: mode === 'none', userVersion, applicationId, hasTables, schema: readSchema(db) };
  } finally {
    db.close();
  }
}

export function corruptError(file: string, problems: string[]): AppError {
  const shown = problems.slice(0, 3).join('；');
  return new AppError(
    'DB_CORRUPT',
    `数据文件已损坏（检查结果：${shown}）：${file}。为避免进一步损坏，本程序不会修改它。请从备份恢复。`,
  );
}

export function newerError(file: string, version: number, latest: number): AppError {
  return new AppError(
    'DB_NEWER',
    `数据文件由更新版本的程序创建（数据版本 ${version}，本程序支持到 ${latest}）。为保护数据，本程序不会修改它，请升级程序后再打开：${file}`,
  );
}

export type DbOpenState =
  /** `pagesUnchecked`: deferPageCheck was asked and honoured; the caller runs pageProblem. */
  | { status: 'ok'; file: string; db: Db; lock: FileLock | null; pagesUnchecked?: boolean }
  /** Opened for viewing only; every write fails with DB_READONLY. */
  | { status: 'read-only'; file: string; db: Db; lock: FileLock | null; error: AppError }
  /** Damaged: nothing was written to it. The lock is kept so a restore can replace the file. */
  | { status: 'needs-restore'; file: string; lock: FileLock | null; error: AppError }
  /** Not there although it has backups (`expectData`): nothing was created. The lock is kept for a restore. */
  | { status: 'missing'; file: string; lock: FileLock | null }
  | { status: 'refused'; file: string; error: AppError };

export interface HealthOpenOptions extends OpenOptions {
  /** Take the single-writer file lock first (as this tool); a held lock gives status 'refused' with LOCKED. */
  lockAs?: LockTool;
  /**
   * The file is known to have held data (it has backups): an empty file is then damage (truncated
   * or overwritten) and a missing one is lost (status 'missing'), not a new installation; no new
   * database is created in either case.
   */
  expectData?: boolean;
  /**
   * Leave the page check (quick_check, O(file size)) to the caller, who runs it in the
   * background (pageProblem on the db worker). It is still done here when the file has WAL
   * content or needs a migration, since opening then writes to it.
   */
  deferPageCheck?: boolean;
}

const NOT_OURS = '文件不是本程序的数据文件';

// A file that is damaged is offered a restore; one that is not ours (open.ts says so with this
// wording) is refused, since restoring a backup over someone else's file would be wrong.
function isRestorable(e: AppError): boolean {
  return e.code === 'DB_CORRUPT' && !e.message.startsWith(NOT_OURS);
}

const WAL_MAGIC = [0x377f0682, 0x377f0683];

/**
 * What is wrong with the header of `file`'s WAL, or null. SQLite silently ignores a WAL whose
 * header is invalid, so the transactions committed in it would be lost without a word; the
 * header's own checksum (WAL format, sqlite.org/fileformat2.html §4.1) tells damage apart.
 */
export function walHeaderProblem(file: string): string | null {
  if (!hasWalContent(file)) return null;
  const header = Buffer.alloc(32);
  const fd = openSync(`${file}-wal`, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 32, 0);
  } finally {
    closeSync(fd);
  }
  const invalid = '预写日志文件（-wal）的文件头无效，其中已提交的修改无法读取';
  if (read < 32) return invalid;
  const magic = header.readUInt32BE(0);
  if (!WAL_MAGIC.includes(magic)) return invalid;
  // Checksum words are read in the byte order the magic number names (its low bit: big-endian).
  const word = (i: number) => (magic & 1 ? header.readUInt32BE(i) : header.readUInt32LE(i));
  let s0 = 0;
  let s1 = 0;
  for (let i = 0; i < 24; i += 8) {
    s0 = (s0 + word(i) + s1) >>> 0;
    s1 = (s1 + word(i + 4) + s0) >>> 0;
  }
  return s0 === header.readUInt32BE(24) && s1 === header.readUInt32BE(28) ? null : invalid;
}

// What SQLite said when it could not even read the file, for the recovery screen's "finding".
function sqliteFinding(err: unknown): string | null {
  const code = (err as { code?: string } | null)?.code ?? '';
  const said = (err as Error).message;
  if (code === 'SQLITE_NOTADB') return `文件头无效，不是可识别的数据库文件（${said}）`;
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) return `数据页无法读取（${said}）`;
  return null;
}

/**
 * The page check of the pre-check on its own (quick_check or integrity_check), as the error the
 * recovery screen shows, or null when the pages are whole. Run on the db worker after start-up.
 */
export function pageProblem(file: string, mode: 'quick' | 'full'): AppError | null {
  let problems: string[];
  try {
    const db = openRawDatabase(file, { readonly: true });
    try {
      problems = checkPages(db, mode);
    } finally {
      db.close();
    }
  } catch (err) {
    const finding = sqliteFinding(err);
    if (finding) return corruptError(file, [finding]);
    throw toAppError(err, file);
  }
  return problems.length > 0 ? corruptError(file, problems) : null;
}

// Read-only pre-check: a damaged or newer file is recognised before any connection that could
// write (journal mode, recovery, migrations) touches it. (SQLite may create empty -wal/-shm files
// beside a WAL database even for a reader; the database file itself is not written.)
interface Precheck {
  error: AppError | null;
  /** The page check was left to the caller (deferPages asked, nothing about to be written). */
  pagesUnchecked: boolean;
}

function precheck(file: string, latest: number, expectData: boolean, deferPages: boolean): Precheck {
  const r = (error: AppError | null, pagesUnchecked = false): Precheck => ({ error, pagesUnchecked });
  if (!existsSync(file)) return r(null);
  if (statSync(file).size === 0) {
    return r(expectData ? corruptError(file, ['文件是空的（0 字节），但它有备份，可能被截断或覆盖']) : null);
  }
  const wal = walHeaderProblem(file);
  if (wal) return r(corruptError(file, [wal]));
  let check: FileCheck;
  try {
    // Pages are checked later (on the db worker) only when nothing is about to be written from
    // this file: a WAL with content (a crash) is checkpointed into it, and a migration rewrites it.
    check = checkDatabaseFile(file, deferPages && !hasWalContent(file) ? 'none' : 'quick');
    if (check.pagesSkipped && check.userVersion < latest && check.hasTables) check = checkDatabaseFile(file, 'quick');
  } catch (err) {
    const e = toAppError(err, file);
    // A file we may not write can still be read: let the normal path classify it.
    if (e.code === 'DB_READONLY') return r(null);
    const finding = sqliteFinding(err);
    return r(finding ? corruptError(file, [finding]) : e);
  }
  if (check.problems.length > 0) return r(corruptError(file, check.problems));
  if (check.hasTables && check.applicationId !== APPLICATION_ID) {
    return r(new AppError('DB_CORRUPT', `${NOT_OURS}：${file}`));
  }
  if (check.userVersion > latest) return r(newerError(file, check.userVersion, latest));
  return r(null, check.pagesSkipped && check.hasTables);
}

// A WAL database cannot be opened from a read-only folder even for reading (SQLite needs to
// create its -shm file there, and this build has no URI filenames for `immutable`). Without WAL
// content the file alone is the whole database, so it is read into memory as a read-only snapshot.
function openSnapshot(file: string, latest: number): Db {
  const bytes = readFileSync(file);
  // Header bytes 18–19 say "WAL"; an in-memory database must use the legacy journal.
  bytes[18] = 1;
  bytes[19] = 1;
  const nativeBinding = process.env.SELFEVAL_SQLITE_BINDING;
  const db = new Database(bytes, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('foreign_keys = ON');
    // The pre-check could not open this file, so it is checked here.
    const problems = checkPages(db, 'quick');
    if (problems.length > 0) throw corruptError(file, problems);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) throw newerError(file, version, latest);
    if (version < latest) throw new AppError('DB_READONLY', `数据文件版本较旧（${version}），需要升级，但所在位置只读：${file}`);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function readOnlyState(file: string, opts: OpenOptions, latest: number, lock: FileLock | null, cause: AppError): DbOpenState {
  const error = new AppError('DB_READONLY', `数据文件只读（或所在文件夹无权限写入），已以只读方式打开：可以查看，不能修改。${file}`);
  try {
    return { status: 'read-only', file, db: openDatabase(file, { ...opts, readonly: true }), lock, error };
  } catch {
    // fall through to the snapshot
  }
  let refusal = cause;
  try {
    if (!hasWalContent(file)) return { status: 'read-only', file, db: openSnapshot(file, latest), lock, error };
  } catch (err) {
    const e = toAppError(err, file);
    if (e.code === 'DB_CORRUPT' || e.code === 'DB_READONLY' || e.code === 'DB_NEWER') refusal = e;
  }
  lock?.release();
  return { status: 'refused', file, error: refusal };
}

/**
 * The start-up open: file lock, quick_check, then `openDatabase` (pragmas, backup hook,
 * migrations). Never throws for a data-file problem; the status says what the shell should show.
 */
export function openWithHealthCheck(file: string, opts: HealthOpenOptions = {}): DbOpenState {
  const { lockAs, expectData = false, deferPageCheck = false, ...openOpts } = opts;
  let lock: FileLock | null = null;
  if (lockAs) {
    try {
      lock = acquireFileLock(file, lockAs);
    } catch (err) {
      return { status: 'refused', file, error: toAppError(err, file) };
    }
  }
  if (expectData && !existsSync(file)) return { status: 'missing', file, lock };
  const latest = (openOpts.migrations ?? loadMigrations()).length;
  const { error: found, pagesUnchecked } = precheck(file, latest, expectData, deferPageCheck);
  if (found) {
    if (isRestorable(found)) return { status: 'needs-restore', file, lock, error: found };
    lock?.release();
    return { status: 'refused', file, error: found };
  }
  try {
    // A new database is about to be created: logs left by a former file must not meet it.
    if (!openOpts.readonly && !existsSync(file)) setAsideOrphanedLogs(file);
    return { status: 'ok', file, db: openDatabase(file, openOpts), lock, ...(pagesUnchecked ? { pagesUnchecked } : {}) };
  } catch (err) {
    const error = toAppError(err, file);
    if (error.code === 'DB_READONLY' && existsSync(file)) return readOnlyState(file, openOpts, latest, lock, error);
    if (isRestorable(error)) return { status: 'needs-restore', file, lock, error };
    lock?.release();
    return { status: 'refused', file, error };
  }
}
