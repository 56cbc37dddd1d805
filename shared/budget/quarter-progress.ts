import { percentNumber, ratio } from '../money/rate.ts';
import { MONTHS, monthPeriod, QUARTERS } from './fiscal-periods.ts';
import type { MonthRow, QuarterRow } from './schemas.ts';

// Cumulative execution by month and quarter against the quarter-end progress targets
// (execution_target; hundredths of a percent of the final budget).

export const DEFAULT_EXECUTION_TARGETS_BP: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 2500, 2: 5000, 3: 7500, 4: 10000 };

export interface MonthActual {
  month: number;
  actualFen: number;
  txnCount: number;
}

/** final × bp / 10000, rounded half away from zero to the fen, without a float. */
export function targetAmountFen(finalFen: number, targetBp: number): number {
  const num = BigInt(finalFen) * BigInt(targetBp);
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = abs / 10000n;
  const rounded = (abs % 10000n) * 2n >= 10000n ? q + 1n : q;
  return Number(neg ? -rounded : rounded);
}

export function monthRows(
  year: number,
  finalFen: number,
  actual: MonthActual[],
  lastYearActual: MonthActual[] | null = null,
): MonthRow[] {
  const byMonth = new Map(actual.map((a) => [a.month, a]));
  const lastByMonth = lastYearActual ? new Map(lastYearActual.map((a) => [a.month, a])) : null;
  let cumulative = 0;
  return MONTHS.map((month) => {
    const a = byMonth.get(month);
    cumulative += a?.actualFen ?? 0;
    const r = ratio(cumulative, finalFen);
    return {
      month,
      period: monthPeriod(year, month),
      actualFen: a?.actualFen ?? 0,
      txnCount: a?.txnCount ?? 0,
      cumulativeFen: cumulative,
      cumulativeRate: r,
      cumulativePercent: percentNumber(r),
      lastYearActualFen: lastByMonth ? (lastByMonth.get(month)?.actualFen ?? 0) : null,
      filter: { month, direction: 'out' as const },
    };
  });
}

export function quarterRows(finalFen: number, months: MonthRow[], targetsBp: Record<number, number>): QuarterRow[] {
  let cumulative = 0;
  return QUARTERS.map((quarter) => {
    const inQuarter = months.filter((m) => Math.ceil(m.month / 3) === quarter);
    const actualFen = inQuarter.reduce((s, m) => s + m.actualFen, 0);
    cumulative += actualFen;
    const targetBp = targetsBp[quarter] ?? DEFAULT_EXECUTION_TARGETS_BP[quarter];
    const targetFen = targetAmountFen(finalFen, targetBp);
    const r = ratio(cumulative, finalFen);
    return {
      quarter,
      actualFen,
      cumulativeFen: cumulative,
      cumulativeRate: r,
      cumulativePercent: percentNumber(r),
      targetBp,
      targetFen,
      gapFen: cumulative - targetFen,
      met: cumulative >= targetFen,
      filter: { quarter, direction: 'out' as const },
    };
  });
}
