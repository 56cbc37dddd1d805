import { percentNumber, ratio } from '../money/rate.ts';
import type { BreakdownRow, DrillFilter } from './schemas.ts';

// Joins the budget side and the spending side of one breakdown (both already aggregated in SQL)
// into display rows, with 结余, 执行率 and, when asked, last year's figures and the change.

export interface BudgetAmounts {
  initialFen: number;
  adjustmentFen: number;
  finalFen: number;
  lineCount: number;
}
export interface ActualAmounts {
  actualFen: number;
  txnCount: number;
}
export type KeyedBudget = BudgetAmounts & { key: string };
export type KeyedActual = ActualAmounts & { key: string };

export interface RowIdentity {
  label: string;
  code: string | null;
  /** null: nothing to drill into (e.g. a project that only existed last year). */
  filter: DrillFilter | null;
}

export const NO_BUDGET: BudgetAmounts = { initialFen: 0, adjustmentFen: 0, finalFen: 0, lineCount: 0 };
export const NO_ACTUAL: ActualAmounts = { actualFen: 0, txnCount: 0 };

export interface LastYearAmounts {
  finalFen: number;
  actualFen: number;
}

export function breakdownRow(
  key: string,
  identity: RowIdentity,
  budget: BudgetAmounts,
  actual: ActualAmounts,
  lastYear: LastYearAmounts | null = null,
): BreakdownRow {
  const executionRate = ratio(actual.actualFen, budget.finalFen);
  const change = lastYear ? actual.actualFen - lastYear.actualFen : null;
  const changeRate = lastYear && change !== null ? ratio(change, lastYear.actualFen) : null;
  return {
    key,
    label: identity.label,
    code: identity.code,
    initialFen: budget.initialFen,
    adjustmentFen: budget.adjustmentFen,
    finalFen: budget.finalFen,
    actualFen: actual.actualFen,
    balanceFen: budget.finalFen - actual.actualFen,
    txnCount: actual.txnCount,
    lineCount: budget.lineCount,
    executionRate,
    executionPercent: percentNumber(executionRate),
    filter: identity.filter,
    lastYear,
    actualChangeFen: change,
    actualChangeRate: changeRate,
    actualChangePercent: percentNumber(changeRate),
  };
}

export function addBudget(a: BudgetAmounts, b: BudgetAmounts): BudgetAmounts {
  return {
    initialFen: a.initialFen + b.initialFen,
    adjustmentFen: a.adjustmentFen + b.adjustmentFen,
    finalFen: a.finalFen + b.finalFen,
    lineCount: a.lineCount + b.lineCount,
  };
}

export function addActual(a: ActualAmounts, b: ActualAmounts): ActualAmounts {
  return { actualFen: a.actualFen + b.actualFen, txnCount: a.txnCount + b.txnCount };
}

export function sumActual(rows: Iterable<ActualAmounts>): ActualAmounts {
  let t = NO_ACTUAL;
  for (const r of rows) t = addActual(t, r);
  return t;
}

export interface MergeOptions {
  budget: KeyedBudget[];
  actual: KeyedActual[];
  /** Last year's aggregates under the same keys; omit for no comparison. */
  lastYear?: { budget: KeyedBudget[]; actual: KeyedActual[] };
  describe: (key: string) => RowIdentity;
  /** Row order; default: key ascending (codes sort naturally). */
  compare?: (a: string, b: string) => number;
}

function byKey<T extends { key: string }>(rows: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) m.set(r.key, r);
  return m;
}

/**
 * One row per key present on either side. With a comparison, keys that only existed last year are
 * kept too (with zero this year), so a class that stopped being used still shows its change.
 */
export function mergeBreakdown(opts: MergeOptions): BreakdownRow[] {
  const budget = byKey(opts.budget);
  const actual = byKey(opts.actual);
  const lastBudget = byKey(opts.lastYear?.budget ?? []);
  const lastActual = byKey(opts.lastYear?.actual ?? []);
  const keys = new Set([...budget.keys(), ...actual.keys()]);
  if (opts.lastYear) {
    for (const k of [...lastBudget.keys(), ...lastActual.keys()]) {
      if ((lastBudget.get(k)?.finalFen ?? 0) !== 0 || (lastActual.get(k)?.actualFen ?? 0) !== 0) keys.add(k);
    }
  }
  const compare = opts.compare ?? ((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0));
  return [...keys].sort(compare).map((key) =>
    breakdownRow(
      key,
      opts.describe(key),
      budget.get(key) ?? NO_BUDGET,
      actual.get(key) ?? NO_ACTUAL,
      opts.lastYear
        ? { finalFen: lastBudget.get(key)?.finalFen ?? 0, actualFen: lastActual.get(key)?.actualFen ?? 0 }
        : null,
    ),
  );
}

/** Orders keys by their position in `order`; unknown keys go last, ascending. */
export function orderBy(order: readonly string[]): (a: string, b: string) => number {
  const pos = new Map(order.map((k, i) => [k, i]));
  return (a, b) => {
    const pa = pos.get(a) ?? Number.MAX_SAFE_INTEGER;
    const pb = pos.get(b) ?? Number.MAX_SAFE_INTEGER;
    if (pa !== pb) return pa - pb;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}
