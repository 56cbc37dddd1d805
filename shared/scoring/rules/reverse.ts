import { compare, div, type Rational, rational, sub } from '../rational.ts';
import { scaleWeight } from './scale-weight.ts';

/**
 * 反向指标 (lower is better): actual ≤ target → full weight; between target and twice the target the
 * score falls linearly, round((2·target − actual) / target × weight, 2); at twice the target or above, 0.
 * With a target of 0 any positive actual scores 0.
 */
export function scoreReverse(actual: Rational, target: Rational, weightCenti: number): number {
  if (compare(actual, target) <= 0) return weightCenti;
  if (target.num <= 0n) return 0;
  const twice = rational(target.num * 2n, target.den);
  if (compare(actual, twice) >= 0) return 0;
  return scaleWeight(weightCenti, div(sub(twice, actual), target));
}
