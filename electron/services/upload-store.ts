import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import { safeUploadName } from '../../shared/import/upload-name.ts';
import { OWNER_DIR_MODE, OWNER_FILE_MODE } from '../db/owner-only.ts';
import { faultOfCode } from '../db/write-fault.ts';

// Files the user picked in the window arrive as bytes (the renderer never hands the main process a
// path to open) and are kept here for the import wizard's preview and commit, under an opaque id.
// A file is deleted once its import commits or is cancelled (a failed commit keeps it, so the user
// can correct the mapping and try again); folders left by earlier processes are swept at start.
export const MAX_UPLOAD_BYTES = 24 * 1024 * 1024;
const PREFIX = 'selfeval-uploads-';

const uploads = new Map<string, { path: string; dir: string; name: string; size: number }>();
let root: string | null = null;

function uploadRoot(): string {
  if (!root) {
    mkdirSync(tmpdir(), { recursive: true });
    root = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  }
  return root;
}

function storeError(err: unknown, fileName: string): AppError {
  const fault = faultOfCode((err as NodeJS.ErrnoException).code ?? '');
  if (fault === 'disk-full') return new AppError('DISK_FULL', `磁盘空间不足，无法暂存所选文件“${fileName}”，未导入任何数据。请清理磁盘后重试。`);
  if (fault === 'not-writable') return new AppError('DB_READONLY', `无法写入临时文件夹（只读或无权限），无法暂存所选文件“${fileName}”，未导入任何数据。`);
  return new AppError('IMPORT', `无法暂存所选文件“${fileName}”，未导入任何数据。`);
}

export function storeUpload(fileName: string, base64: string): { fileId: string; name: string; size: number } {
  const safe = safeUploadName(fileName);
  if (!safe.ok) throw new AppError('VALIDATION', safe.message);
  const { name } = safe;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('IMPORT', `文件“${name}”是空的。`);
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new AppError('IMPORT', `文件“${name}”过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 的上限。`);
  }
  const fileId = randomBytes(16).toString('hex');
  let dir: string | null = null;
  try {
    dir = join(uploadRoot(), fileId);
    mkdirSync(dir, { mode: OWNER_DIR_MODE });
    const path = join(dir, name);
    writeFileSync(path, bytes, { mode: OWNER_FILE_MODE, flag: 'wx' });
    uploads.set(fileId, { path, dir, name, size: bytes.length });
  } catch (err) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    throw storeError(err, name);
  }
  return { fileId, name, size: bytes.length };
}

export function uploadPath(fileId: string): string {
  const u = uploads.get(fileId);
  if (!u) throw new AppError('NOT_FOUND', '上传的文件已失效（程序重启后需要重新选择文件）。');
  return u.path;
}

export function discardUpload(fileId: string): void {
  const u = uploads.get(fileId);
  if (!u) return;
  uploads.delete(fileId);
  rmSync(u.dir, { recursive: true, force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes upload folders whose process has ended (a crash, a kill) — never another live process's. */
export function sweepStaleUploads(dir: string = tmpdir()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(PREFIX.length))?.[1]);
    if (pid === process.pid || (Number.isInteger(pid) && pid > 0 && processAlive(pid))) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
