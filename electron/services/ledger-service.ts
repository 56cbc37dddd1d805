import { AppError } from '../../shared/api/app-error.ts';
import { deriveCategory } from '../../shared/domain/enums.ts';
import type { Txn, TxnInput } from '../../shared/domain/ledger.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { getBudgetLine, getProject } from '../db/repositories/budget-repo.ts';
import * as repo from '../db/repositories/ledger-repo.ts';
import { getUnit } from '../db/repositories/organization-repo.ts';
import type { Db } from '../db/open.ts';
import { inTransaction } from './transaction.ts';
import { requireAmountsWithinLimits, requireWritableYear } from './year-guard.ts';

function resolve(db: Db, t: TxnInput) {
  if (!getUnit(db, t.unitId)) throw new AppError('VALIDATION', '所选单位不存在。', [{ path: 'unitId', message: '单位不存在' }]);
  if (t.projectId !== null && getProject(db, t.projectId)?.yearId !== t.yearId) {
    throw new AppError('VALIDATION', '所选项目不属于该年度。', [{ path: 'projectId', message: '项目不属于该年度' }]);
  }
  if (t.budgetLineId !== null && getBudgetLine(db, t.budgetLineId)?.yearId !== t.yearId) {
    throw new AppError('VALIDATION', '所选预算指标不属于该年度。', [{ path: 'budgetLineId', message: '指标不属于该年度' }]);
  }
  const { id: _id, ...rest } = t;
  return { ...rest, category: t.category ?? deriveCategory(t.econCode, t.projectId !== null) };
}

export function saveTxn(db: Db, input: TxnInput): Txn {
  return inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    const stored = resolve(db, input);
    if (input.id === undefined) {
      const id = repo.insertTxn(db, stored);
      const after = repo.getTxn(db, id)!;
      writeAudit(db, { action: 'create', entity: 'ledger_txn', entityId: id, yearId: input.yearId, after });
      requireAmountsWithinLimits(db, input.yearId);
      return after;
    }
    const before = repo.getTxn(db, input.id);
    if (!before || before.yearId !== input.yearId) throw new AppError('NOT_FOUND', `找不到该支出记录（编号 ${input.id}）。`);
    repo.updateTxn(db, input.id, stored);
    const after = repo.getTxn(db, input.id)!;
    writeAudit(db, { action: 'update', entity: 'ledger_txn', entityId: input.id, yearId: input.yearId, before, after });
    requireAmountsWithinLimits(db, input.yearId);
    return after;
  });
}

export function deleteTxn(db: Db, id: number): { deleted: true } {
  return inTransaction(db, () => {
    const before = repo.getTxn(db, id);
    if (!before) throw new AppError('NOT_FOUND', `找不到该支出记录（编号 ${id}）。`);
    requireWritableYear(db, before.yearId);
    repo.deleteTxn(db, id);
    writeAudit(db, { action: 'delete', entity: 'ledger_txn', entityId: id, yearId: before.yearId, before });
    return { deleted: true };
  });
}

