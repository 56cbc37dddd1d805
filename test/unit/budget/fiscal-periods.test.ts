import { describe, expect, it } from 'vitest';
import { isPeriodInYear, monthOfPeriod, monthPeriod, quarterOfMonth, quarterPeriodRange } from '../../../shared/budget/fiscal-periods.ts';

describe('fiscal periods', () => {
  it('maps months, quarters and periods', () => {
    expect(monthPeriod(2021, 3)).toBe('2021-03');
    expect([1, 3, 4, 12].map(quarterOfMonth)).toEqual([1, 1, 2, 4]);
    expect(quarterPeriodRange(2021, 2)).toEqual({ from: '2021-04', to: '2021-06' });
    expect(monthOfPeriod('2021-12', 2021)).toBe(12);
    expect(monthOfPeriod('2020-12', 2021)).toBeNull();
    expect(monthOfPeriod('2021-13', 2021)).toBeNull();
    expect(isPeriodInYear('2022-01', 2021)).toBe(false);
  });
});
