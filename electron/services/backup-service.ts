import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import {
  type BackupEntry,
  type BackupList,
  BackupPolicy,
  type BackupReason,
  type BackupRestoreResult,
  type BackupSettingsInput,
  type BackupStatus,
  DEFAULT_BACKUP_POLICY,
  parseBackupName,
} from '../../shared/backup/schemas.ts';
import {
  type BackupFile,
  backupDirFor,
  backupStem,
  hasBackupOn,
  listBackupFiles,
  nextBackupPath,
  removeStaleTemps,
  rotateBackups,
  writeBackup,
  writeBackupSync,
} from '../db/backup.ts';
import { type BackupInWorker, backupInWorker } from '../db/db-worker-client.ts';
import { acquireFileLock } from '../db/file-lock.ts';
import { openRawDatabase } from '../db/health.ts';
import { holdLockAcross } from './open-data-file.ts';
import { type Db, type OpenOptions, openDatabase } from '../db/open.ts';
import { getSetting, setSetting } from '../db/repositories/settings-repo.ts';
import { restoreDatabase } from '../db/restore.ts';
import { toAppError } from '../db/sqlite-errors.ts';
import type { ServiceContext } from './context.ts';
import { inTransaction } from './transaction.ts';

// Backups as the user and the other services see them: taken on demand, once a day, before a
// migration, an import commit and a finalize; listed; restored by name. Every backup is written
// and checked by db/backup.ts, then the rotation policy (kept in app_setting) prunes old ones.

const POLICY_KEY = 'backup.policy';

// One backup or restore at a time per data file: a restore must not close the connection an
// online backup is still reading.
const busy = new Set<string>();

function claim(dataFile: string, what: string): () => void {
  if (busy.has(dataFile)) throw new AppError('CONFLICT', `正在进行备份或恢复，请稍后再${what}。`);
  busy.add(dataFile);
  return () => busy.delete(dataFile);
}

export function backupPolicy(db: Db): BackupPolicy {
  try {
    const parsed = BackupPolicy.safeParse(getSetting(db, POLICY_KEY));
    return parsed.success ? parsed.data : DEFAULT_BACKUP_POLICY;
  } catch {
    // A database too old or too damaged to read settings still gets the default rotation.
    return DEFAULT_BACKUP_POLICY;
  }
}

/** `backup.settings`: an empty input reads; given fields are saved. Returns the policy in force. */
export function backupSettings(ctx: ServiceContext, input: BackupSettingsInput): BackupPolicy {
  const current = backupPolicy(ctx.db);
  if (Object.keys(input).length === 0) return current;
  const next = BackupPolicy.parse({ ...current, ...input });
  inTransaction(ctx.db, () => setSetting(ctx.db, POLICY_KEY, next));
  return next;
}

function toEntry(b: BackupFile): BackupEntry {
  return { name: b.name, takenAt: b.takenAt.toISOString(), reason: b.reason, sizeBytes: b.sizeBytes };
}

/** This data file's backups, newest first (also usable with no open database, for the restore offer). */
export function backupsOf(dataFile: string): BackupEntry[] {
  return listBackupFiles(backupDirFor(dataFile), dataFile).map(toEntry);
}

/** The size budget in bytes: budgetFactor × the data file's size (null when the file is not there). */
function budgetOf(dataFile: string, policy: BackupPolicy): number | null {
  try {
    return policy.budgetFactor * statSync(dataFile).size;
  } catch {
    return null;
  }
}

/** `backup.list`. */
export function listBackups(ctx: ServiceContext): BackupList {
  const backups = backupsOf(ctx.dataFile);
  const policy = backupPolicy(ctx.db);
  return {
    dir: backupDirFor(ctx.dataFile),
    backups,
    policy,
    lastBackupAt: backups[0]?.takenAt ?? null,
    usedBytes: backups.reduce((n, b) => n + b.sizeBytes, 0),
    budgetBytes: budgetOf(ctx.dataFile, policy) ?? 0,
  };
}

