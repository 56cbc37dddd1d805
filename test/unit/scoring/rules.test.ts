import { describe, expect, it } from 'vitest';
import { parseDecimal, percentOf, type Rational, rational } from '../../../shared/scoring/rational.ts';
import { scoreChecklist } from '../../../shared/scoring/rules/checklist.ts';
import { scoreEqual } from '../../../shared/scoring/rules/equal.ts';
import { scorePointSteps } from '../../../shared/scoring/rules/point-steps.ts';
import { scorePositive } from '../../../shared/scoring/rules/positive.ts';
import { bandOf, bandRange, isInBand } from '../../../shared/scoring/rules/qualitative-bands.ts';
import { scoreReverse } from '../../../shared/scoring/rules/reverse.ts';

const d = (text: string): Rational => parseDecimal(text)!;
const EXEC_RATE = percentOf(3_752_630_000, 3_982_330_000)!;

describe('正向指标', () => {
  // domain-notes §1.3: only weight 12.8 gives −0.74 at the exact rate 94.232…%.
  it.each([
    [1000, 942],
    [1200, 1131],
    [1280, 1206],
    [1300, 1225],
    [1600, 1508],
  ])('weight %d centi at 3752.63 / 3982.33 scores %d', (w, expected) => {
    expect(scorePositive(EXEC_RATE, d('100'), w)).toBe(expected);
  });

  it('rounds the exact rate, not the printed 94.23 %', () => {
    // 12.8 × 0.9423 = 12.06144 and 12.8 × 0.942320… = 12.0617…: both 12.06, but the rule must use the exact one.
    expect(scorePositive(d('94.23'), d('100'), 1280)).toBe(1206);
    // A case where the printed rate would round differently: 0.125 × 1 point.
    expect(scorePositive(rational(1, 8), d('1'), 4)).toBe(1); // 0.5 centi rounds half up
    expect(scorePositive(rational(1249, 10000), d('1'), 4)).toBe(0);
  });

  it.each([
    ['97.5', '100', 200, 195],
    ['100', '100', 200, 200],
    ['120', '100', 200, 200],
    ['0', '100', 200, 0],
    ['-5', '100', 200, 0],
    ['50', '0', 300, 300],
    ['33.333', '100', 300, 100],
    ['66.665', '100', 300, 200],
  ])('actual %s target %s weight %d → %d', (a, t, w, s) => {
    expect(scorePositive(d(a), d(t), w)).toBe(s);
  });
});

describe('等于指标', () => {
  it('target 0 is met only at 0 or below', () => {
    expect(scoreEqual(d('0'), d('0'), 500)).toBe(500);
    expect(scoreEqual(d('1'), d('0'), 500)).toBe(0);
    expect(scoreEqual(d('-1'), d('0'), 500)).toBe(500);
  });
  it('a positive target scores as 正向', () => {
    expect(scoreEqual(d('9'), d('10'), 500)).toBe(450);
    expect(scoreEqual(d('11'), d('10'), 500)).toBe(500);
  });
});

describe('反向指标', () => {
  it.each([
    ['5.77', '10', 120, 120],
    ['10', '10', 120, 120],
    ['15', '10', 120, 60],
    ['12.5', '10', 120, 90],
    ['19.99', '10', 100, 0], // 0.1 centi rounds to 0
    ['20', '10', 120, 0],
    ['35', '10', 120, 0],
    ['0', '0', 120, 120],
    ['0.01', '0', 120, 0],
  ])('actual %s target %s weight %d → %d', (a, t, w, s) => {
    expect(scoreReverse(d(a), d(t), w)).toBe(s);
  });
});

describe('按百分点扣分', () => {
  const base = { target: d('100'), direction: 'below' as const, step: d('1'), pointsPerStepCenti: 10 };
  it('deducts k per point below, proportionally, down to 0', () => {
    expect(scorePointSteps(d('94.23'), { ...base, counting: 'proportional' }, 300)).toBe(242); // 5.77 × 0.1 = 0.577
    expect(scorePointSteps(d('100'), { ...base, counting: 'proportional' }, 300)).toBe(300);
    expect(scorePointSteps(d('0'), { ...base, counting: 'proportional' }, 300)).toBe(0);
  });
  it('counts only whole steps when asked', () => {
    expect(scorePointSteps(d('94.23'), { ...base, counting: 'whole' }, 300)).toBe(250);
  });
  it('deducts above the target in the "above" direction', () => {
    const p = { ...base, direction: 'above' as const, pointsPerStepCenti: 30, counting: 'proportional' as const };
    expect(scorePointSteps(d('102'), p, 300)).toBe(240);
    expect(scorePointSteps(d('98'), p, 300)).toBe(300);
  });
});

describe('定性指标 bands', () => {
  it('splits a weight into 80–100 %, 60–80 %, 0–60 %', () => {
    expect(bandRange('achieved', 1280)).toEqual({ min: 1024, max: 1280 });
    expect(bandRange('partial', 1280)).toEqual({ min: 768, max: 1023 });
    expect(bandRange('not_achieved', 1280)).toEqual({ min: 0, max: 767 });
    expect(bandRange('achieved', 125)).toEqual({ min: 100, max: 125 });
    expect(bandRange('partial', 125)).toEqual({ min: 75, max: 99 });
  });
  it('has empty bands only for weights too small to split', () => {
    expect(bandRange('partial', 1)).toBeNull();
    expect(bandRange('achieved', 1)).toEqual({ min: 1, max: 1 });
  });
  it('places a score in exactly one band', () => {
    expect(bandOf(1024, 1280)).toBe('achieved');
    expect(bandOf(1023, 1280)).toBe('partial');
    expect(isInBand('achieved', 1281, 1280)).toBe(false);
    expect(isInBand('not_achieved', -1, 1280)).toBe(false);
  });
});

describe('是否判断', () => {
  it('is all or nothing', () => {
    expect(scoreChecklist('yes', 200)).toBe(200);
    expect(scoreChecklist('no', 200)).toBe(0);
  });
});
