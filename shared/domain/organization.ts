import { z } from 'zod';
import { count, fiscalYear, flag, id, oneOf, requiredText, text } from '../api/fields.ts';
import { UNIT_KINDS, YEAR_STATUSES } from './enums.ts';

export const Department = z.object({
  id: id(),
  name: requiredText('部门名称'),
  code: text('部门编码', 50),
  /** How the department names itself in its report (我局); empty = derived from the name. */
  selfName: text('报告中的自称', 20).trim(),
});
export type Department = z.infer<typeof Department>;

export const DepartmentInput = Department.omit({ id: true }).extend({ selfName: text('报告中的自称', 20).trim().optional() });
// Saving without selfName keeps the stored one (callers that predate it leave it out).
export type DepartmentInput = z.infer<typeof DepartmentInput>;

export const Unit = z.object({
  id: id(),
  name: requiredText('单位名称'),
  code: text('单位编码', 50),
  kind: oneOf(UNIT_KINDS, '单位性质'),
  isPrimary: flag('是否本级'),
  headName: text('单位负责人', 50),
  financeHeadName: text('财务负责人', 50),
  preparerName: text('填报人', 50),
  phone: text('联系电话', 50).regex(/^[0-9+\-()（）\s转]*$/, { error: '联系电话只能包含数字、空格和 - + ( )' }),
  sortOrder: count('排序'),
});
export type Unit = z.infer<typeof Unit>;

export const UnitInput = Unit.omit({ id: true }).extend({ id: id().optional() });
export type UnitInput = z.infer<typeof UnitInput>;

export const FiscalYear = z.object({
  id: id(),
  year: fiscalYear(),
  status: oneOf(YEAR_STATUSES, '年度状态'),
  finalizedAt: z.string().nullable(),
});
export type FiscalYear = z.infer<typeof FiscalYear>;

export const SetupState = z.object({
  department: Department.nullable(),
  units: z.array(Unit),
  years: z.array(FiscalYear),
});
export type SetupState = z.infer<typeof SetupState>;