// Set in a new empty file created, on the user's explicit request, where a data file with backups
// had gone missing: the backups taken before belong to the lost data (perhaps its only copy), so
// the rotation of the new file's backups never removes them.
const KEEP_BEFORE_KEY = 'backup.keepBefore';

/** Marks `db` as created in place of a lost file: backups taken before `at` are kept out of rotation. */
export function keepEarlierBackups(db: Db, at: Date = new Date()): void {
  inTransaction(db, () => setSetting(db, KEEP_BEFORE_KEY, at.toISOString()));
}

function keptBefore(db: Db): Date | null {
  try {
    const v = getSetting(db, KEEP_BEFORE_KEY);
    return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : null;
  } catch {
    return null;
  }
}

function afterWrite(db: Db, dataFile: string, now: Date): void {
  const dir = backupDirFor(dataFile);
  const policy = backupPolicy(db);
  rotateBackups(dir, dataFile, policy, now, keptBefore(db), budgetOf(dataFile, policy));
  removeStaleTemps(dir);
}

function entryFor(file: string, sizeBytes: number): BackupEntry {
  const name = basename(file);
  const parsed = parseBackupName(name)!;
  return { name, takenAt: parsed.takenAt.toISOString(), reason: parsed.reason, sizeBytes };
}

// The backup job of each data file: written and verified on the db worker (its own connection),
// so the app keeps answering; its progress is what `backup.status` reports.
interface Job {
  reason: BackupReason;
  phase: 'copy' | 'verify';
  percent: number;
  startedAt: Date;
  worker: BackupInWorker;
  /** Settles when the job has ended, however (rotation done, busy released). */
  ended: Promise<void>;
}

const jobs = new Map<string, Job>();
const lastOutcome = new Map<string, NonNullable<BackupStatus['last']>>();

/** Pages per step for jobs started from now on (tests slow a backup down to watch it run). */
let pagesPerStep: number | undefined;
export function setBackupPagesPerStep(n: number | undefined): void {
  pagesPerStep = n;
}

export interface StartedBackup {
  /** The copy is whole: from here on, writes to the data file do not enter it. */
  copied: Promise<void>;
  /** The backup verified and under its final name, rotation done. */
  done: Promise<BackupEntry>;
}

/**
 * Starts a backup job on the db worker. Refused (CONFLICT) while another backup or a restore of
 * the same file runs. Its outcome is kept for `backup.status` whether or not anyone awaits it.
 */
export function startBackup(ctx: ServiceContext, reason: BackupReason, now = new Date()): StartedBackup {
  const release = claim(ctx.dataFile, reason === 'import' ? '导入' : reason === 'finalize' ? '定稿' : '备份');
  const dataFile = ctx.dataFile;
  let worker: BackupInWorker;
  let dest: string;
  try {
    dest = nextBackupPath(dataFile, backupDirFor(dataFile), reason, now);
    worker = backupInWorker(
      dataFile,
      dest,
      (p) => {
        job.phase = p.phase;
        job.percent = p.percent;
      },
      pagesPerStep ? { pagesPerStep } : {},
    );
  } catch (err) {
    release();
    throw err;
  }
  const done = worker.done.then((written) => {
    // The rotation reads the policy through the app's connection; a session closed meanwhile keeps all.
    try {
      afterWrite(ctx.db, dataFile, now);
    } catch {
      // Rotation is housekeeping: the backup itself is whole.
    }
    return entryFor(written.file, written.sizeBytes);
  });
  const job: Job = {
    reason,
    phase: 'copy',
    percent: 0,
    startedAt: new Date(),
    worker,
    ended: done.then(
      (entry) => {
        lastOutcome.set(dataFile, { reason, endedAt: new Date().toISOString(), ok: true, name: entry.name, message: null });
      },
      (err: unknown) => {
        const e = toAppError(err);
        lastOutcome.set(dataFile, { reason, endedAt: new Date().toISOString(), ok: false, name: null, message: e.message });
      },
    ),
  };
  jobs.set(dataFile, job);
  const released = job.ended.finally(() => {
    if (jobs.get(dataFile) === job) jobs.delete(dataFile);
    release();
  });
  // Callers learn the outcome only once the file is free again, so a backup started right after
  // one ends is never refused as overlapping.
  return { copied: worker.copied, done: released.then(() => done) };
}

