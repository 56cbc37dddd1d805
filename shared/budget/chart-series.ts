import { formatWan } from '../money/fen.ts';
import type { BreakdownRow, DrillFilter, ExecutionOverview } from './schemas.ts';

// Chart-ready arrays for the 预算执行 page (budget against spending bars, cumulative execution
// line against the quarter targets). Values are display values: 万元 and percents, each rounded
// once from the exact figure (ROUNDING.md); a click maps back to the row's drill-down filter.

const wan = (fen: number): number => Number(formatWan(fen));

export interface BudgetActualBars {
  labels: string[];
  budgetWan: number[];
  actualWan: number[];
  executionPercent: Array<number | null>;
  filters: Array<DrillFilter | null>;
}

export function budgetActualBars(rows: readonly BreakdownRow[]): BudgetActualBars {
  return {
    labels: rows.map((r) => (r.code ? `${r.code} ${r.label}` : r.label)),
    budgetWan: rows.map((r) => wan(r.finalFen)),
    actualWan: rows.map((r) => wan(r.actualFen)),
    executionPercent: rows.map((r) => r.executionPercent),
    filters: rows.map((r) => r.filter),
  };
}

export interface ProgressLine {
  months: string[];
  cumulativePercent: Array<number | null>;
  /** The quarter-end target on months 3, 6, 9 and 12; null in between (drawn as points). */
  targetPercent: Array<number | null>;
  cumulativeWan: number[];
}

export function progressLine(o: Pick<ExecutionOverview, 'byMonth' | 'byQuarter'>): ProgressLine {
  const targets = new Map(o.byQuarter.map((q) => [q.quarter * 3, q.targetBp / 100]));
  return {
    months: o.byMonth.map((m) => `${m.month}月`),
    cumulativePercent: o.byMonth.map((m) => m.cumulativePercent),
    targetPercent: o.byMonth.map((m) => targets.get(m.month) ?? null),
    cumulativeWan: o.byMonth.map((m) => wan(m.cumulativeFen)),
  };
}
