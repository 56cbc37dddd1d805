import type { Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actualSql, budgetSql, DIMENSIONS } from '../../../electron/db/repositories/execution-breakdown-repo.ts';
import type { Db } from '../../../electron/db/open.ts';
import { runChecks } from '../../../electron/services/checks-service.ts';
import {
  getExecutionOverview,
  getRevenueExpenditureText,
  linkTransactions,
  listTransactions,
  listUnmatchedGroups,
} from '../../../electron/services/execution-service.ts';
import { buildExample, type Example } from './build-example.ts';

// Every statement the 预算执行 and 审核 services run is checked with EXPLAIN QUERY PLAN: spending is
// read from ledger_rollup by its primary key range or from ledger_txn through an index, never by
// scanning a table, and ledger_txn is never sorted in a temp B-tree.

const plan = (db: Db, sql: string, params: unknown[] = []) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);

interface Recorded {
  sql: string;
  params: unknown[];
}

/** Records the SQL and parameters of every statement run through db.prepare while `fn` runs. */
function recordStatements(db: Db, fn: () => void): Recorded[] {
  const seen: Recorded[] = [];
  const original = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const st = original(sql) as Statement<unknown[]>;
    for (const m of ['all', 'get', 'run'] as const) {
      const f = st[m].bind(st) as (...p: unknown[]) => unknown;
      (st as unknown as Record<string, unknown>)[m] = (...p: unknown[]) => {
        seen.push({ sql, params: p });
        return f(...p);
      };
    }
    return st;
  }) as Db['prepare'];
  try {
    fn();
  } finally {
    db.prepare = original as Db['prepare'];
  }
  return seen;
}

const BIG = /\b(ledger_txn|ledger_rollup)\b|^SCAN (t|r)\b/;

function assertIndexed(db: Db, r: Recorded): void {
  if (!/^\s*(SELECT|WITH)/i.test(r.sql)) return;
  const details = plan(db, r.sql, r.params);
  for (const d of details) {
    if (/^SCAN /.test(d) && !/^SCAN (CONSTANT ROW|\w+ USING (COVERING )?INDEX)/.test(d)) {
      // Full scans are fine for the small tables (unit, project, budget_line of one year) and for
      // already-aggregated subqueries, not for the two big ones.
      // (Aliases t and r stand for the ledger tables only in queries that read them: work_task is t too.)
      if (/\b(ledger_txn|ledger_rollup)\b/.test(r.sql)) expect({ sql: r.sql, detail: d }).not.toMatchObject({ detail: expect.stringMatching(BIG) });
    }
    if (/TEMP B-TREE/.test(d) && /FROM ledger_txn/.test(r.sql) && !/ledger_rollup/.test(r.sql)) {
      expect({ sql: r.sql, detail: d }).toBeUndefined();
    }
  }
}

let ex: Example;
beforeAll(() => {
  ex = buildExample({ withPreviousYear: true });
});
afterAll(() => ex.db.close());

