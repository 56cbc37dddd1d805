// Running totals of what an import adds: money out and in (a reversal counts with its sign), the
// date range, and for budgets the initial / adjustment / final sums.

import type { BudgetRow, BudgetTotals, LedgerRow, LedgerTotals } from './schemas.ts';

export class LedgerTotalsBuilder {
  private out = 0;
  private inn = 0;
  private from: string | null = null;
  private to: string | null = null;

  add(row: LedgerRow): void {
    if (row.direction === 'out') this.out += row.amountFen;
    else this.inn += row.amountFen;
    if (this.from === null || row.date < this.from) this.from = row.date;
    if (this.to === null || row.date > this.to) this.to = row.date;
  }

  result(): LedgerTotals {
    return { outflowFen: this.out, inflowFen: this.inn, dateFrom: this.from, dateTo: this.to };
  }
}

export class BudgetTotalsBuilder {
  private initial = 0;
  private adjustment = 0;

  add(row: BudgetRow): void {
    this.initial += row.initialFen;
    this.adjustment += row.adjustmentFen;
  }

  result(): BudgetTotals {
    return { initialFen: this.initial, adjustmentFen: this.adjustment, finalFen: this.initial + this.adjustment };
  }
}
