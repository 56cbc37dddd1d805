import { describe, expect, it } from 'vitest';
import { indicatorCompletion, projectIndicatorRate } from '../../../shared/scoring/project-indicator-completion.ts';
import { formatRational } from '../../../shared/scoring/rational.ts';

describe('project indicator completion', () => {
  it('meets the target at or above it, and gives the exact rate', () => {
    const c = indicatorCompletion({ targetValue: '95', actualValue: '98.6' });
    expect(c.met).toBe(true);
    expect(formatRational(c.ratePercent!, 4)).toBe('103.7895');
    expect(indicatorCompletion({ targetValue: '95', actualValue: '95' }).met).toBe(true);
    expect(indicatorCompletion({ targetValue: '95', actualValue: '94.99' }).met).toBe(false);
  });

  it('does not count an indicator without both figures; a zero target has no rate', () => {
    expect(indicatorCompletion({ targetValue: null, actualValue: '3' })).toEqual({ met: null, ratePercent: null });
    expect(indicatorCompletion({ targetValue: '0', actualValue: '3' })).toEqual({ met: true, ratePercent: null });
    const rate = projectIndicatorRate([
      { targetValue: '95', actualValue: '98' },
      { targetValue: '90', actualValue: '80' },
      { targetValue: '10', actualValue: null },
    ]);
    expect([rate.met, rate.counted, formatRational(rate.value!, 2)]).toEqual([1, 2, '50.00']);
    expect(projectIndicatorRate([]).value).toBeNull();
  });
});
