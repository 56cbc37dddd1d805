import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayedWanCents, displayedWanGapFen, roundingNote } from '../../../shared/budget/display-rounding.ts';
import { formatWan } from '../../../shared/money/fen.ts';

describe('display rounding', () => {
  it('rounds to 0.01 万元 half away from zero, like formatWan', () => {
    expect(displayedWanCents(3752630000)).toBe(375263);
    expect(displayedWanCents(4999)).toBe(0);
    expect(displayedWanCents(5000)).toBe(1);
    expect(displayedWanCents(-5000)).toBe(-1);
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => {
        expect((displayedWanCents(fen) / 100).toFixed(2).replace(/^-0\.00$/, '0.00')).toBe(formatWan(fen));
      }),
    );
  });

  it('finds no gap when the shown parts add up, and the gap in 0.01 万元 steps when not', () => {
    expect(displayedWanGapFen([3260920000, 491710000], 3752630000)).toBe(0);
    expect(displayedWanGapFen([5000, 5000], 10000)).toBe(-10000);
    expect(displayedWanGapFen([4000, 4000, 4000], 12000)).toBe(10000);
    expect(roundingNote(0)).toBeNull();
    expect(roundingNote(-10000)).toBe('因分项金额按四舍五入列示，分项之和与合计相差 0.01 万元，以合计数为准。');
  });

  it('never reports a gap larger than half a display step per part', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e11 }), { minLength: 1, maxLength: 8 }), (parts) => {
        const total = parts.reduce((s, p) => s + p, 0);
        const gap = displayedWanGapFen(parts, total);
        expect(Math.abs(gap) % 10000).toBe(0);
        expect(Math.abs(gap)).toBeLessThanOrEqual(Math.ceil((parts.length + 1) / 2) * 10000);
      }),
    );
  });
});
