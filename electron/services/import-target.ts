import { AppError } from '../../shared/api/app-error.ts';
import type { Db } from '../db/open.ts';
import { findYear, getDepartment, insertDepartment, insertUnit, insertYear, listUnits } from '../db/repositories/organization-repo.ts';
import { requireWritableYear } from './year-guard.ts';

// The command line imports into a year (and unit) named by number and name. Whatever is missing —
// in an empty data file the department with one primary unit, else the year — is created on the
// import's own connection inside its transaction, so a failed import leaves none of it behind.

export interface ImportTargetRef {
  year: number;
  /** Default: the department's primary unit (or its first). */
  unitName?: string | undefined;
}

const NEW_UNIT = { code: '', kind: 'admin', headName: '', financeHeadName: '', preparerName: '', phone: '', sortOrder: 0 } as const;

/**
 * Finds the year and unit, creating what is missing only when `create` (otherwise returns null for
 * a part that would be created). Refuses a unit name the department does not have and a final year.
 */
export function findImportTarget(db: Db, ref: ImportTargetRef, create: boolean): { yearId: number | null; unitId: number | null } {
  let dept = getDepartment(db);
  if (!dept) {
    if (!create) return { yearId: null, unitId: null };
    dept = insertDepartment(db, { name: ref.unitName ?? '本级', code: '' });
  }
  const units = listUnits(db, dept.id);
  let unitId = (ref.unitName ? units.find((u) => u.name === ref.unitName) : (units.find((u) => u.isPrimary) ?? units[0]))?.id ?? null;
  if (unitId === null) {
    if (units.length > 0) {
      throw new AppError('NOT_FOUND', `数据文件中没有名为“${ref.unitName}”的单位（现有：${units.map((u) => u.name).join('、')}）。`);
    }
    if (create) unitId = insertUnit(db, dept.id, { ...NEW_UNIT, name: ref.unitName ?? '本级', isPrimary: true });
  }
  let yearId = findYear(db, dept.id, ref.year)?.id ?? null;
  if (yearId !== null) requireWritableYear(db, yearId);
  else if (create) yearId = insertYear(db, dept.id, ref.year);
  return { yearId, unitId };
}

export function ensureImportTarget(db: Db, ref: ImportTargetRef): { yearId: number; unitId: number } {
  const { yearId, unitId } = findImportTarget(db, ref, true);
  if (yearId === null || unitId === null) throw new AppError('INTERNAL', '内部错误：导入的年度或单位未能建立。');
  return { yearId, unitId };
}
