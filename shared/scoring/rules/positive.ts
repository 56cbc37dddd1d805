import { compare, div, type Rational } from '../rational.ts';
import { scaleWeight } from './scale-weight.ts';

/**
 * 正向指标 (higher is better): actual ≥ target → full weight; otherwise round(actual / target × weight, 2).
 * A target of 0 or less is met by any actual at or above it. Negative actuals score 0.
 */
export function scorePositive(actual: Rational, target: Rational, weightCenti: number): number {
  if (compare(actual, target) >= 0) return weightCenti;
  if (target.num <= 0n || actual.num <= 0n) return 0;
  return scaleWeight(weightCenti, div(actual, target));
}
