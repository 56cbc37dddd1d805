import { closeSync, openSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// Why a write failed, in the user's terms. SQLite reports a file it could not create as
// SQLITE_CANTOPEN and some failed writes as SQLITE_IOERR_*, whatever the cause: a disk with no
// free blocks or inodes looked like a read-only folder. For those codes the folder is asked
// directly: its free space, then one small probe file, give the real cause.

export type WriteFault = 'disk-full' | 'not-writable' | 'missing';

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const NOT_WRITABLE_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY']);

/** What an error code says by itself, or null when it does not say (or is not a write failure). */
export function faultOfCode(code: string): WriteFault | null {
  if (DISK_FULL_CODES.has(code)) return 'disk-full';
  if (NOT_WRITABLE_CODES.has(code) || code.startsWith('SQLITE_READONLY_')) return 'not-writable';
  if (code === 'ENOENT') return 'missing';
  return null;
}

/** Codes after which only the folder itself can say what went wrong. */
export function isAmbiguousWriteCode(code: string): boolean {
  return code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_');
}

// Less free space than this counts as full: SQLite needs at least a few pages for any write.
const NEARLY_FULL_BYTES = 64 * 1024;

/** Asks `dir` why writing there fails: no space or inodes, no permission, not there; null when it takes a write. */
export function probeFolder(dir: string): WriteFault | null {
  try {
    const s = statfsSync(dir);
    if (s.bavail * s.bsize < NEARLY_FULL_BYTES) return 'disk-full';
    if (s.files > 0 && s.ffree === 0) return 'disk-full';
  } catch (err) {
    const f = faultOfCode((err as NodeJS.ErrnoException).code ?? '');
    if (f) return f;
  }
  const probe = join(dir, `.selfeval-write-probe-${process.pid}`);
  let fd: number | null = null;
  try {
    fd = openSync(probe, 'wx', 0o600);
    writeSync(fd, Buffer.alloc(4096));
    return null;
  } catch (err) {
    return faultOfCode((err as NodeJS.ErrnoException).code ?? '');
  } finally {
    if (fd !== null) {
      closeSync(fd);
      try {
        unlinkSync(probe);
      } catch {
        // nothing to clean up
      }
    }
  }
}

/** The fault behind `err` when writing into `dir`: from its code, or for SQLite's vague codes from the folder. */
export function writeFaultOf(err: unknown, dir: string): WriteFault | null {
  const code = (err as { code?: string } | null)?.code ?? '';
  const direct = faultOfCode(code);
  if (direct && !(code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'))) return direct;
  if (isAmbiguousWriteCode(code)) return probeFolder(dir) ?? direct;
  return direct;
}