describe('query plans', () => {
  it.each(DIMENSIONS)('spending by %s reads a primary-key range of ledger_rollup', (dim) => {
    expect(plan(ex.db, actualSql(dim, false), [1])[0]).toMatch(/^SEARCH ledger_rollup USING PRIMARY KEY \(year_id=\? AND direction=\?\)/);
    expect(plan(ex.db, actualSql(dim, true), [1, 1])[0]).toMatch(/^SEARCH ledger_rollup USING PRIMARY KEY \(year_id=\? AND direction=\? AND unit_id=\?[ )]/);
  });

  it.each(DIMENSIONS.filter((d) => d !== 'period'))('budget by %s reads the year’s lines through budget_line_year', (dim) => {
    expect(plan(ex.db, budgetSql(dim, false), [1])[0]).toMatch(/^SEARCH budget_line USING INDEX budget_line_year \(year_id=\?\)/);
    expect(plan(ex.db, budgetSql(dim, true), [1, 1])[0]).toMatch(/^SEARCH budget_line USING INDEX budget_line_year \(year_id=\? AND unit_id=\?[ )]/);
  });

  it('pages transactions in date order from ledger_txn_year_date, skipping rows without reading them', () => {
    const seen = recordStatements(ex.db, () => {
      listTransactions(ex.db, { yearId: ex.current.yearId, offset: 100, limit: 50 });
      listTransactions(ex.db, { yearId: ex.current.yearId, month: 6, econPrefix: '302', limit: 50 });
    });
    const pages = seen.filter((r) => r.sql.includes('WITH page'));
    const [all, june] = pages.map((r) => plan(ex.db, r.sql, r.params));
    expect(all).toEqual([
      'CO-ROUTINE page',
      'SEARCH t USING COVERING INDEX ledger_txn_year_date (year_id=?)',
      'SCAN page',
      'SEARCH t USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH u USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH p USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN',
    ]);
    expect(june![1]).toBe('SEARCH t USING INDEX ledger_txn_year_date (year_id=? AND txn_date>? AND txn_date<?)');
    expect(june!.join('\n')).not.toContain('TEMP B-TREE');
    const count = seen.find((r) => r.sql.includes('sum(txn_count)'))!;
    expect(plan(ex.db, count.sql, count.params)[0]).toMatch(/^SEARCH ledger_rollup USING PRIMARY KEY \(year_id=\?/);
  });

  it('walks only unlinked spending when linking', () => {
    const seen = recordStatements(ex.db, () => linkTransactions(ex.db, { yearId: ex.current.yearId }));
    const read = seen.find((r) => r.sql.includes('budget_line_id IS NULL'))!;
    expect(plan(ex.db, read.sql, read.params)[0]).toBe('SEARCH ledger_txn USING INDEX ledger_txn_budget_line (budget_line_id=? AND rowid>?)');
    const update = seen.find((r) => r.sql.startsWith('UPDATE ledger_txn'))!;
    expect(plan(ex.db, update.sql, update.params)[0]).toBe('SEARCH ledger_txn USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('never scans ledger_txn or ledger_rollup in any service query', () => {
    const seen = recordStatements(ex.db, () => {
      getExecutionOverview(ex.db, { yearId: ex.current.yearId, compareLastYear: true });
      getExecutionOverview(ex.db, { yearId: ex.current.yearId, unitId: ex.unitIds.inst });
      runChecks(ex.db, { yearId: ex.current.yearId });
      listUnmatchedGroups(ex.db, { yearId: ex.current.yearId });
      getRevenueExpenditureText(ex.db, { yearId: ex.current.yearId });
      for (const f of [{ batchId: 1 }, { econPrefix: '302', month: 4 }, { unmatchedOnly: true }, { projectId: null }, { quarter: 3, direction: 'out' as const }]) {
        listTransactions(ex.db, { yearId: ex.current.yearId, ...f });
      }
    });
    expect(seen.length).toBeGreaterThan(60);
    for (const r of seen) assertIndexed(ex.db, r);
  });

  it('reads the table once, in storage order, for a text search (a substring search has no index)', () => {
    const seen = recordStatements(ex.db, () => listTransactions(ex.db, { yearId: ex.current.yearId, text: '工资', projectId: null }));
    const page = seen.find((r) => r.sql.includes('WITH page'))!;
    expect(plan(ex.db, page.sql, page.params).slice(0, 3)).toEqual(['CO-ROUTINE page', 'SCAN t', 'USE TEMP B-TREE FOR ORDER BY']);
    const count = seen.find((r) => r.sql.includes('count(*)'))!;
    expect(plan(ex.db, count.sql, count.params)).toEqual(['SCAN ledger_txn']);
  });

  it('would notice a query that scans the ledger', () => {
    expect(() => assertIndexed(ex.db, { sql: 'SELECT sum(amount_fen) FROM ledger_txn NOT INDEXED WHERE summary = ?', params: ['x'] })).toThrow();
  });
});
