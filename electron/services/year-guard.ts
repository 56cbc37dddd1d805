import { AppError } from '../../shared/api/app-error.ts';
import type { FiscalYear } from '../../shared/domain/organization.ts';
import type { YearLocator } from '../../shared/api/contract.ts';
import { MAX_YEAR_FEN, MAX_YEAR_LABEL } from '../../shared/money/limits.ts';
import { yearAmountTotals } from '../db/repositories/amount-totals-repo.ts';
import { getYear, yearOfRow } from '../db/repositories/organization-repo.ts';
import type { Db } from '../db/open.ts';
import type { ServiceContext } from './context.ts';

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

/**
 * The dispatcher's check before every write (the contract's `writes` and `year`): the year the
 * input names — by its id or by a row of it — must not be final. Input that names no year, or a
 * row that does not exist, passes; the service then answers NOT_FOUND or needs no year.
 */
export function refuseWriteToFinalYear(ctx: ServiceContext, locator: YearLocator, input: unknown): void {
  const value = (input as Record<string, unknown> | null)?.[locator.field];
  // Only now the connection: a write naming no year (a restore of a damaged file) never opens it.
  if (typeof value !== 'number') return;
  const { db } = ctx;
  const yearId = yearOfRow(db, locator.table, value);
  if (yearId !== null && getYear(db, yearId)) requireWritableYear(db, yearId);
}

/**
 * Refuses a write that would take a year's amount totals past MAX_YEAR_FEN (shared/money/limits.ts):
 * called inside the writing transaction, so the write is rolled back with the message.
 */
export function requireAmountsWithinLimits(db: Db, yearId: number): void {
  for (const t of yearAmountTotals(db, yearId)) {
    if (t.total > MAX_YEAR_FEN) {
      throw new AppError(
        'VALIDATION',
        `该年度的${t.label}绝对值合计将超过上限 ${MAX_YEAR_LABEL}（金额超出可处理范围，可能录入或导入有误），本次修改未保存。`,
      );
    }
  }
}
