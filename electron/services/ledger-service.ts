import { AppError } from '../../shared/api/app-error.ts';
import { deriveLedgerCategory } from '../../shared/domain/enums.ts';
import type { ClassifyTxnsInput, ClassifyTxnsResult, Txn, TxnInput } from '../../shared/domain/ledger.ts';
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
  return { ...rest, category: t.category ?? deriveLedgerCategory(t.econCode, t.projectId !== null, t.direction) };
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


/**
 * 支出明细's 批量分类: sets the chosen fields on every selected row in one transaction, one audit
 * entry per row (each undoable from 修改记录 like a single edit). The category follows the economic
 * code and project unless one is chosen; a project always makes it 项目支出. Income rows keep their
 * category; they have no 人员/公用 split.
 */
export function classifyTxns(db: Db, input: ClassifyTxnsInput): ClassifyTxnsResult {
  const set = input.set;
  return inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    if (set.projectId != null && getProject(db, set.projectId)?.yearId !== input.yearId) {
      throw new AppError('VALIDATION', '所选项目不属于该年度。', [{ path: 'set.projectId', message: '项目不属于该年度' }]);
    }
    if (set.budgetLineId != null && getBudgetLine(db, set.budgetLineId)?.yearId !== input.yearId) {
      throw new AppError('VALIDATION', '所选预算指标不属于该年度。', [{ path: 'set.budgetLineId', message: '指标不属于该年度' }]);
    }
    let updated = 0;
    for (const id of new Set(input.ids)) {
      const before = repo.getTxn(db, id);
      if (!before || before.yearId !== input.yearId) throw new AppError('NOT_FOUND', `找不到该支出记录（编号 ${id}），可能已被删除。`);
      const econCode = set.econCode ?? before.econCode;
      const projectId = set.projectId !== undefined ? set.projectId : before.projectId;
      const codesChanged = econCode !== before.econCode || projectId !== before.projectId;
      const category =
        projectId !== null
          ? 'project'
          : (set.category ?? (codesChanged || before.category === 'project' ? deriveLedgerCategory(econCode, false, before.direction) : before.category));
      const { id: _id, batchId: _b, sourceFile: _f, sourceSheet: _s, sourceRow: _r, ...rest } = before;
      const next = {
        ...rest,
        econCode,
        funcCode: set.funcCode ?? before.funcCode,
        projectId,
        budgetLineId: set.budgetLineId !== undefined ? set.budgetLineId : before.budgetLineId,
        category: before.direction === 'in' && set.category === undefined && projectId === null ? before.category : category,
      };
      repo.updateTxn(db, id, next);
      const after = repo.getTxn(db, id)!;
      writeAudit(db, { action: 'update', entity: 'ledger_txn', entityId: id, yearId: input.yearId, before, after });
      updated++;
    }
    return { updated };
  });
}