/** `backup.status`. */
export function backupStatus(ctx: ServiceContext): BackupStatus {
  const job = jobs.get(ctx.dataFile);
  return {
    running: job ? { reason: job.reason, phase: job.phase, percent: job.percent, startedAt: job.startedAt.toISOString() } : null,
    last: lastOutcome.get(ctx.dataFile) ?? null,
  };
}

/** Waits for the running backup job of `dataFile`, if any (its outcome is its own). */
export async function backupJobEnded(dataFile: string): Promise<void> {
  await jobs.get(dataFile)?.ended;
}

/** Stops the running backup job of `dataFile` at its next step (the app is closing); nothing is left behind. */
export async function stopBackups(dataFile: string): Promise<void> {
  const job = jobs.get(dataFile);
  if (!job) return;
  job.worker.stop();
  await job.ended;
}

/** `backup.now`: an online backup on the db worker (the app keeps answering meanwhile), checked, then rotation. */
export async function backupNow(ctx: ServiceContext, reason: BackupReason = 'manual', now = new Date()): Promise<BackupEntry> {
  return startBackup(ctx, reason, now).done;
}

/**
 * The backup taken before an import commit or a finalize: waits for a backup already running,
 * then returns as soon as the snapshot is taken — the write may proceed, the snapshot's
 * verification goes on in the background (reported by backup.status). If the snapshot cannot be
 * taken the caller's write does not happen.
 */
export async function backupBefore(ctx: ServiceContext, reason: Exclude<BackupReason, 'manual' | 'daily'>, now = new Date()): Promise<StartedBackup> {
  await backupJobEnded(ctx.dataFile);
  try {
    const started = startBackup(ctx, reason, now);
    await started.copied;
    return started;
  } catch (err) {
    if (err instanceof AppError && err.code !== 'CONFLICT' && err.code !== 'INTERNAL') {
      throw new AppError(err.code, `${err.message}为保证能够撤回，本次${reason === 'import' ? '导入' : '定稿'}没有进行。`);
    }
    throw err;
  }
}

/** The daily backup: taken when this data file has no backup dated today (local time). */
export async function dailyBackupIfDue(ctx: ServiceContext, now = new Date()): Promise<BackupEntry | null> {
  const dir = backupDirFor(ctx.dataFile);
  if (hasBackupOn(listBackupFiles(dir, ctx.dataFile), now)) return null;
  return backupNow(ctx, 'daily', now);
}

/**
 * Checks hourly whether the daily backup is due (an office PC may stay on for days). Failures are
 * passed to `onError` (the shell logs or shows them); the timer does not keep the process alive.
 * The returned stop ends the checks and resolves once a backup already under way has finished,
 * so the caller can close the connection without cutting it off.
 */
export function startDailyBackups(ctx: ServiceContext, onError: (e: unknown) => void, everyMs = 3_600_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = dailyBackupIfDue(ctx).catch(onError);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * For openDatabase's `beforeMigrate`: a checked backup of the database at its old version, in the
 * backup folder beside it. If it cannot be written the error stops the migration, so the file stays
 * at its old version untouched.
 */
export function backupBeforeMigrate(now: () => Date = () => new Date()): NonNullable<OpenOptions['beforeMigrate']> {
  return (db, fromVersion, toVersion) => {
    const at = now();
    const dest = nextBackupPath(db.name, backupDirFor(db.name), 'migration', at);
    try {
      writeBackupSync(db, dest);
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError('INTERNAL', `内部错误：${(err as Error).message}`);
      throw new AppError(e.code, `数据升级（版本 ${fromVersion} → ${toVersion}）前的备份没有成功，数据文件未升级、未修改。${e.message}`);
    }
    afterWrite(db, db.name, at);
  };
}

/** How the service reopens a data file after a restore: the shell's native driver, the migration backup. */
export function defaultReopen(file: string): Db {
  const nativeBinding = process.env.SELFEVAL_SQLITE_BINDING;
  return openDatabase(file, { beforeMigrate: backupBeforeMigrate(), ...(nativeBinding ? { nativeBinding } : {}) });
}

function candidatePath(dataFile: string, name: string): string {
  const parsed = parseBackupName(name);
  if (!parsed || /[/\\]/.test(name) || parsed.stem !== backupStem(dataFile)) {
    throw new AppError('VALIDATION', `“${name}”不是该数据文件的备份。`);
  }
  const file = join(backupDirFor(dataFile), name);
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `找不到备份“${name}”，它可能已被删除。`);
  return file;
}

