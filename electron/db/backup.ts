import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import {
  type BackupPolicy,
  type BackupReason,
  formatBackupName,
  parseBackupName,
} from '../../shared/backup/schemas.ts';
import { checkDatabaseFile, checkPages, corruptError, type FileCheck, openRawDatabase } from './health.ts';
import type { Migration } from './migrations.ts';
import { APPLICATION_ID, type Db } from './open.ts';
import { expectedSchema, schemaDifferences } from './schema-check.ts';
import { OWNER_DIR_MODE, restrictToOwner } from './owner-only.ts';
import { toAppError } from './sqlite-errors.ts';
import { writeFaultOf } from './write-fault.ts';

// Backups of the live database that are whole by construction: SQLite writes the copy (online
// backup API or VACUUM INTO, never a file copy of a live database) to a temporary name, the copy
// is checked with integrity_check and its user_version, synced to disk, and only then renamed to
// its final name. Whatever exists under a backup name has passed the check.

export interface BackupFile {
  file: string;
  name: string;
  takenAt: Date;
  reason: BackupReason;
  sizeBytes: number;
}

export interface WrittenBackup {
  file: string;
  sizeBytes: number;
  userVersion: number;
}

/** Backups live beside the data file, in `backups/` (the same disk, so renames are atomic). */
export function backupDirFor(dbFile: string): string {
  return join(dirname(dbFile), 'backups');
}

export function backupStem(dbFile: string): string {
  const name = basename(dbFile);
  return extname(name) ? name.slice(0, -extname(name).length) : name;
}

const TEMP_SUFFIX = /\.tmp-(\d+)$/;

function tempNameFor(dest: string): string {
  return `${dest}.tmp-${process.pid}`;
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Absent already, or the folder is read-only; nothing under a final name depends on it.
  }
}

function removeWithJournals(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) removeQuietly(f);
}

/** fsync of a folder makes a rename durable on POSIX; Windows cannot open folders and needs none. */
export function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function backupWriteError(err: unknown, dest: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string } | null)?.code ?? '';
  const folder = dirname(dest);
  // A disk out of inodes fails the copy's creation as SQLITE_CANTOPEN: the folder says why.
  const fault = writeFaultOf(err, folder);
  if (fault === 'missing') return new AppError('NOT_FOUND', `备份失败：备份位置不存在或无法访问：${folder}。数据文件未受影响。`);
  if (fault === 'disk-full') {
    return new AppError('DISK_FULL', `备份失败：备份位置 ${folder} 所在磁盘空间不足。数据文件未受影响。请清理磁盘或换一个备份位置后重试。`);
  }
  if (fault === 'not-writable') {
    return new AppError('DB_READONLY', `备份失败：无法写入备份位置 ${folder}（只读或无权限）。数据文件未受影响。请检查该文件夹后重试。`);
  }
  if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_READONLY' ||
    code.startsWith('SQLITE_READONLY_') ||
    code.startsWith('SQLITE_IOERR')
  ) {
    return new AppError('DB_READONLY', `备份失败：无法写入备份位置 ${folder}（只读、无权限或无法访问）。数据文件未受影响。请检查该文件夹后重试。`);
  }
  const e = toAppError(err);
  return new AppError(e.code, `备份失败（${dest}）：${e.message}`);
}

/**
 * Makes the temporary copy self-contained (rollback journal, no -wal beside it) and checks it:
 * integrity_check must say ok and user_version must equal the live database's.
 */
function sealTemp(tmp: string, expectedVersion: number): number {
  const db = openRawDatabase(tmp, { readonly: false });
  try {
    db.pragma('journal_mode = DELETE');
    // integrity_check walks every index against its table: a larger page cache than the default
    // 2 MB saves re-reading the same pages (this runs on the db worker, off the app's thread).
    db.pragma('cache_size = -65536');
    const problems = checkPages(db, 'full');
    if (problems.length > 0) {
      throw new AppError('DB_CORRUPT', `备份校验未通过（${problems.slice(0, 3).join('；')}）。数据文件可能已损坏，请尽快从较早的备份恢复。`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (version !== expectedVersion || (version > 0 && appId !== APPLICATION_ID)) {
      throw new AppError('INTERNAL', `内部错误：备份文件的数据版本（${version}）与数据文件（${expectedVersion}）不一致。`);
    }
  } finally {
    db.close();
  }
  syncFile(tmp);
  return statSync(tmp).size;
}

function finish(tmp: string, dest: string, expectedVersion: number): WrittenBackup {
  const sizeBytes = sealTemp(tmp, expectedVersion);
  restrictToOwner(tmp);
  renameSync(tmp, dest);
  syncFolder(dirname(dest));
  return { file: dest, sizeBytes, userVersion: expectedVersion };
}

// Node's recursive mkdir reports ENOENT where the real cause is EROFS or EACCES; one plain mkdir
// of the last level gives the true error code for the message.
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: OWNER_DIR_MODE });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync(dirname(dir))) throw err;
    mkdirSync(dir, { mode: OWNER_DIR_MODE });
  }
}

