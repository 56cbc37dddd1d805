import { userInfo } from 'node:os';
import { setAuditActor } from '../db/repositories/audit-repo.ts';
import { resolve } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import { findYear, getDepartment } from '../db/repositories/organization-repo.ts';
import type { Db } from '../db/open.ts';
import { openDataFile } from '../db/open-data-file.ts';
import type { ServiceContext } from '../services/context.ts';
import { APP_VERSION } from '../app-version.ts';

export function openCliContext(dbPath: string): ServiceContext {
  const dataFile = resolve(dbPath);
  setAuditActor(userInfo().username);
  return { db: openDataFile(dataFile, 'cli'), dataFile, appVersion: APP_VERSION, transport: 'direct' };
}

export function requireYearId(db: Db, year: number): number {
  const dept = getDepartment(db);
  const y = dept ? findYear(db, dept.id, year) : null;
  if (!y) throw new AppError('NOT_FOUND', `数据文件中没有 ${year} 年度。`);
  return y.id;
}