/**
 * `backup.restore`: replaces the open data file with the named backup and swaps the context's
 * connection for the restored one. The replaced file is kept (preRestoreFile). On failure the
 * context keeps a connection to the unchanged data file.
 */
export function restoreFrom(ctx: ServiceContext, input: { name: string }, reopen: (file: string) => Db = defaultReopen): BackupRestoreResult {
  return restoreFromFile(ctx, candidatePath(ctx.dataFile, input.name), reopen);
}

/** As restoreFrom, for a backup file the user picked elsewhere (e.g. from a USB stick). */
export function restoreFromFile(ctx: ServiceContext, candidate: string, reopen: (file: string) => Db = defaultReopen): BackupRestoreResult {
  const done = claim(ctx.dataFile, '恢复');
  // A connection that owns the writer lock (openDataFile) must not release it while the file is
  // closed and replaced; the reopened connection takes it over.
  reopen = holdLockAcross(ctx.db, reopen) ?? reopen;
  try {
    const r = restoreDatabase({ file: ctx.dataFile, candidate, live: ctx.db, reopen });
    ctx.db = r.db;
    return { restoredFrom: r.restoredFrom, preRestoreFile: r.preRestoreFile, schemaVersion: r.schemaVersion };
  } finally {
    if (!ctx.db.open) ctx.db = reopen(ctx.dataFile);
    done();
  }
}

/**
 * Restore for a data file that could not be opened (damaged, or from a newer version): the file is
 * moved aside as it is, never opened for writing. The caller holds the writer lock. Returns the new
 * connection.
 */
export function restoreForRecovery(
  dataFile: string,
  name: string,
  reopen: (file: string) => Db = defaultReopen,
): BackupRestoreResult & { db: Db } {
  const done = claim(dataFile, '恢复');
  try {
    const r = restoreDatabase({ file: dataFile, candidate: candidatePath(dataFile, name), live: null, reopen, keepReplacedAsIs: true });
    return { db: r.db, restoredFrom: r.restoredFrom, preRestoreFile: r.preRestoreFile, schemaVersion: r.schemaVersion };
  } finally {
    done();
  }
}

/**
 * `selfeval backup`: SQLite's online backup through a read-only connection of its own, so it may
 * run while the app has the file open, and works on a file of any schema version.
 */
export async function backupToFile(dataFile: string, out: string): Promise<{ file: string; sizeBytes: number; schemaVersion: number }> {
  if (!existsSync(dataFile)) throw new AppError('NOT_FOUND', `找不到数据文件：${dataFile}`);
  let db: Db;
  try {
    db = openRawDatabase(dataFile, { readonly: true });
  } catch (err) {
    throw toAppError(err, dataFile);
  }
  try {
    const w = await writeBackup(db, resolve(out));
    return { file: w.file, sizeBytes: w.sizeBytes, schemaVersion: w.userVersion };
  } finally {
    db.close();
  }
}

/**
 * `selfeval restore`: replaces the data file (which may be damaged, so it is never opened as a
 * service connection) under the single-writer lock; refused while the app or another command holds it.
 */
export function restoreClosedFile(dataFile: string, from: string): { restoredFrom: string; preRestoreFile: string | null; schemaVersion: number } {
  const lock = acquireFileLock(dataFile, 'cli');
  try {
    const r = restoreDatabase({ file: dataFile, candidate: resolve(from), live: null, reopen: defaultReopen });
    r.db.close();
    return { restoredFrom: r.restoredFrom, preRestoreFile: r.preRestoreFile, schemaVersion: r.schemaVersion };
  } finally {
    lock.release();
  }
}
