import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getExecutionOverview,
  linkTransactions,
  listTransactions,
  listUnmatchedGroups,
  setTransactionLine,
} from '../../../electron/services/execution-service.ts';
import { getTxn } from '../../../electron/db/repositories/ledger-repo.ts';
import { history, undo } from '../../../electron/services/undo-service.ts';
import { buildExample, type Example, fen } from './build-example.ts';

let ex: Example;
beforeEach(() => {
  ex = buildExample();
});
afterEach(() => ex.db.close());

const insertTxn = (e: Example, over: Record<string, unknown>) => {
  const row = {
    year_id: e.current.yearId,
    unit_id: e.unitIds.main,
    txn_date: '2021-06-30',
    summary: '测试',
    counterparty: '',
    voucher_no: '',
    funding_source: 'general_budget',
    category: 'public',
    func_code: '2010301',
    econ_code: '30201',
    project_id: null,
    direction: 'out',
    amount_fen: 100,
    batch_id: null,
    ...over,
  };
  const cols = Object.keys(row);
  return Number(
    e.db.prepare(`INSERT INTO ledger_txn (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(row)).lastInsertRowid,
  );
};

describe('drill-down to transactions', () => {
  it('pages the year in date order with the total count and amount of the filter', () => {
    const all = listTransactions(ex.db, { yearId: ex.current.yearId, limit: 50 });
    expect(all.total).toBe(216);
    expect(all).toMatchObject({ spentFen: fen('3752.63'), incomeFen: 0 });
    expect(all.rows).toHaveLength(50);
    const dates = all.rows.map((r) => r.txnDate);
    expect([...dates].sort()).toEqual(dates);
    const last = listTransactions(ex.db, { yearId: ex.current.yearId, offset: 200, limit: 50 });
    expect(last.rows).toHaveLength(16);
    expect(last.rows.at(-1)!.txnDate).toBe('2021-12-25');
    expect(all.rows[0]).toMatchObject({ unitName: '示例区人民政府办公室（本级）', direction: 'out', budgetLineId: null });
  });

  it.each([
    ['basic (人员 + 公用)', { category: 'basic' as const }, 14 * 12, fen('3260.92')],
    ['项目支出', { category: 'project' as const }, 4 * 12, fen('491.71')],
    ['econ class 301', { econPrefix: '301' }, 7 * 12 - 12, fen('2549.70')],
    ['econ item 30227', { econCode: '30227' }, 24, fen('376.91')],
    ['func class 208', { funcPrefix: '208' }, 24, fen('434.00')],
    ['func item 2010350', { funcCode: '2010350' }, 48, fen('516.00')],
    ['one unit', { unitId: 0 }, 48, fen('516.00')],
    ['one month', { month: 3 }, 18, -1],
    ['one quarter', { quarter: 2 }, 54, -1],
    ['funding source', { fundingSource: 'general_budget' as const }, 216, fen('3752.63')],
    ['no project', { projectId: null }, 14 * 12, fen('3260.92')],
    ['text in summary', { text: '退休费' }, 12, fen('165.70')],
    ['text with a LIKE wildcard', { text: '%' }, 0, 0],
  ])('filters by %s, counting the same rows it lists', (_name, filter, count, amount) => {
    const f = 'unitId' in filter ? { unitId: ex.unitIds.inst } : filter;
    const page = listTransactions(ex.db, { yearId: ex.current.yearId, ...f, limit: 1000 });
    expect(page.total).toBe(count);
    expect(page.rows).toHaveLength(count);
    expect(page.rows.reduce((s, r) => s + r.amountFen, 0)).toBe(page.spentFen + page.incomeFen);
    if (amount >= 0) expect(page.spentFen).toBe(amount);
  });

  it('drills from a breakdown row to exactly the rows behind its figure', () => {
    const o = getExecutionOverview(ex.db, { yearId: ex.current.yearId });
    for (const row of [...o.byEconClass, ...o.byFuncItem, ...o.byProject, ...o.byUnit, ...o.byCategory, o.totals.basic]) {
      const page = listTransactions(ex.db, { yearId: ex.current.yearId, ...row.filter!, limit: 1 });
      expect([row.label, page.total, page.spentFen]).toEqual([row.label, row.txnCount, row.actualFen]);
    }
    for (const m of o.byMonth) expect(listTransactions(ex.db, { yearId: ex.current.yearId, ...m.filter, limit: 1 }).spentFen).toBe(m.actualFen);
    for (const q of o.byQuarter) expect(listTransactions(ex.db, { yearId: ex.current.yearId, ...q.filter, limit: 1 }).spentFen).toBe(q.actualFen);
  });

  it('counts text and batch filters from the ledger itself', () => {
    const batch = Number(
      ex.db
        .prepare(
          "INSERT INTO import_batch (year_id, target, file_name, file_sha256, file_size, file_format, rows_read, rows_imported) VALUES (?, 'ledger', 'a.xlsx', 'x', 1, 'xlsx', 1, 1)",
        )
        .run(ex.current.yearId).lastInsertRowid,
    );
    insertTxn(ex, { batch_id: batch, summary: '购买打印纸_A4', amount_fen: 12345 });
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, batchId: batch })).toMatchObject({ total: 1, spentFen: 12345, incomeFen: 0 });
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, text: '纸_A' }).total).toBe(1);
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, text: '纸%A' }).total).toBe(0);
  });

  it('finds rows dated outside the fiscal year', () => {
    insertTxn(ex, { txn_date: '2020-12-31', amount_fen: 500 });
    insertTxn(ex, { txn_date: '2022-01-02', amount_fen: 700, direction: 'in' });
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, outsideYearOnly: true })).toMatchObject({ total: 2, spentFen: 500, incomeFen: 700 });
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, period: '2020-12' }).total).toBe(1);
    expect(getExecutionOverview(ex.db, { yearId: ex.current.yearId }).outsideYear).toEqual({ actualFen: 500, txnCount: 1 });
  });

  it('refuses bad queries in Chinese', () => {
    expect(() => listTransactions(ex.db, { yearId: ex.current.yearId, limit: 0 })).toThrow('每页行数至少为 1');
    expect(() => listTransactions(ex.db, { yearId: 9999 })).toThrow('找不到该年度（编号 9999）');
  });
});

describe('transaction ↔ budget line links', () => {
  it('links every row whose key matches exactly one line, once', () => {
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, unmatchedOnly: true }).total).toBe(216);
    expect(linkTransactions(ex.db, { yearId: ex.current.yearId })).toEqual({ linked: 216, ambiguous: 0, noMatch: 0 });
    expect(linkTransactions(ex.db, { yearId: ex.current.yearId })).toEqual({ linked: 0, ambiguous: 0, noMatch: 0 });
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, unmatchedOnly: true }).total).toBe(0);
    const line = ex.current.lineIds[4]!;
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, budgetLineId: line })).toMatchObject({ total: 12, spentFen: fen('165.70') });
    expect(getExecutionOverview(ex.db, { yearId: ex.current.yearId }).unmatched).toEqual({ actualFen: 0, txnCount: 0 });
  });

  it('leaves rows with no line or with several lines, and lists them by key with the candidates', () => {
    const dup = Number(
      ex.db
        .prepare(
          `INSERT INTO budget_line (year_id, unit_id, funding_source, category, func_code, econ_code, initial_fen)
           SELECT year_id, unit_id, funding_source, category, func_code, econ_code, 100 FROM budget_line WHERE id = ?`,
        )
        .run(ex.current.lineIds[7]).lastInsertRowid,
    );
    const stray = insertTxn(ex, { econ_code: '30205', amount_fen: 999 });
    expect(linkTransactions(ex.db, { yearId: ex.current.yearId })).toEqual({ linked: 204, ambiguous: 12, noMatch: 1 });
    const groups = listUnmatchedGroups(ex.db, { yearId: ex.current.yearId });
    expect(groups.map((g) => [g.econCode, g.txnCount, g.actualFen, g.candidateLineIds])).toEqual([
      ['30201', 12, fen('128.40'), [ex.current.lineIds[7], dup]],
      ['30205', 1, 999, []],
    ]);
    const page = listTransactions(ex.db, { yearId: ex.current.yearId, ...groups[1]!.filter });
    expect(page.rows.map((r) => r.id)).toEqual([stray]);
    expect(getExecutionOverview(ex.db, { yearId: ex.current.yearId }).unmatched).toEqual({ actualFen: fen('128.40') + 999, txnCount: 13 });
  });

  it('links one row by hand, checks the year and direction, and records it', () => {
    const stray = insertTxn(ex, { econ_code: '30205' });
    const income = insertTxn(ex, { direction: 'in' });
    const line = ex.current.lineIds[7]!;
    expect(setTransactionLine(ex.db, { yearId: ex.current.yearId, txnId: stray, budgetLineId: line })).toEqual({ txnId: stray, budgetLineId: line });
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, budgetLineId: line }).total).toBe(1);
    expect(() => setTransactionLine(ex.db, { yearId: ex.current.yearId, txnId: income, budgetLineId: line })).toThrow('是收入，不能关联预算指标');
    const other = buildExample({ withPreviousYear: true });
    try {
      const foreign = other.previous!.lineIds[0]!;
      expect(() => setTransactionLine(other.db, { yearId: other.current.yearId, txnId: other.current.txns[0]!.id, budgetLineId: foreign })).toThrow(
        `预算指标 ${foreign} 不属于该年度`,
      );
    } finally {
      other.db.close();
    }
    expect(setTransactionLine(ex.db, { yearId: ex.current.yearId, txnId: stray, budgetLineId: null }).budgetLineId).toBeNull();
    const audit = ex.db.prepare("SELECT after_json FROM audit_log WHERE entity = 'ledger_txn' AND entity_id = ? ORDER BY id").all(String(stray)) as Array<{
      after_json: string;
    }>;
    expect(audit.map((a) => JSON.parse(a.after_json).budgetLineId)).toEqual([line, null]);
  });

  it('undoes a hand-made link from 修改记录 and leaves the rest of the row as it was', () => {
    const stray = insertTxn(ex, { econ_code: '30205', amount_fen: 4321 });
    const line = ex.current.lineIds[7]!;
    const before = getTxn(ex.db, stray);
    setTransactionLine(ex.db, { yearId: ex.current.yearId, txnId: stray, budgetLineId: line });
    const entry = history(ex.db, { yearId: ex.current.yearId, entity: 'ledger_txn', entityId: String(stray), limit: 1 })[0]!;
    expect(entry.undoable).toBe(true);
    undo(ex.db, entry.id);
    expect(getTxn(ex.db, stray)).toEqual(before);
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, budgetLineId: line }).total).toBe(0);
  });

  it('records automatic linking as a summary that 修改记录 does not offer to undo, in new and old files', () => {
    linkTransactions(ex.db, { yearId: ex.current.yearId });
    // How files written before this change recorded it.
    ex.db
      .prepare("INSERT INTO audit_log (action, entity, entity_id, year_id, after_json) VALUES ('update', 'ledger_txn', 'auto-link', ?, '{}')")
      .run(ex.current.yearId);
    const summaries = history(ex.db, { yearId: ex.current.yearId, entity: null, entityId: null, limit: 1000 }).filter((e) => e.entity === 'ledger_auto_link' || e.entityId === 'auto-link');
    expect(summaries.map((e) => [e.entity, e.undoable])).toEqual([
      ['ledger_txn', false],
      ['ledger_auto_link', false],
    ]);
    for (const e of summaries) expect(() => undo(ex.db, e.id)).toThrow('这类修改不能撤销');
    expect(listTransactions(ex.db, { yearId: ex.current.yearId, unmatchedOnly: true }).total).toBe(0);
  });

  it('unlinks spending when its budget line is deleted, and the figures follow', () => {
    linkTransactions(ex.db, { yearId: ex.current.yearId });
    ex.db.prepare('DELETE FROM budget_line WHERE id = ?').run(ex.current.lineIds[0]);
    const o = getExecutionOverview(ex.db, { yearId: ex.current.yearId });
    expect(o.unmatched).toEqual({ actualFen: fen('920.00'), txnCount: 12 });
    expect(o.totals.total.actualFen).toBe(fen('3752.63'));
    expect(o.totals.total.finalFen).toBe(fen('3982.33') - fen('940.00'));
  });
});
