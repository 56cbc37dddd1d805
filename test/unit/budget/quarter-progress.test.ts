import { describe, expect, it } from 'vitest';
import { DEFAULT_EXECUTION_TARGETS_BP, monthRows, quarterRows, targetAmountFen } from '../../../shared/budget/quarter-progress.ts';

describe('quarter progress', () => {
  it('turns a target in hundredths of a percent into fen, half away from zero', () => {
    expect(targetAmountFen(3982330000, 2500)).toBe(995582500);
    expect(targetAmountFen(3, 5000)).toBe(2); // 1.5 → 2
    expect(targetAmountFen(1, 4999)).toBe(0);
    expect(targetAmountFen(-3, 5000)).toBe(-2);
    expect(targetAmountFen(3982330000, 10000)).toBe(3982330000);
  });

  it('accumulates months (missing months are 0) and compares quarter ends with the targets', () => {
    const months = monthRows(2021, 1000, [
      { month: 1, actualFen: 100, txnCount: 1 },
      { month: 3, actualFen: 150, txnCount: 1 },
      { month: 6, actualFen: 200, txnCount: 2 },
      { month: 12, actualFen: 400, txnCount: 1 },
    ]);
    expect(months).toHaveLength(12);
    expect(months.map((m) => m.cumulativeFen)).toEqual([100, 100, 250, 250, 250, 450, 450, 450, 450, 450, 450, 850]);
    expect(months[2]).toMatchObject({ period: '2021-03', cumulativePercent: 25, filter: { month: 3, direction: 'out' } });
    const quarters = quarterRows(1000, months, DEFAULT_EXECUTION_TARGETS_BP);
    expect(quarters.map((q) => [q.quarter, q.actualFen, q.cumulativeFen, q.targetFen, q.gapFen, q.met])).toEqual([
      [1, 250, 250, 250, 0, true],
      [2, 200, 450, 500, -50, false],
      [3, 0, 450, 750, -300, false],
      [4, 400, 850, 1000, -150, false],
    ]);
    expect(quarterRows(1000, months, { 1: 3000, 2: 4000, 3: 4000, 4: 8000 }).map((q) => q.met)).toEqual([false, true, true, true]);
  });

  it('has no rate without a budget, and carries last year by month', () => {
    const months = monthRows(2021, 0, [{ month: 2, actualFen: 5, txnCount: 1 }], [{ month: 2, actualFen: 9, txnCount: 1 }]);
    expect(months[1]!.cumulativeRate).toBeNull();
    expect(months[1]!.lastYearActualFen).toBe(9);
    expect(months[0]!.lastYearActualFen).toBe(0);
  });
});
