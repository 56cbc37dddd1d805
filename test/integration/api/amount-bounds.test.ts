import { describe, expect, it } from 'vitest';
import { departmentTotals } from '../../../electron/db/repositories/execution-repo.ts';
import { isCalendarDate } from '../../../shared/api/fields.ts';
import type { YearDocument } from '../../../shared/domain/year-document.ts';
import { MAX_ROW_FEN, MAX_YEAR_FEN } from '../../../shared/money/limits.ts';
import { fingerprint, openTestApp } from '../temp-db.ts';

// Per-row and per-year amount limits and real calendar dates, the same through the API and
// import-year: nothing out of bounds is stored, and no total can leave the safe-integer range.

interface SetupState {
  years: Array<{ id: number }>;
  units: Array<{ id: number }>;
}

async function ids(app: ReturnType<typeof openTestApp>): Promise<{ yearId: number; unitId: number }> {
  const r = await app.dispatch('setup.state', {});
  if (!r.ok) throw new Error(r.error.message);
  const s = r.data as SetupState;
  return { yearId: s.years[0]!.id, unitId: s.units[0]!.id };
}

async function exampleDocument(): Promise<YearDocument> {
  const a = openTestApp();
  try {
    const loaded = await a.dispatch('example.load', {});
    expect(loaded.ok).toBe(true);
    const { yearId } = await ids(a);
    const doc = await a.dispatch('year.export', { yearId });
    if (!doc.ok) throw new Error(doc.error.message);
    return doc.data as YearDocument;
  } finally {
    a.db.close();
  }
}

function edited(doc: YearDocument, table: string, column: string, value: number | string): YearDocument {
  const copy = structuredClone(doc);
  const rows = copy.tables[table]!;
  expect(rows.length, table).toBeGreaterThan(0);
  rows[0]![column] = value;
  return copy;
}

describe('import-year refuses out-of-bounds data and writes nothing', () => {
  it.each([
    ['an amount over the per-row limit', 'ledger_txn', 'amount_fen', MAX_ROW_FEN + 1, /ledger_txn 第 1 行 amount_fen 列：金额超出单行金额上限/],
    ['a huge amount (the 226,179,220 % execution rate)', 'ledger_txn', 'amount_fen', 2_000_000_000_000_000, /金额超出单行金额上限/],
    ['a negative 年初预算', 'budget_line', 'initial_fen', -100, /年初预算不能为负数/],
    ['an impossible date 2021-13-45', 'ledger_txn', 'txn_date', '2021-13-45', /日期 2021-13-45 不是有效的日期/],
    ['an impossible date 2021-02-30', 'ledger_txn', 'txn_date', '2021-02-30', /日期 2021-02-30 不是有效的日期/],
  ])('%s', async (_what, table, column, value, message) => {
    const doc = edited(await exampleDocument(), table, column, value);
    const b = openTestApp();
    try {
      const before = fingerprint(b.db);
      const r = await b.dispatch('year.import', { document: doc });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toMatch(/^年度数据文件中有不符合规则的数据，未导入任何数据/);
        expect(r.error.message).toMatch(message);
      }
      expect(fingerprint(b.db)).toBe(before);
    } finally {
      b.db.close();
    }
  });

  it('still imports the unchanged document', async () => {
    const b = openTestApp();
    try {
      const r = await b.dispatch('year.import', { document: await exampleDocument() });
      expect(r.ok).toBe(true);
    } finally {
      b.db.close();
    }
  });
});

describe('amount bounds through the API', () => {
  it('refuses a ledger row over the per-row limit, an impossible date and a negative 年初预算', async () => {
    const app = openTestApp();
    try {
      await app.dispatch('example.load', {});
      const { yearId, unitId } = await ids(app);
      const before = fingerprint(app.db);
      const txn = { yearId, unitId, txnDate: '2021-05-06', direction: 'out', amountFen: 100, voucherNo: '', summary: '', counterparty: '', fundingSource: 'general_budget', category: 'public', funcCode: '', econCode: '', projectId: null, budgetLineId: null };
      const over = await app.dispatch('ledger.saveTxn', { ...txn, amountFen: MAX_ROW_FEN + 1 });
      expect(over.ok === false && over.error.message).toMatch(/金额超出单行金额上限/);
      for (const d of ['2021-13-45', '2021-02-30', '2021-00-10']) {
        const bad = await app.dispatch('ledger.saveTxn', { ...txn, txnDate: d });
        expect(bad.ok === false && bad.error.message).toMatch(/不是有效的日期/);
      }
      const line = { yearId, unitId, fundingSource: 'general_budget', category: 'public', projectId: null, funcCode: '', funcName: '', econCode: '', econName: '', initialFen: -1, adjustmentFen: 0, docNo: '', note: '' };
      const negative = await app.dispatch('budget.saveLine', line);
      expect(negative.ok === false && negative.error.message).toMatch(/年初预算不能为负数/);
      expect(fingerprint(app.db)).toBe(before);
    } finally {
      app.db.close();
    }
  });

  it('rows at the per-row limit keep every total exact; the row that would pass the per-year limit is refused', async () => {
    const app = openTestApp();
    try {
      await app.dispatch('example.load', {});
      const { yearId, unitId } = await ids(app);
      const existing = (app.db.prepare('SELECT sum(abs(amount_fen)) AS t FROM ledger_txn WHERE year_id = ?').get(yearId) as { t: number }).t;
      const txn = { yearId, unitId, txnDate: '2021-05-06', direction: 'out', amountFen: MAX_ROW_FEN, voucherNo: '', summary: '', counterparty: '', fundingSource: 'general_budget', category: 'public', funcCode: '', econCode: '', projectId: null, budgetLineId: null };
      const fits = Math.floor((MAX_YEAR_FEN - existing) / MAX_ROW_FEN);
      // Twelve rows at the maximum (the probe's overflow) are well inside the limits now.
      expect(fits).toBeGreaterThan(12);
      for (let i = 0; i < fits; i++) {
        const r = await app.dispatch('ledger.saveTxn', txn);
        expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
      }
      const totals = departmentTotals(app.db, yearId);
      expect(Number.isSafeInteger(totals.actualFen)).toBe(true);
      const summary = await app.dispatch('execution.overview', { yearId });
      expect(summary.ok, summary.ok ? '' : summary.error.message).toBe(true);
      const before = fingerprint(app.db);
      const over = await app.dispatch('ledger.saveTxn', txn);
      expect(over.ok).toBe(false);
      if (!over.ok) {
        expect(over.error.code).toBe('VALIDATION');
        expect(over.error.message).toMatch(/支出记录金额绝对值合计将超过上限 10 万亿元/);
      }
      expect(fingerprint(app.db)).toBe(before);
    } finally {
      app.db.close();
    }
  }, 120_000);

  it('knows real calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2021-02-30')).toBe(false);
    expect(isCalendarDate('2021-13-45')).toBe(false);
    expect(isCalendarDate('2021-04-31')).toBe(false);
    expect(isCalendarDate('2021-12-31')).toBe(true);
  });
});
