import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import { OWNER_FILE_MODE } from './owner-only.ts';
import { writeFaultOf } from './write-fault.ts';

// One writer per data file across processes: the desktop app, browser mode and the CLI each take
// `<db>.lock` (created with O_EXCL) before opening the file for writing. SQLite's own locks only
// make a second writer wait and then fail with SQLITE_BUSY; this lock fails at once and says who
// holds the file.

export type LockTool = 'app' | 'browser' | 'cli';

export interface LockInfo {
  pid: number;
  host: string;
  tool: LockTool;
  startedAt: string;
  /** Random per acquisition, so a process only ever removes its own lock file. */
  nonce: string;
}

export interface FileLock {
  readonly lockFile: string;
  readonly info: LockInfo;
  /** Idempotent; removes the lock file only while it is still ours. */
  release(): void;
}

// A lock file with unreadable content is normally one being written this instant; only after
// this long is it taken to be the remains of a crash between create and write.
const UNREADABLE_GRACE_MS = 10_000;

const heldHere = new Set<string>();

export const TOOL_LABEL: Record<LockTool, string> = { app: '桌面程序', browser: '浏览器模式', cli: '命令行' };

export function lockPathFor(dbFile: string): string {
  return `${dbFile}.lock`;
}

type Holder = { state: 'absent' } | { state: 'unreadable'; ageMs: number } | { state: 'held'; info: LockInfo; raw: string };

function readHolder(lockFile: string): Holder {
  let raw: string;
  let ageMs: number;
  try {
    raw = readFileSync(lockFile, 'utf8');
    ageMs = Date.now() - statSync(lockFile).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' };
    throw err;
  }
  try {
    const info = JSON.parse(raw) as LockInfo;
    if (Number.isInteger(info.pid) && typeof info.host === 'string') return { state: 'held', info, raw };
  } catch {
    // fall through: half-written or foreign content
  }
  return { state: 'unreadable', ageMs };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the holder can no longer be running: same machine and its process is gone. */
function isStale(holder: Holder, lockFile: string): boolean {
  if (holder.state === 'absent') return false;
  if (holder.state === 'unreadable') return holder.ageMs > UNREADABLE_GRACE_MS;
  const { info } = holder;
  if (info.host !== hostname()) return false;
  // Our own pid in a lock we did not take here: an earlier process that had the same pid.
  if (info.pid === process.pid) return !heldHere.has(lockFile);
  return !processAlive(info.pid);
}

function lockedError(dbFile: string, lockFile: string, holder: Holder): AppError {
  if (holder.state !== 'held') {
    return new AppError('LOCKED', `数据文件正被另一个窗口或命令行使用：${dbFile}。请关闭其他窗口或等命令行结束后重试。`);
  }
  const { info } = holder;
  const who = `${TOOL_LABEL[info.tool] ?? '程序'}，进程 ${info.pid}${info.host === hostname() ? '' : `，计算机 ${info.host}`}，自 ${info.startedAt} 起`;
  const hint =
    info.host === hostname()
      ? '请关闭另一个窗口或等命令行结束后重试。'
      : `如确认那台计算机上的程序已经关闭，可删除锁文件 ${lockFile} 后重试。`;
  return new AppError('LOCKED', `数据文件正被另一个窗口或命令行使用（${who}）：${dbFile}。${hint}`);
}

function lockIoError(err: unknown, lockFile: string): AppError {
  const fault = writeFaultOf(err, dirname(lockFile));
  if (fault === 'disk-full') return new AppError('DISK_FULL', `磁盘空间不足，无法创建锁文件 ${lockFile}，数据文件未打开。请清理磁盘后重试。`);
  if (fault === 'missing') return new AppError('NOT_FOUND', `数据文件所在的文件夹不存在：${dirname(lockFile)}`);
  if (fault === 'not-writable') {
    return new AppError('DB_READONLY', `数据文件所在文件夹无法写入（只读或无权限），无法创建锁文件 ${lockFile}。请检查文件夹权限。`);
  }
  return new AppError('INTERNAL', `内部错误：无法创建锁文件 ${lockFile}：${(err as Error).message}`);
}

// Moves a stale lock aside instead of deleting it, so two processes clearing the same stale lock
// cannot delete a fresh lock the other one just created: only one rename of a name succeeds, and a
// lock that turns out not to be the stale one is put back.
function clearStale(lockFile: string, holder: Holder): void {
  const aside = `${lockFile}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockFile, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = readHolder(aside);
  const sameOne = holder.state === 'held' ? moved.state === 'held' && moved.raw === holder.raw : moved.state !== 'held';
  if (!sameOne) {
    try {
      linkSync(aside, lockFile);
    } catch {
      // Someone took the lock meanwhile; theirs stands.
    }
  }
  unlinkSync(aside);
}

// A lock file that was created but could not be written (disk full) is removed at once: left
// empty, it would block the data file until its grace period ran out.
function writeLock(lockFile: string, info: LockInfo): void {
  const fd = openSync(lockFile, 'wx', OWNER_FILE_MODE);
  try {
    writeSync(fd, JSON.stringify(info));
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    try {
      unlinkSync(lockFile);
    } catch {
      // nothing more can be done; the grace period covers it
    }
    throw err;
  }
  closeSync(fd);
}

/**
 * Takes the single-writer lock of `dbFile` or throws AppError('LOCKED') naming the holder. A lock
 * left by a process that no longer runs on this machine is taken over.
 */
export function acquireFileLock(dbFile: string, tool: LockTool): FileLock {
  const lockFile = lockPathFor(dbFile);
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    tool,
    startedAt: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeLock(lockFile, info);
      heldHere.add(lockFile);
      return makeHandle(lockFile, info);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw lockIoError(err, lockFile);
    }
    const holder = readHolder(lockFile);
    if (holder.state === 'absent') continue;
    if (!isStale(holder, lockFile)) throw lockedError(dbFile, lockFile, holder);
    clearStale(lockFile, holder);
  }
  throw lockedError(dbFile, lockFile, readHolder(lockFile));
}

function makeHandle(lockFile: string, info: LockInfo): FileLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(lockFile);
    process.removeListener('exit', release);
    const holder = readHolder(lockFile);
    if (holder.state === 'held' && holder.info.nonce === info.nonce) {
      try {
        unlinkSync(lockFile);
      } catch {
        // Already gone: nothing to release.
      }
    }
  };
  process.once('exit', release);
  return { lockFile, info, release };
}

/** Who holds the lock of `dbFile`, if anyone (for messages and the CLI). */
export function readFileLock(dbFile: string): LockInfo | null {
  const holder = readHolder(lockPathFor(dbFile));
  return holder.state === 'held' ? holder.info : null;
}
