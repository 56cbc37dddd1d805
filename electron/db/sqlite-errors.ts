import { dirname } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import { isAmbiguousWriteCode, writeFaultOf } from './write-fault.ts';

// Maps SQLite failures to messages a finance officer can act on. Anything unknown stays INTERNAL
// so it is logged rather than disguised.
export function toAppError(err: unknown, file?: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string } | null)?.code ?? '';
  const where = file ? `（数据文件：${file}）` : '';
  // SQLite's vague codes (cannot open, I/O error) are judged by asking the data file's folder.
  const fault = file && isAmbiguousWriteCode(code) ? writeFaultOf(err, dirname(file)) : null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || fault === 'disk-full') {
    return new AppError('DISK_FULL', `磁盘空间不足，本次修改未保存，已有数据未受影响${where}。请清理磁盘后重试。`);
  }
  if (
    code === 'SQLITE_READONLY' ||
    code.startsWith('SQLITE_READONLY_') ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    fault === 'not-writable'
  ) {
    return new AppError(
      'DB_READONLY',
      `数据文件无法写入（只读或无权限）${where}。本次修改未保存，请检查文件夹权限。`,
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY_')) {
    return new AppError('DB_BUSY', `数据文件正被另一个程序使用${where}，请关闭其他窗口或命令行后重试。`);
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_')) {
    return new AppError('DB_CORRUPT', `数据文件已损坏或不是本程序的数据文件${where}，请从备份恢复。`);
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new AppError('CONFLICT', '该记录仍被其他数据引用，不能删除或修改。');
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('CONFLICT', '已存在相同的记录（名称或编号重复）。');
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('VALIDATION', `数据不符合规则，未保存：${(err as Error).message}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('INTERNAL', `内部错误：${message}`);
}
