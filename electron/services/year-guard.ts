import { AppError } from '../../shared/api/app-error.ts';
import type { FiscalYear } from '../../shared/domain/organization.ts';
import { getYear } from '../db/repositories/organization-repo.ts';
import type { Db } from '../db/open.ts';

export function requireYear(db: Db, yearId: number): FiscalYear {
  const y = getYear(db, yearId);
  if (!y) throw new AppError('NOT_FOUND', `找不到该年度（编号 ${yearId}），可能已被删除。`);
  return y;
}

// A finalized year's figures are what was signed; edits need an explicit, logged re-open.
export function requireWritableYear(db: Db, yearId: number): FiscalYear {
  const y = requireYear(db, yearId);
  if (y.status === 'final') {
    throw new AppError('LOCKED', `${y.year} 年度报告已定稿，数据已锁定。如需修改，请先在“报告”页重新打开该年度。`);
  }
  return y;
}