function prepare(db: Db, dest: string): { tmp: string; expectedVersion: number } {
  if (existsSync(dest)) throw new AppError('CONFLICT', `备份目标文件已存在，不会覆盖：${dest}`);
  makeFolder(dirname(dest));
  const tmp = tempNameFor(dest);
  removeWithJournals(tmp);
  return { tmp, expectedVersion: db.pragma('user_version', { simple: true }) as number };
}

/**
 * Online backup with SQLite's backup API, in steps that let the event loop run; writes made
 * meanwhile through the same connection are carried into the copy.
 */
export async function writeBackup(db: Db, dest: string): Promise<WrittenBackup> {
  let tmp: string | null = null;
  try {
    const p = prepare(db, dest);
    tmp = p.tmp;
    await db.backup(tmp);
    return finish(tmp, dest, p.expectedVersion);
  } catch (err) {
    if (tmp) removeWithJournals(tmp);
    throw backupWriteError(err, dest);
  }
}

export interface BackupProgress {
  /** `copy`: pages being copied; `verify`: integrity_check and sync of the finished copy. */
  phase: 'copy' | 'verify';
  percent: number;
}

export interface FileBackupHooks {
  onProgress?(p: BackupProgress): void;
  /** The copy is whole (a snapshot of the source); its verification follows. */
  onCopied?(): void;
  /** Pages copied per step of the backup API (default 1000, i.e. 4 MB at the default page size). */
  pagesPerStep?: number;
  /** The temporary name to write to (the caller may need it to clean up after a terminated worker). */
  tmp?: string;
  /** Asked between steps; true stops the backup (nothing is left under the final or the temporary name). */
  shouldStop?(): boolean;
}

/**
 * The same guarantee from a connection of its own (run in the db worker, off the app's thread):
 * SQLite's online backup API in steps, one read transaction held across all steps so the copy is
 * one snapshot of the source — the app's writes meanwhile neither enter it nor restart it.
 */
export async function writeBackupOfFile(source: string, dest: string, hooks: FileBackupHooks = {}): Promise<WrittenBackup> {
  let tmp: string | null = null;
  try {
    if (existsSync(dest)) throw new AppError('CONFLICT', `备份目标文件已存在，不会覆盖：${dest}`);
    makeFolder(dirname(dest));
    tmp = hooks.tmp ?? tempNameFor(dest);
    removeWithJournals(tmp);
    const src = openRawDatabase(source, { readonly: true });
    let expectedVersion: number;
    try {
      src.exec('BEGIN');
      // The first read starts the read transaction: from here on the source is one snapshot.
      src.prepare('SELECT count(*) FROM sqlite_schema').get();
      expectedVersion = src.pragma('user_version', { simple: true }) as number;
      const rate = hooks.pagesPerStep ?? 1000;
      let shown = -1;
      await src.backup(tmp, {
        progress: ({ totalPages, remainingPages }) => {
          if (hooks.shouldStop?.()) throw new AppError('CONFLICT', '备份已停止（程序正在关闭）。');
          const percent = totalPages > 0 ? Math.floor(((totalPages - remainingPages) * 100) / totalPages) : 100;
          if (percent !== shown) {
            shown = percent;
            hooks.onProgress?.({ phase: 'copy', percent });
          }
          return rate;
        },
      });
    } finally {
      if (src.inTransaction) src.exec('COMMIT');
      src.close();
    }
    hooks.onCopied?.();
    hooks.onProgress?.({ phase: 'verify', percent: 0 });
    const written = finish(tmp, dest, expectedVersion);
    hooks.onProgress?.({ phase: 'verify', percent: 100 });
    return written;
  } catch (err) {
    if (tmp) removeWithJournals(tmp);
    throw backupWriteError(err, dest);
  }
}

