import { AppError } from '../../shared/api/app-error.ts';
import type { Department, DepartmentInput, FiscalYear, SetupState, Unit, UnitInput } from '../../shared/domain/organization.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import * as org from '../db/repositories/organization-repo.ts';
import type { Db } from '../db/open.ts';
import { copyProfileToYear } from './profile-service.ts';
import { copyFrameworkToYear, installDefaultFramework } from './scoring-service.ts';
import { copyOutlineToNewYear, putYearOutline } from './outline-service.ts';
import { SHIPPED_OUTLINES, type ShippedOutlineId } from '../../shared/report/shipped-outlines.ts';
import type { ShippedFrameworkId } from '../../shared/scoring/shipped-framework-ids.ts';
import { findYearFramework } from '../db/repositories/framework-repo.ts';
import { inTransaction } from './transaction.ts';
import { requireYear } from './year-guard.ts';

export function setupState(db: Db): SetupState {
  const department = org.getDepartment(db);
  if (!department) return { department: null, units: [], years: [] };
  return { department, units: org.listUnits(db, department.id), years: org.listYears(db, department.id) };
}

export function requireDepartment(db: Db): Department {
  const d = org.getDepartment(db);
  if (!d) throw new AppError('VALIDATION', '请先在“单位与年度”页填写部门名称。');
  return d;
}

export function saveDepartment(db: Db, input: DepartmentInput): Department {
  return inTransaction(db, () => {
    const before = org.getDepartment(db);
    if (!before) {
      const created = org.insertDepartment(db, input);
      writeAudit(db, { action: 'create', entity: 'department', entityId: created.id, after: created });
      return created;
    }
    const after = { id: before.id, ...input, selfName: input.selfName ?? before.selfName };
    org.updateDepartment(db, before.id, after);
    writeAudit(db, { action: 'update', entity: 'department', entityId: before.id, before, after });
    return after;
  });
}

export function saveUnit(db: Db, input: UnitInput): Unit {
  return inTransaction(db, () => {
    const dept = requireDepartment(db);
    const { id, ...fields } = input;
    const existing = org.listUnits(db, dept.id);
    // The first unit is the 本级 unit; exactly one unit is 本级 at any time.
    const data = { ...fields, isPrimary: fields.isPrimary || existing.length === 0 || (existing.length === 1 && existing[0]?.id === id) };
    let unitId: number;
    if (id === undefined) {
      unitId = org.insertUnit(db, dept.id, data);
    } else {
      const before = org.getUnit(db, id);
      if (!before) throw new AppError('NOT_FOUND', `找不到该单位（编号 ${id}）。`);
      if (before.isPrimary && !data.isPrimary) {
        throw new AppError('VALIDATION', '部门必须有一个“本级”单位：请把另一个单位设为本级，而不是取消本单位。');
      }
      unitId = id;
      org.updateUnit(db, id, data);
    }
    if (data.isPrimary) org.clearPrimaryUnit(db, dept.id, unitId);
    const after = org.getUnit(db, unitId)!;
    writeAudit(db, { action: id === undefined ? 'create' : 'update', entity: 'unit', entityId: unitId, after });
    return after;
  });
}

export function deleteUnit(db: Db, id: number): { deleted: true } {
  return inTransaction(db, () => {
    const before = org.getUnit(db, id);
    if (!before) throw new AppError('NOT_FOUND', `找不到该单位（编号 ${id}）。`);
    if (before.isPrimary) throw new AppError('VALIDATION', '不能删除“本级”单位，请先把另一个单位设为本级。');
    const used = org.unitRowCount(db, id);
    if (used > 0) throw new AppError('CONFLICT', `单位“${before.name}”下还有 ${used} 条预算或支出记录，不能删除。`);
    org.deleteUnit(db, id);
    writeAudit(db, { action: 'delete', entity: 'unit', entityId: id, before });
    return { deleted: true };
  });
}

/**
 * Creates a fiscal year. Unless told otherwise (`copyProfileFrom: null`), the 部门概况 of the latest
 * earlier year is copied, because duties and offices rarely change between years. The year gets
 * its own copy of the indicator framework: last year's if there is one, else the shipped default.
 */
export function createYear(
  db: Db,
  input: { year: number; copyProfileFrom?: number | null | undefined; framework?: ShippedFrameworkId | undefined; outline?: ShippedOutlineId | undefined },
): FiscalYear {
  return inTransaction(db, () => {
    const dept = requireDepartment(db);
    if (org.findYear(db, dept.id, input.year)) throw new AppError('CONFLICT', `${input.year} 年度已存在。`);
    const yearId = org.insertYear(db, dept.id, input.year);
    let source = input.copyProfileFrom;
    if (source === undefined) {
      source = org.listYears(db, dept.id).find((y) => y.year < input.year)?.id ?? null;
    } else if (source !== null) {
      requireYear(db, source);
    }
    if (source !== null) copyProfileToYear(db, source, yearId);
    const previous = org.listYears(db, dept.id).find((y) => y.year < input.year);
    const previousFramework = previous ? findYearFramework(db, previous.id) : null;
    if (input.framework !== undefined) installDefaultFramework(db, yearId, input.framework);
    else if (previousFramework) copyFrameworkToYear(db, { sourceFrameworkId: previousFramework.id, yearId });
    else installDefaultFramework(db, yearId);
    if (input.outline !== undefined) putYearOutline(db, yearId, SHIPPED_OUTLINES[input.outline], 'update');
    else if (previous) copyOutlineToNewYear(db, previous.id, yearId);
    const created = org.getYear(db, yearId)!;
    writeAudit(db, { action: 'create', entity: 'fiscal_year', entityId: yearId, yearId, after: { ...created, copiedFrom: source } });
    return created;
  });
}

export function deleteYear(db: Db, id: number): { deleted: true } {
  return inTransaction(db, () => {
    const y = requireYear(db, id);
    if (y.status === 'final') throw new AppError('LOCKED', `${y.year} 年度已定稿，不能删除。`);
    org.deleteYear(db, id);
    writeAudit(db, { action: 'delete', entity: 'fiscal_year', entityId: id, before: y });
    return { deleted: true };
  });
}
