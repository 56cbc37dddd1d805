import type { Db } from '../open.ts';

export interface DepartmentTotals {
  /** 年初预算数, 调整数 and 全年预算数 of all lines, 上年结转结余 included. */
  initialBudgetFen: number;
  adjustmentFen: number;
  finalBudgetFen: number;
  /** 全年预算数 of the 上年结转结余 lines. */
  carryOverFen: number;
  /** 年初预算 and 调整 of this year's money only: what 预算调整率 and 预算控制率 are defined on. */
  thisYearInitialFen: number;
  thisYearAdjustmentFen: number;
  actualFen: number;
  personnelFen: number;
  publicFen: number;
  projectFen: number;
}

// Department-wide (all units) totals for one year. Spending is the sum of 'out' transactions,
// reversals included with their sign, read from ledger_rollup (migration 0002).
export function departmentTotals(db: Db, yearId: number): DepartmentTotals {
  const budget = db
    .prepare(
      `SELECT coalesce(sum(initial_fen), 0) AS initial, coalesce(sum(adjustment_fen), 0) AS adjustment,
              coalesce(sum(final_fen), 0) AS final,
              coalesce(sum(CASE WHEN carry_over = 1 THEN final_fen END), 0) AS carryOver,
              coalesce(sum(CASE WHEN carry_over = 0 THEN initial_fen END), 0) AS thisYearInitial,
              coalesce(sum(CASE WHEN carry_over = 0 THEN adjustment_fen END), 0) AS thisYearAdjustment
         FROM budget_line WHERE year_id = ?`,
    )
    .get(yearId) as { initial: number; adjustment: number; final: number; carryOver: number; thisYearInitial: number; thisYearAdjustment: number };
  const spent = db
    .prepare(
      `SELECT coalesce(sum(amount_fen), 0) AS total,
              coalesce(sum(CASE WHEN category = 'personnel' THEN amount_fen END), 0) AS personnel,
              coalesce(sum(CASE WHEN category = 'public' THEN amount_fen END), 0) AS public,
              coalesce(sum(CASE WHEN category = 'project' THEN amount_fen END), 0) AS project
         FROM ledger_rollup WHERE year_id = ? AND direction = 'out'`,
    )
    .get(yearId) as { total: number; personnel: number; public: number; project: number };
  return {
    initialBudgetFen: budget.initial,
    adjustmentFen: budget.adjustment,
    finalBudgetFen: budget.final,
    carryOverFen: budget.carryOver,
    thisYearInitialFen: budget.thisYearInitial,
    thisYearAdjustmentFen: budget.thisYearAdjustment,
    actualFen: spent.total,
    personnelFen: spent.personnel,
    publicFen: spent.public,
    projectFen: spent.project,
  };
}

/** Spending summed straight from ledger_txn, not the rollup: the 审核 cross-check of the rollup. */
export function ledgerSpendingFen(db: Db, yearId: number): number {
  return (
    db.prepare("SELECT coalesce(sum(amount_fen), 0) AS s FROM ledger_txn WHERE year_id = ? AND direction = 'out'").get(yearId) as {
      s: number;
    }
  ).s;
}
