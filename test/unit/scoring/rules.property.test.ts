import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, type Rational, rational } from '../../../shared/scoring/rational.ts';
import { scoreEqual } from '../../../shared/scoring/rules/equal.ts';
import { scorePointSteps } from '../../../shared/scoring/rules/point-steps.ts';
import { scorePositive } from '../../../shared/scoring/rules/positive.ts';
import { BANDS, bandOf, bandRange } from '../../../shared/scoring/rules/qualitative-bands.ts';
import { scoreReverse } from '../../../shared/scoring/rules/reverse.ts';

// Values: exact rationals between −200 and 400 (a rate in percent) with denominators up to 10^6.
const value = fc
  .tuple(fc.bigInt({ min: -200_000_000n, max: 400_000_000n }), fc.bigInt({ min: 1n, max: 1_000_000n }))
  .map(([n, d]) => rational(n, d));
const target = fc
  .tuple(fc.bigInt({ min: 0n, max: 200_000_000n }), fc.bigInt({ min: 1n, max: 1_000_000n }))
  .map(([n, d]) => rational(n, d));
const weight = fc.integer({ min: 0, max: 100_00 });
const pair = fc.tuple(value, value).map(([a, b]) => (compare(a, b) <= 0 ? [a, b] : [b, a]) as [Rational, Rational]);

type Rule = (actual: Rational, target: Rational, w: number) => number;
const stepsBelow: Rule = (a, t, w) =>
  scorePointSteps(a, { target: t, direction: 'below', step: rational(1), pointsPerStepCenti: 37, counting: 'proportional' }, w);
const stepsAboveWhole: Rule = (a, t, w) =>
  scorePointSteps(a, { target: t, direction: 'above', step: rational(5, 2), pointsPerStepCenti: 10, counting: 'whole' }, w);

const higherIsBetter: Array<[string, Rule]> = [
  ['正向', scorePositive],
  ['等于', scoreEqual],
  ['按百分点扣分（低于）', stepsBelow],
];
const lowerIsBetter: Array<[string, Rule]> = [
  ['反向', scoreReverse],
  ['按百分点扣分（超过，整档）', stepsAboveWhole],
];

describe.each([...higherIsBetter, ...lowerIsBetter])('%s rule bounds', (_name, rule) => {
  it('never goes above the weight nor below 0, and is a whole centi', () => {
    fc.assert(
      fc.property(value, target, weight, (a, t, w) => {
        const s = rule(a, t, w);
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(w);
      }),
    );
  });
  it('gives full marks at the target', () => {
    fc.assert(
      fc.property(target, weight, (t, w) => {
        expect(rule(t, t, w)).toBe(w);
      }),
    );
  });
});

describe.each(higherIsBetter)('%s is monotone (higher is better)', (_name, rule) => {
  it('never scores a higher value lower', () => {
    fc.assert(
      fc.property(pair, target, weight, ([lo, hi], t, w) => {
        // 等于 with target 0 is the one exception by definition: only 0 or less meets it.
        fc.pre(!(rule === scoreEqual && t.num === 0n));
        expect(rule(lo, t, w)).toBeLessThanOrEqual(rule(hi, t, w));
      }),
    );
  });
});

describe.each(lowerIsBetter)('%s is monotone (lower is better)', (_name, rule) => {
  it('never scores a lower value lower', () => {
    fc.assert(
      fc.property(pair, target, weight, ([lo, hi], t, w) => {
        expect(rule(lo, t, w)).toBeGreaterThanOrEqual(rule(hi, t, w));
      }),
    );
  });
});

describe('正向 against the plain formula', () => {
  it('equals round(actual / target × weight) below the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), weight, (a, t, w) => {
        fc.pre(a < t);
        // Exact reference in integers: round-half-up of a·w/t.
        const expected = Math.floor((2 * a * w + t) / (2 * t));
        expect(scorePositive(rational(a), rational(t), w)).toBe(expected);
      }),
    );
  });
});

describe('定性 bands', () => {
  it('partition 0…weight: every score lies in exactly one band, each band within [0, weight]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (w) => {
        const ranges = BANDS.map((b) => bandRange(b, w));
        let covered = 0;
        for (const r of ranges) {
          if (!r) continue;
          expect(r.min).toBeGreaterThanOrEqual(0);
          expect(r.max).toBeLessThanOrEqual(w);
          covered += r.max - r.min + 1;
        }
        expect(covered).toBe(w + 1);
        for (const s of [0, Math.floor(w / 2), w]) expect(bandOf(s, w)).not.toBeNull();
      }),
    );
  });
  it('keeps the band order: a better band never allows a lower maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 5000 }), (w) => {
        const [a, p, n] = BANDS.map((b) => bandRange(b, w)!);
        expect(a!.min).toBeGreaterThan(p!.max);
        expect(p!.min).toBeGreaterThan(n!.max);
        expect(a!.min * 10).toBeGreaterThanOrEqual(8 * w);
        expect(p!.max * 10).toBeLessThan(8 * w);
      }),
    );
  });
});
