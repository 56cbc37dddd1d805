import type { KeyedActual, KeyedBudget } from '../../../shared/budget/breakdown-rows.ts';
import type { Db } from '../open.ts';

// Budget and spending aggregated by one dimension. Spending reads ledger_rollup (kept exact by
// triggers, migration 0002), whose primary key starts (year_id, direction, unit_id): a year's or a
// unit's groups are one index range, a few thousand rows even for a million transactions.
// Keys are text; project and budget line use 0 for "none", as the rollup does.

export const DIMENSIONS = [
  'unit',
  'category',
  'fundingSource',
  'project',
  'econClass',
  'econItem',
  'funcClass',
  'funcItem',
  'period',
  'line',
  'unitCategory',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const ROLLUP_KEY: Record<Dimension, string> = {
  unit: 'unit_id',
  category: 'category',
  fundingSource: 'funding_source',
  project: 'project_key',
  econClass: 'substr(econ_code, 1, 3)',
  econItem: 'econ_code',
  funcClass: 'substr(func_code, 1, 3)',
  funcItem: 'func_code',
  period: 'period',
  line: 'line_key',
  unitCategory: "unit_id || ':' || category",
};

// Budget lines carry no period: by period the budget side is empty.
const BUDGET_KEY: Record<Dimension, string | null> = {
  unit: 'unit_id',
  category: 'category',
  // 上年结转结余 is its own source on the budget side (migration 0009).
  fundingSource: 'budget_source',
  project: 'coalesce(project_id, 0)',
  econClass: 'substr(econ_code, 1, 3)',
  econItem: 'econ_code',
  funcClass: 'substr(func_code, 1, 3)',
  funcItem: 'func_code',
  period: null,
  line: 'id',
  unitCategory: "unit_id || ':' || category",
};

// By project means project spending: basic spending also has no project and must not be counted
// as "项目支出 without a project".
const onlyProjects = (dim: Dimension) => (dim === 'project' ? " AND category = 'project'" : '');

export function actualSql(dim: Dimension, byUnit: boolean): string {
  const key = ROLLUP_KEY[dim];
  return `SELECT CAST(${key} AS TEXT) AS key, sum(amount_fen) AS actualFen, sum(txn_count) AS txnCount
            FROM ledger_rollup
           WHERE year_id = ? AND direction = 'out'${byUnit ? ' AND unit_id = ?' : ''}${onlyProjects(dim)}
           GROUP BY ${key}`;
}

export function budgetSql(dim: Dimension, byUnit: boolean): string {
  const key = BUDGET_KEY[dim];
  if (key === null) throw new Error(`budget has no ${dim} dimension`);
  return `SELECT CAST(${key} AS TEXT) AS key, sum(initial_fen) AS initialFen, sum(adjustment_fen) AS adjustmentFen,
                 sum(final_fen) AS finalFen, count(*) AS lineCount
            FROM budget_line
           WHERE year_id = ?${byUnit ? ' AND unit_id = ?' : ''}${onlyProjects(dim)}
           GROUP BY ${key}`;
}

/** Spending ('out' rows, reversals netted) of one year by `dim`; unitId narrows to one unit. */
export function actualBy(db: Db, yearId: number, dim: Dimension, unitId?: number): KeyedActual[] {
  const params = unitId === undefined ? [yearId] : [yearId, unitId];
  return db.prepare(actualSql(dim, unitId !== undefined)).all(...params) as KeyedActual[];
}

export function budgetBy(db: Db, yearId: number, dim: Dimension, unitId?: number): KeyedBudget[] {
  if (BUDGET_KEY[dim] === null) return [];
  const params = unitId === undefined ? [yearId] : [yearId, unitId];
  return db.prepare(budgetSql(dim, unitId !== undefined)).all(...params) as KeyedBudget[];
}