/** The temporary name a backup to `dest` is written under (removed again if its worker is stopped). */
export function backupTempName(dest: string): string {
  return tempNameFor(dest);
}

export function removeBackupTemp(tmp: string): void {
  removeWithJournals(tmp);
}

/**
 * The same guarantee, synchronously (VACUUM INTO), for hooks that cannot wait: before a migration,
 * an import commit or a finalize. Must not be called inside a transaction.
 */
export function writeBackupSync(db: Db, dest: string): WrittenBackup {
  if (db.inTransaction) throw new AppError('INTERNAL', '内部错误：不能在事务进行中备份，请在提交前的事务之外调用。');
  let tmp: string | null = null;
  try {
    const p = prepare(db, dest);
    tmp = p.tmp;
    db.prepare('VACUUM INTO ?').run(tmp);
    return finish(tmp, dest, p.expectedVersion);
  } catch (err) {
    if (tmp) removeWithJournals(tmp);
    throw backupWriteError(err, dest);
  }
}

/** A free path for a new backup of `dbFile` taken at `at`. */
export function nextBackupPath(dbFile: string, dir: string, reason: BackupReason, at: Date): string {
  let t = at.getTime();
  for (;;) {
    const candidate = join(dir, formatBackupName(backupStem(dbFile), new Date(t), reason));
    if (!existsSync(candidate) && !existsSync(tempNameFor(candidate))) return candidate;
    t += 1;
  }
}

/** This data file's backups in `dir`, newest first. Temporary and foreign files are not listed. */
export function listBackupFiles(dir: string, dbFile: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const stem = backupStem(dbFile);
  const out: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed || parsed.stem !== stem) continue;
    const file = join(dir, name);
    try {
      out.push({ file, name, takenAt: parsed.takenAt, reason: parsed.reason, sizeBytes: statSync(file).size });
    } catch {
      // removed meanwhile
    }
  }
  return out.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || (a.name < b.name ? 1 : -1));
}

// Calendar day and month numbers in local time, so "one per day" follows the user's clock.
const dayNumber = (d: Date) => Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
const monthNumber = (d: Date) => d.getFullYear() * 12 + d.getMonth();

/** The counts of the rotation (the size budget is applied on top, see planRotation). */
export type RotationCounts = Pick<BackupPolicy, 'keepLast' | 'keepDays' | 'keepMonths'>;

interface RotationItem {
  name: string;
  takenAt: Date;
  sizeBytes?: number;
}

/**
 * Names to keep: the newest `keepLast`, the newest of each of the last `keepDays` days and of each
 * of the last `keepMonths` months (today and this month count as the first). Backups dated in the
 * future (a clock set back) are kept: there is no way to judge them. With `budgetBytes`, kept
 * backups are then dropped until their total size fits (see fitBudget).
 */
export function planRotation(backups: ReadonlyArray<RotationItem>, policy: RotationCounts, now: Date, budgetBytes: number | null = null): Set<string> {
  const sorted = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set(sorted.slice(0, policy.keepLast).map((b) => b.name));
  const today = dayNumber(now);
  const thisMonth = monthNumber(now);
  const days = new Set<number>();
  const months = new Set<number>();
  for (const b of sorted) {
    if (b.takenAt.getTime() > now.getTime()) {
      keep.add(b.name);
      continue;
    }
    const d = dayNumber(b.takenAt);
    if (today - d < policy.keepDays && !days.has(d)) {
      days.add(d);
      keep.add(b.name);
    }
    const m = monthNumber(b.takenAt);
    if (thisMonth - m < policy.keepMonths && !months.has(m)) {
      months.add(m);
      keep.add(b.name);
    }
  }
  if (budgetBytes === null) return keep;
  return fitBudget(
    sorted.filter((b) => keep.has(b.name)),
    budgetBytes,
    now,
  );
}

const MINUTE = 60_000;

/**
 * Drops kept backups (given newest first) until their total size is within `budgetBytes`; the
 * newest is always kept, even alone over the budget. The least valuable goes first: the one whose
 * removal leaves the smallest gap between restore points, gaps measured on a log scale of age (an
 * hour matters today, a week a year ago). Dropping the oldest shortens the history: its gap to the
 * next one counts four times, so the span is kept while there are denser points to thin. The
 * restore points left spread out towards the past, roughly evenly on that scale, rather than
 * the history being cut off.
 */
