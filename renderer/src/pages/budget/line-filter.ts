import type { DrillFilter } from '../../../../shared/budget/schemas.ts';
import type { BudgetLine } from '../../../../shared/domain/budget-line.ts';

/** Whether a budget line falls under a jump's filter (the conditions that apply to budget lines). */
export function lineMatches(l: BudgetLine, f: DrillFilter): boolean {
  if (f.budgetLineId !== undefined && l.id !== f.budgetLineId) return false;
  if (f.projectId !== undefined && l.projectId !== f.projectId) return false;
  if (f.unitId !== undefined && l.unitId !== f.unitId) return false;
  if (f.fundingSource !== undefined && l.fundingSource !== f.fundingSource) return false;
  if (f.category === 'basic' && l.category === 'project') return false;
  if (f.category !== undefined && f.category !== 'basic' && l.category !== f.category) return false;
  if (f.econPrefix !== undefined && !l.econCode.startsWith(f.econPrefix)) return false;
  if (f.funcPrefix !== undefined && !l.funcCode.startsWith(f.funcPrefix)) return false;
  if (f.econCode !== undefined && l.econCode !== f.econCode) return false;
  if (f.funcCode !== undefined && l.funcCode !== f.funcCode) return false;
  return true;
}

/** True when the filter names anything a budget line can match. */
export function filtersLines(f: DrillFilter): boolean {
  return (['budgetLineId', 'projectId', 'unitId', 'fundingSource', 'category', 'econPrefix', 'funcPrefix', 'econCode', 'funcCode'] as const).some(
    (k) => f[k] !== undefined,
  );
}
