import { compare, div, type Rational, rational, sub } from '../rational.ts';
import { scaleWeight } from './scale-weight.ts';

/**
 * The share of a 反向指标's (lower is better) weight an actual earns: 1 at or below the target;
 * between the target and twice the target it falls linearly, (2·target − actual) / target; at twice
 * the target or above, 0. With a target of 0 or less any actual above it earns 0. A project
 * indicator's 完成率 uses the same share, so the annex and the score sheet agree.
 */
export function reverseShare(actual: Rational, target: Rational): Rational {
  if (compare(actual, target) <= 0) return rational(1);
  if (target.num <= 0n) return rational(0);
  const twice = rational(target.num * 2n, target.den);
  if (compare(actual, twice) >= 0) return rational(0);
  return div(sub(twice, actual), target);
}

/** 反向指标: round(reverseShare × weight, 2) — full weight at or below the target. */
export function scoreReverse(actual: Rational, target: Rational, weightCenti: number): number {
  if (compare(actual, target) <= 0) return weightCenti;
  return scaleWeight(weightCenti, reverseShare(actual, target));
}
