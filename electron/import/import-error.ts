// Every import failure leaves as AppError('IMPORT', …) with a Chinese message naming the file (and
// sheet/row/column when known). Anything else thrown inside a reader is wrapped here, so the
// parser is total: no raw library exception reaches the user.

import { AppError, type AppErrorDetail } from '../../shared/api/app-error.ts';
import { toAppError } from '../db/sqlite-errors.ts';

export function importError(message: string, details: AppErrorDetail[] = []): AppError {
  return new AppError('IMPORT', message, details);
}

export function toImportError(err: unknown, fileName: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string } | null)?.code ?? '';
  // Writing the rows into the data file failed (disk full, read-only…): not the file's fault.
  if (code.startsWith('SQLITE_') || code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS') {
    const e = toAppError(err);
    return new AppError(e.code, `导入“${fileName}”未完成，未写入任何数据：${e.message}`);
  }
  if (code === 'ENOENT') return importError(`找不到文件：${fileName}`);
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return importError(`无法读取文件“${fileName}”：文件可能正被 Excel 或其他程序打开，请先关闭后重试。`);
  }
  if (code === 'EISDIR') return importError(`“${fileName}”是文件夹，不是电子表格文件。`);
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || (err instanceof RangeError && /memory|allocation/i.test(err.message))) {
    return importError(`文件“${fileName}”解析时占用内存超过上限，已停止。文件可能已损坏或数据量过大，未写入任何数据。`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return importError(`文件“${fileName}”无法解析（文件可能已损坏或格式不受支持），未写入任何数据。技术信息：${message.slice(0, 200)}`);
}
