import { describe, expect, it } from 'vitest';
import { breakdownRow, mergeBreakdown, orderBy } from '../../../shared/budget/breakdown-rows.ts';

const id = (key: string) => ({ label: `L${key}`, code: key, filter: { econPrefix: key } });

describe('breakdown rows', () => {
  it('derives balance and an exact execution rate; no budget means no rate', () => {
    const r = breakdownRow('301', id('301'), { initialFen: 90, adjustmentFen: 10, finalFen: 100, lineCount: 2 }, { actualFen: 120, txnCount: 3 });
    expect(r.balanceFen).toBe(-20);
    expect(r.executionRate).toEqual({ num: 120, den: 100 });
    expect(r.executionPercent).toBe(120);
    expect(r.lastYear).toBeNull();
    const noBudget = breakdownRow('x', id('x'), { initialFen: 0, adjustmentFen: 0, finalFen: 0, lineCount: 0 }, { actualFen: 5, txnCount: 1 });
    expect(noBudget.executionRate).toBeNull();
    expect(noBudget.executionPercent).toBeNull();
  });

  it('joins budget-only and spending-only keys, in the given order', () => {
    const rows = mergeBreakdown({
      budget: [{ key: 'b', initialFen: 10, adjustmentFen: 0, finalFen: 10, lineCount: 1 }],
      actual: [{ key: 'a', actualFen: 7, txnCount: 2 }],
      describe: id,
      compare: orderBy(['b', 'a']),
    });
    expect(rows.map((r) => [r.key, r.finalFen, r.actualFen])).toEqual([
      ['b', 10, 0],
      ['a', 0, 7],
    ]);
  });

  it('adds last year and the change; keeps a key that only existed last year', () => {
    const rows = mergeBreakdown({
      budget: [{ key: '301', initialFen: 100, adjustmentFen: 0, finalFen: 100, lineCount: 1 }],
      actual: [{ key: '301', actualFen: 130, txnCount: 1 }],
      lastYear: {
        budget: [{ key: '310', initialFen: 50, adjustmentFen: 0, finalFen: 50, lineCount: 1 }],
        actual: [
          { key: '301', actualFen: 100, txnCount: 1 },
          { key: '310', actualFen: 40, txnCount: 1 },
          { key: '399', actualFen: 0, txnCount: 1 },
        ],
      },
      describe: id,
    });
    expect(rows.map((r) => [r.key, r.actualFen, r.lastYear, r.actualChangeFen, r.actualChangePercent])).toEqual([
      ['301', 130, { finalFen: 0, actualFen: 100 }, 30, 30],
      ['310', 0, { finalFen: 50, actualFen: 40 }, -40, -100],
    ]);
  });

  it('orders unknown keys after known ones', () => {
    expect(['z', 'b', 'y', 'a'].sort(orderBy(['b', 'a']))).toEqual(['b', 'a', 'y', 'z']);
  });
});
