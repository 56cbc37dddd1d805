// Periods are 'YYYY-MM' text, the same as ledger_txn.period, so they compare and group as strings.

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

export function monthPeriod(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function quarterOfMonth(month: number): Quarter {
  return Math.ceil(month / 3) as Quarter;
}

/** Inclusive first and last period of a quarter of `year`. */
export function quarterPeriodRange(year: number, quarter: number): { from: string; to: string } {
  return { from: monthPeriod(year, quarter * 3 - 2), to: monthPeriod(year, quarter * 3) };
}

/** Month number of a period inside `year`, or null when the period belongs to another year. */
export function monthOfPeriod(period: string, year: number): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m || Number(m[1]) !== year) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? month : null;
}

export function isPeriodInYear(period: string, year: number): boolean {
  return monthOfPeriod(period, year) !== null;
}
