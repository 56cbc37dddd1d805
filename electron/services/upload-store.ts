import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import { OWNER_DIR_MODE, OWNER_FILE_MODE } from '../db/owner-only.ts';

// Files the user picked in the window arrive as bytes (the renderer never hands the main process a
// path to open) and are kept here for the import wizard's preview and commit, under an opaque id.
export const MAX_UPLOAD_BYTES = 24 * 1024 * 1024;

const uploads = new Map<string, { path: string; dir: string; name: string; size: number }>();
let root: string | null = null;

function uploadRoot(): string {
  if (!root) {
    mkdirSync(tmpdir(), { recursive: true });
    root = mkdtempSync(join(tmpdir(), 'selfeval-uploads-'));
  }
  return root;
}

export function storeUpload(fileName: string, base64: string): { fileId: string; name: string; size: number } {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('IMPORT', `文件“${fileName}”是空的。`);
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new AppError('IMPORT', `文件“${fileName}”过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 的上限。`);
  }
  const fileId = randomBytes(16).toString('hex');
  const dir = join(uploadRoot(), fileId);
  mkdirSync(dir, { mode: OWNER_DIR_MODE });
  // Only the base name, cleaned of characters no file system accepts: the name is shown, never trusted.
  const name =
    [...basename(fileName)]
      .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
      .join('')
      .slice(0, 120) || 'upload';
  const path = join(dir, name);
  writeFileSync(path, bytes, { mode: OWNER_FILE_MODE });
  uploads.set(fileId, { path, dir, name, size: bytes.length });
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
