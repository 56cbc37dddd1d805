import { describe, expect, it } from 'vitest';
import { indicatorCompletion, projectIndicatorRate, type TargetActual } from '../../../shared/scoring/project-indicator-completion.ts';
import { div, formatRational, parseDecimal, rational } from '../../../shared/scoring/rational.ts';
import { scoreReverse } from '../../../shared/scoring/rules/reverse.ts';
import { scaleWeight } from '../../../shared/scoring/rules/scale-weight.ts';

const up = (targetValue: string | null, actualValue: string | null): TargetActual => ({ direction: 'higher', targetValue, actualValue });
const down = (targetValue: string | null, actualValue: string | null): TargetActual => ({ direction: 'lower', targetValue, actualValue });
/** [met, 完成率 to 2 places or null] */
const shown = (i: TargetActual) => {
  const c = indicatorCompletion(i);
  return [c.met, c.ratePercent === null ? null : formatRational(c.ratePercent, 2)];
};

describe('project indicator completion: 正向 (higher is better)', () => {
  it('meets the target at or above it, and gives the exact, uncapped rate', () => {
    const c = indicatorCompletion(up('95', '98.6'));
    expect(c.met).toBe(true);
    expect(formatRational(c.ratePercent!, 4)).toBe('103.7895');
    expect(indicatorCompletion(up('95', '95')).met).toBe(true);
    expect(indicatorCompletion(up('95', '94.99')).met).toBe(false);
  });

  it('does not count an indicator without both figures; a zero target has no rate', () => {
    expect(indicatorCompletion(up(null, '3'))).toEqual({ met: null, ratePercent: null });
    expect(indicatorCompletion(up('3', null))).toEqual({ met: null, ratePercent: null });
    expect(indicatorCompletion(up('0', '3'))).toEqual({ met: true, ratePercent: null });
    expect(shown(up('30', '0'))).toEqual([false, '0.00']);
  });
});

describe('project indicator completion: 反向 (lower is better)', () => {
  it('meets the target at or below it with 100%, and falls linearly to 0 at twice the target', () => {
    expect(shown(down('15', '12'))).toEqual([true, '100.00']);
    expect(shown(down('15', '15'))).toEqual([true, '100.00']);
    // 18 working days against ≤15: (2·15 − 18) / 15 = 80 %.
    expect(shown(down('15', '18'))).toEqual([false, '80.00']);
    expect(shown(down('1', '1.25'))).toEqual([false, '75.00']);
    expect(shown(down('15', '29.99'))).toEqual([false, '0.07']);
    expect(shown(down('15', '30'))).toEqual([false, '0.00']);
    expect(shown(down('15', '45'))).toEqual([false, '0.00']);
  });

  it('an actual of 0 fully meets any non-negative target', () => {
    expect(shown(down('15', '0'))).toEqual([true, '100.00']);
    expect(shown(down('0', '0'))).toEqual([true, '100.00']);
  });

  it('a target of 0 (no complaints, no accidents) is met only at 0 or below, else 0%', () => {
    expect(shown(down('0', '1'))).toEqual([false, '0.00']);
    expect(shown(down('0', '0.01'))).toEqual([false, '0.00']);
  });

  it('does not count an indicator without both figures', () => {
    expect(indicatorCompletion(down('15', null))).toEqual({ met: null, ratePercent: null });
    expect(indicatorCompletion(down(null, '12'))).toEqual({ met: null, ratePercent: null });
  });

  it('gives the same share the 反向指标 scoring rule gives', () => {
    for (const [t, a] of [
      ['15', '18'],
      ['4', '2.5'],
      ['1', '1.999'],
      ['0', '3'],
    ] as const) {
      const rate = indicatorCompletion(down(t, a)).ratePercent!;
      // 完成率 × 10 分 is what a 10-point 反向指标 with this target scores for this actual.
      expect(scaleWeight(1000, div(rate, rational(100)))).toBe(scoreReverse(parseDecimal(a)!, parseDecimal(t)!, 1000));
    }
  });
});

describe('项目绩效目标完成率', () => {
  it('counts met indicators of both directions over those with both figures', () => {
    const rate = projectIndicatorRate([
      up('95', '98'),
      up('90', '80'),
      up('10', null),
      down('15', '12'), // met
      down('1', '1.5'), // missed
      down('0', '0'), // met
    ]);
    expect([rate.met, rate.counted, formatRational(rate.value!, 2)]).toEqual([3, 5, '60.00']);
  });

  it('flips with the direction: the same figures meet as 反向 what they miss as 正向', () => {
    expect(projectIndicatorRate([up('15', '12'), up('95', '98')]).met).toBe(1);
    expect(projectIndicatorRate([down('15', '12'), up('95', '98')]).met).toBe(2);
    expect(projectIndicatorRate([down('15', '12'), down('95', '98')]).met).toBe(1);
  });

  it('is null when nothing has both figures', () => {
    expect(projectIndicatorRate([]).value).toBeNull();
    expect(projectIndicatorRate([down('15', null), up(null, '3')])).toEqual({ value: null, met: 0, counted: 0 });
  });
});
