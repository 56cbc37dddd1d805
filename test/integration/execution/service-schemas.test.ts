import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCheckExplanation, explainedFindingsForExport, setCheckExplanation } from '../../../electron/services/checks-service.ts';
import {
  getExecutionTargets,
  getRevenueExpenditureText,
  linkTransactions,
  listBudgetLineExecution,
  listTransactions,
  listUnmatchedGroups,
  setTransactionLine,
} from '../../../electron/services/execution-service.ts';
import {
  BudgetLineExecutionRow,
  ExecutionTargets,
  LinkResult,
  RevenueExpenditureText,
  SetTransactionLineResult,
  TransactionPage,
  UnmatchedGroup,
} from '../../../shared/budget/schemas.ts';
import { ExplainedFinding, StoredExplanation } from '../../../shared/checks/schemas.ts';
import { buildExample, type Example } from './build-example.ts';

// Every service output must pass its contract schema, or the dispatcher would refuse it.

let ex: Example;
beforeAll(() => {
  ex = buildExample({ withPreviousYear: true });
});
afterAll(() => ex.db.close());

describe('service outputs match their schemas', () => {
  it('预算执行 services', () => {
    const yearId = ex.current.yearId;
    const parse = <T>(schema: { parse(v: unknown): T }, v: unknown) => expect(schema.parse(v)).toEqual(v);
    parse(TransactionPage, listTransactions(ex.db, { yearId, limit: 5 }));
    parse(UnmatchedGroup.array(), listUnmatchedGroups(ex.db, { yearId }));
    parse(LinkResult, linkTransactions(ex.db, { yearId }));
    parse(ExecutionTargets, getExecutionTargets(ex.db, { yearId }));
    parse(RevenueExpenditureText, getRevenueExpenditureText(ex.db, { yearId }));
    parse(BudgetLineExecutionRow.array(), listBudgetLineExecution(ex.db, { yearId }));
    parse(SetTransactionLineResult, setTransactionLine(ex.db, { yearId, txnId: ex.current.txns[0]!.id, budgetLineId: null }));
  });

  it('审核 services', () => {
    const yearId = ex.current.yearId;
    const stored = setCheckExplanation(ex.db, { yearId, checkId: 'yoy.change', subjectKey: 'econ:310', explanation: '新增设备购置。' });
    expect(StoredExplanation.parse(stored)).toEqual(stored);
    const exported = explainedFindingsForExport(ex.db, { yearId });
    expect(ExplainedFinding.array().parse(exported)).toEqual(exported);
    expect(exported.map((f) => f.explanation)).toEqual(['新增设备购置。']);
    expect(deleteCheckExplanation(ex.db, { yearId, checkId: 'yoy.change', subjectKey: 'econ:310' })).toEqual({ deleted: true });
  });
});
