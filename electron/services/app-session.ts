import { existsSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import type { AppState, AppStatus, LockHolder, RecoveryBackup, RecoveryRestoreInput, RecoveryRestoreResult } from '../../shared/recovery/schemas.ts';
import { backupDirFor, verifyBackupFile } from '../db/backup.ts';
import { checkInWorker } from '../db/db-worker-client.ts';
import { acquireFileLock, type FileLock, type LockInfo, type LockTool, readFileLock, TOOL_LABEL } from '../db/file-lock.ts';
import { corruptError, openWithHealthCheck } from '../db/health.ts';
import { loadMigrations } from '../db/migrations.ts';
import type { Db } from '../db/open.ts';
import { toAppError } from '../db/sqlite-errors.ts';
import {
  backupBeforeMigrate,
  backupsOf,
  keepEarlierBackups,
  restoreForRecovery,
  startDailyBackups,
  stopBackups as stopBackupJob,
} from './backup-service.ts';
import type { ServiceContext } from './context.ts';
import { sweepStaleUploads } from './upload-store.ts';

// The start-up of the desktop app and of browser mode (one module, so the two cannot drift): takes
// the single-writer lock, opens the data file with its health check, and keeps what it found as
// the app's state. A damaged, newer, missing or locked file does not stop the process: the renderer
// shows the recovery screen (app.state, recovery.*), and every other method is refused until a
// backup is restored, a retry succeeds or (missing file only) the user asks for a new empty file.
// The lock stays held for the whole session, restores included.

export interface AppSessionOptions {
  dataFile: string;
  tool: LockTool;
  transport: ServiceContext['transport'];
  appVersion: string;
  /** Where failures of the daily backup go (the shell logs them). */
  onBackupError?: (e: unknown) => void;
}

export interface AppSession {
  /** The context the dispatcher serves; its `db` is the connection of the moment. */
  readonly ctx: ServiceContext;
  state(): AppState;
  /** Checks the data file again when it is not open (the other writer may have finished). */
  retry(): AppState;
  /** Settles when the page check that start-up left to the background has ended (at once if none runs). */
  backgroundCheckDone(): Promise<AppState>;
  /**
   * Stops a backup under way at its next step (one already verifying its copy finishes), waits
   * for it, then closes the file and frees the lock.
   */
  close(): Promise<void>;
}

// The session of each context, so the dispatcher and the recovery handlers find it from `ctx`.
const sessions = new WeakMap<ServiceContext, Session>();

function holderOf(info: LockInfo | null): LockHolder | null {
  if (!info) return null;
  return { tool: TOOL_LABEL[info.tool] ?? '程序', pid: info.pid, host: info.host, sameComputer: info.host === hostname(), startedAt: info.startedAt };
}

class Session implements AppSession {
  readonly ctx: ServiceContext;
  private db: Db | null = null;
  private lock: FileLock | null = null;
  private status: AppStatus = 'unavailable';
  private problem: AppError | null = null;
  private holder: LockInfo | null = null;
  private stopBackups: (() => Promise<void>) | null = null;
  private closing = false;
  // The page check start-up left to the db worker, while it runs.
  private pageCheck: { done: Promise<void>; stop(): void } | null = null;
  // Listing checks are cached by name, size and time, so the screen can be reloaded cheaply.
  private readonly checked = new Map<string, RecoveryBackup>();
  private readonly migrations = loadMigrations();
  private readonly latest = this.migrations.length;

  constructor(private readonly opts: AppSessionOptions) {
    const session = this;
    this.ctx = {
      get db(): Db {
        if (!session.db) throw session.refusal() ?? new AppError('INTERNAL', '内部错误：数据文件未打开。');
        return session.db;
      },
      set db(db: Db) {
        session.db = db;
      },
      dataFile: opts.dataFile,
      appVersion: opts.appVersion,
      transport: opts.transport,
    };
    sessions.set(this.ctx, this);
  }

  get dataFile(): string {
    return this.opts.dataFile;
  }

  /**
   * (Re)opens the data file; never throws for a data-file problem. `createIfMissing` is the user's
   * explicit choice on the recovery screen; otherwise a file with backups is never created anew.
   */
  open(createIfMissing = false): AppState {
    this.problem = null;
    this.holder = null;
    try {
      if (!this.lock && !this.takeLock()) return this.state();
      // A file that has backups once held data: found empty it is damage, found missing it is
      // lost, and neither is a new installation.
      const backups = this.listBackups().length;
      const expectData = backups > 0 && !createIfMissing;
      // The page check (quick_check, seconds on a file of millions of rows) runs after start-up on
      // the db worker, so the first screen does not wait for it.
      const found = openWithHealthCheck(this.dataFile, { beforeMigrate: backupBeforeMigrate(), expectData, deferPageCheck: true });
      if (found.status === 'missing') {
        this.enter('missing', missingFileError(this.dataFile, backups));
      } else if (found.status === 'ok' || found.status === 'read-only') {
        // Before the daily backup starts rotating: the old backups are the lost file's data.
        if (createIfMissing && backups > 0 && found.status === 'ok') keepEarlierBackups(found.db);
        // Started first: with a page check pending, the daily backups wait for it to pass.
        if (found.status === 'ok' && found.pagesUnchecked) this.checkPagesInBackground(found.db);
        this.enter(found.status === 'ok' ? 'ready' : 'read-only', found.status === 'read-only' ? found.error : null, found.db);
      } else if (found.status === 'needs-restore') {
        this.enter('damaged', found.error);
      } else if (found.error.code === 'DB_NEWER') {
        // The lock stays held: the user may still choose to put a backup in its place.
        this.enter('newer', found.error);
      } else {
        this.enter('unavailable', found.error);
      }
    } catch (err) {
      this.enter('unavailable', toAppError(err, this.dataFile));
    }
    return this.state();
  }

  // False when the state is settled without the lock (held elsewhere, or the folder is unusable).
  private takeLock(): boolean {
    try {
      this.lock = acquireFileLock(this.dataFile, this.opts.tool);
      return true;
    } catch (err) {
      const e = toAppError(err, this.dataFile);
      if (e.code === 'LOCKED') {
        this.holder = readFileLock(this.dataFile);
        this.enter('locked', e);
        return false;
      }
      // A folder nobody can write is opened for viewing only, without a lock.
      if (e.code === 'DB_READONLY') return true;
      this.enter('unavailable', e);
      return false;
    }
  }

  /**
   * quick_check on the db worker. Until it has passed, no daily backup starts (a copy of damaged
   * pages is no backup); if it finds damage, the connection is closed without another write and
   * the app goes to the recovery screen (the renderer polls app.state while `checking`).
   */
  private checkPagesInBackground(db: Db): void {
    const check = checkInWorker(this.dataFile, 'quick');
    const done = check.result.then(
      (problem) => {
        if (this.db !== db) return;
        if (problem) {
          void this.stopBackups?.();
          this.stopBackups = null;
          db.close();
          this.enter('damaged', problem);
        } else {
          this.startBackups();
        }
      },
      (err: unknown) => {
        if (this.db !== db) return;
        const e = toAppError(err, this.dataFile);
        // SQLite's own word for damage ends the same way; any other failure leaves the app running.
        if (e.code === 'DB_CORRUPT') {
          db.close();
          this.enter('damaged', corruptError(this.dataFile, [e.message]));
        } else {
          (this.opts.onBackupError ?? ((x) => console.error('数据文件检查未能完成：', x)))(e);
          this.startBackups();
        }
      },
    );
    this.pageCheck = { done, stop: check.stop };
    void done.finally(() => {
      if (this.pageCheck?.done === done) this.pageCheck = null;
    });
  }

  private startBackups(): void {
    if (this.status !== 'ready' || this.stopBackups || this.closing) return;
    const report = this.opts.onBackupError ?? ((e) => console.error('每日备份失败：', e));
    // A backup stopped because the app is closing, or cut off by a restore replacing the file, is no failure.
    this.stopBackups = startDailyBackups(this.ctx, (e) => this.db?.open && !this.closing && report(e));
  }

  private enter(status: AppStatus, problem: AppError | null, db: Db | null = null): void {
    this.status = status;
    this.problem = problem;
    this.db = db;
    if (status === 'unavailable' || status === 'locked') {
      this.lock?.release();
      this.lock = null;
    }
    // With a page check pending, the daily backups start once it has passed.
    if (status === 'ready' && !this.pageCheck) this.startBackups();
  }

  private listBackups() {
    try {
      return backupsOf(this.dataFile);
    } catch {
      return [];
    }
  }

  private checkedBackups(): RecoveryBackup[] {
    return this.listBackups().map((b) => {
      const file = join(backupDirFor(this.dataFile), b.name);
      let key = b.name;
      try {
        key = `${b.name}|${b.sizeBytes}|${statSync(file).mtimeMs}`;
      } catch {
        // removed meanwhile: checked (and found missing) below
      }
      const cached = this.checked.get(key);
      if (cached) return cached;
      let entry: RecoveryBackup;
      try {
        const { userVersion } = verifyBackupFile(file, this.migrations, 'quick');
        entry = { ...b, schemaVersion: userVersion, verified: true, problem: null };
      } catch (err) {
        entry = { ...b, schemaVersion: null, verified: false, problem: toAppError(err, file).message };
      }
      this.checked.set(key, entry);
      return entry;
    });
  }

  state(): AppState {
    const offersRestore = this.status === 'damaged' || this.status === 'newer' || this.status === 'missing';
    return {
      status: this.status,
      dataFile: this.dataFile,
      problem: this.problem ? { code: this.problem.code, message: this.problem.message } : null,
      lockHolder: holderOf(this.holder),
      backupDir: backupDirFor(this.dataFile),
      backups: offersRestore ? this.checkedBackups() : [],
      supportedVersion: this.latest,
      checking: this.pageCheck !== null,
    };
  }

  async backgroundCheckDone(): Promise<AppState> {
    await this.pageCheck?.done;
    return this.state();
  }

  /** Why a method other than the recovery ones cannot run now, or null when the data file is open. */
  refusal(): AppError | null {
    if (this.db) return null;
    const p = this.problem ?? new AppError('INTERNAL', '数据文件未打开。');
    return new AppError(p.code, `数据文件目前无法使用，此功能暂不可用。${p.message}`);
  }

  restore(input: RecoveryRestoreInput): RecoveryRestoreResult {
    if (this.status !== 'damaged' && this.status !== 'newer' && this.status !== 'missing') {
      throw new AppError('CONFLICT', '数据文件不需要在启动页恢复。如要恢复备份，请在“备份与设置”中操作。');
    }
    if (this.status === 'newer' && input.replaceNewer !== true) {
      throw new AppError('VALIDATION', '数据文件由更新版本的程序创建。只有明确选择“仍用备份替换”时，才会用备份替换它（它会原样另存）。');
    }
    if (!this.lock) this.lock = acquireFileLock(this.dataFile, this.opts.tool);
    try {
      const r = restoreForRecovery(this.dataFile, input.name);
      this.checked.clear();
      this.enter('ready', null, r.db);
      return { restoredFrom: r.restoredFrom, preRestoreFile: r.preRestoreFile, schemaVersion: r.schemaVersion, state: this.state() };
    } catch (err) {
      // Whatever happened, the state shown must be the file's state now (still under our lock).
      if (!this.db) this.open();
      throw err;
    }
  }

  retry(): AppState {
    if (this.db) return this.state();
    this.checked.clear();
    return this.open();
  }

  /** The user's explicit choice for a missing file: a new empty database; the backups stay as they are. */
  createNew(): AppState {
    if (this.status !== 'missing') {
      throw new AppError('CONFLICT', '只有找不到数据文件时，才能在启动页新建空白数据文件。');
    }
    this.checked.clear();
    // Put back meanwhile (e.g. copied in from where it was moved): it is checked and opened as it is.
    if (existsSync(this.dataFile)) return this.open();
    return this.open(true);
  }

  async close(): Promise<void> {
    const stopBackups = this.stopBackups;
    this.stopBackups = null;
    this.closing = true;
    this.pageCheck?.stop();
    this.pageCheck = null;
    // Asked first, so the daily backup awaited below ends at its next step.
    const stopping = stopBackupJob(this.dataFile);
    // Without a backup to wait for (a file that never opened), this closes at once.
    if (stopBackups) await stopBackups();
    await stopping;
    if (this.db?.open) this.db.close();
    this.db = null;
    this.lock?.release();
    this.lock = null;
  }
}

function missingFileError(dataFile: string, backups: number): AppError {
  const log = existsSync(`${dataFile}-wal`)
    ? `数据文件旁还留有它的预写日志 ${dataFile}-wal（可能含有最后的修改），恢复或新建时会原样另存为 .orphaned-时间.db-wal 文件，不会删除。`
    : '';
  return new AppError(
    'NOT_FOUND',
    `找不到数据文件 ${dataFile}，但备份文件夹 ${backupDirFor(dataFile)} 中有 ${backups} 个备份。程序没有新建数据文件：请从备份恢复，或明确选择新建空白数据文件。${log}`,
  );
}

/** Opens the data file at start-up as described above; never throws for a data-file problem. */
export function openAppSession(opts: AppSessionOptions): AppSession {
  // Bank statements a crashed session left in the temp folder are not kept longer than needed.
  sweepStaleUploads();
  const session = new Session(opts);
  session.open();
  return session;
}

/** For the dispatcher: the error every non-recovery method gets while the data file is not open. */
export function refusalFor(ctx: ServiceContext): AppError | null {
  return sessions.get(ctx)?.refusal() ?? null;
}

function sessionOf(ctx: ServiceContext): Session {
  const s = sessions.get(ctx);
  if (!s) throw new AppError('CONFLICT', '数据恢复只能在程序启动时的“数据恢复”页面中使用。');
  return s;
}

/** `app.state`: a context opened elsewhere (CLI, tests) is ready by construction. */
export function appState(ctx: ServiceContext): AppState {
  const s = sessions.get(ctx);
  if (s) return s.state();
  return {
    status: 'ready',
    dataFile: ctx.dataFile,
    problem: null,
    lockHolder: null,
    backupDir: backupDirFor(ctx.dataFile),
    backups: [],
    supportedVersion: loadMigrations().length,
    checking: false,
  };
}

/** `recovery.restore`: puts the chosen backup in place of the damaged, missing (or, if asked, newer) file. */
export function recoveryRestore(ctx: ServiceContext, input: RecoveryRestoreInput): RecoveryRestoreResult {
  return sessionOf(ctx).restore(input);
}

/** `recovery.retry`: checks the data file again (the other writer may have finished). */
export function recoveryRetry(ctx: ServiceContext): AppState {
  return sessionOf(ctx).retry();
}

/** `recovery.createNew`: a missing data file with backups is replaced by a new empty one, on request only. */
export function recoveryCreateNew(ctx: ServiceContext): AppState {
  return sessionOf(ctx).createNew();
}