export function fitBudget(keptNewestFirst: ReadonlyArray<RotationItem>, budgetBytes: number, now: Date): Set<string> {
  const kept = [...keptNewestFirst];
  const size = (b: RotationItem) => b.sizeBytes ?? 0;
  let total = kept.reduce((n, b) => n + size(b), 0);
  const logAge = (i: number) => Math.log(Math.max(MINUTE, now.getTime() - kept[i]!.takenAt.getTime()));
  while (total > budgetBytes && kept.length > 1) {
    let victim = 1;
    let least = Number.POSITIVE_INFINITY;
    for (let i = 1; i < kept.length; i++) {
      const gap = i === kept.length - 1 ? 4 * (logAge(i) - logAge(i - 1)) : logAge(i + 1) - logAge(i - 1);
      // Ties go to the older one.
      if (gap <= least) {
        least = gap;
        victim = i;
      }
    }
    total -= size(kept[victim]!);
    kept.splice(victim, 1);
  }
  return new Set(kept.map((b) => b.name));
}

/**
 * Deletes the backups the policy no longer keeps; returns their names. Backups taken before
 * `keepBefore` are left out of the rotation altogether (they hold a lost file's data).
 */
export function rotateBackups(
  dir: string,
  dbFile: string,
  policy: RotationCounts,
  now: Date,
  keepBefore: Date | null = null,
  budgetBytes: number | null = null,
): string[] {
  const backups = listBackupFiles(dir, dbFile).filter((b) => !keepBefore || b.takenAt.getTime() >= keepBefore.getTime());
  const keep = planRotation(backups, policy, now, budgetBytes);
  const removed: string[] = [];
  for (const b of backups) {
    if (keep.has(b.name)) continue;
    removeQuietly(b.file);
    removed.push(b.name);
  }
  return removed;
}

/** Temporary copies left by a backup that was interrupted (its process is gone). */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_SUFFIX.exec(name.replace(/-(journal|wal|shm)$/, ''));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    removeQuietly(join(dir, name));
    removed.push(name);
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether any backup was taken on `now`'s calendar day. */
export function hasBackupOn(backups: ReadonlyArray<{ takenAt: Date }>, now: Date): boolean {
  return backups.some((b) => dayNumber(b.takenAt) === dayNumber(now));
}

/**
 * Check of a backup file (integrity_check, or quick_check for a listing; version, owner, and a
 * schema exactly as migrations 1..its version make it); throws a Chinese AppError.
 */
export function verifyBackupFile(file: string, migrations: Migration[], mode: 'quick' | 'full' = 'full'): { userVersion: number } {
  const latestVersion = migrations.length;
  let check: FileCheck;
  try {
    check = checkDatabaseFile(file, mode);
  } catch (err) {
    const e = toAppError(err, file);
    if (e.code === 'DB_CORRUPT') throw new AppError('DB_CORRUPT', `备份文件已损坏或不是本程序的数据文件：${file}`);
    throw e;
  }
  if (check.problems.length > 0) throw corruptError(file, check.problems);
  if (check.hasTables && check.applicationId !== APPLICATION_ID) throw new AppError('DB_CORRUPT', `所选文件不是本程序的数据文件：${file}`);
  if (!check.hasTables || check.userVersion === 0) throw new AppError('VALIDATION', `所选文件是空的数据文件，没有可恢复的数据：${file}`);
  if (check.userVersion > latestVersion) {
    throw new AppError(
      'DB_NEWER',
      `所选备份由更新版本的程序创建（数据版本 ${check.userVersion}，本程序支持到 ${latestVersion}），不能用本程序恢复：${file}`,
    );
  }
  const diff = schemaDifferences(check.schema, expectedSchema(migrations, check.userVersion));
  if (diff.length > 0) {
    const shown = diff.slice(0, 6).join('；') + (diff.length > 6 ? `；等共 ${diff.length} 处` : '');
    throw new AppError(
      'DB_CORRUPT',
      `所选备份的数据库结构与数据版本 ${check.userVersion} 应有的结构不一致（${shown}），可能被其他程序修改过，不能用来恢复：${file}`,
    );
  }
  return { userVersion: check.userVersion };
}
