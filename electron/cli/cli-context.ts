import { userInfo } from 'node:os';
import { setAuditActor } from '../db/repositories/audit-repo.ts';
import { resolve } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import { findYear, getDepartment } from '../db/repositories/organization-repo.ts';
import type { Db } from '../db/open.ts';
import { openDataFile } from '../db/open-data-file.ts';
import type { ServiceContext } from '../services/context.ts';
import { APP_VERSION } from '../app-version.ts';
import type { ParsedArgs } from './command.ts';

/** The flag with which a command that can fill an empty file creates one where a data file with backups is missing. */
export const NEW_FILE_FLAG = '--new-file';

/**
 * Opens `--db` for a command. A missing data file that has backups is refused (a restore is named
 * instead); commands that can start from an empty file pass their args, so `--new-file` creates one.
 */
export function openCliContext(dbPath: string, creates?: ParsedArgs): ServiceContext {
  const dataFile = resolve(dbPath);
  setAuditActor(userInfo().username);
  const db = openDataFile(dataFile, 'cli', {
    createIfMissing: creates?.flags[NEW_FILE_FLAG.slice(2)] === true,
    ...(creates ? { createHint: NEW_FILE_FLAG } : {}),
  });
  return { db, dataFile, appVersion: APP_VERSION, transport: 'direct' };
}

export function requireYearId(db: Db, year: number): number {
  const dept = getDepartment(db);
  const y = dept ? findYear(db, dept.id, year) : null;
  if (!y) throw new AppError('NOT_FOUND', `数据文件中没有 ${year} 年度。`);
  return y.id;
}
