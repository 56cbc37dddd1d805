import type { Rational } from '../rational.ts';
import { scorePositive } from './positive.ts';

/**
 * 等于指标 as finance-system modules define it: a target of 0 is met only by an actual of 0 or less
 * (e.g. 安全事故 0 起); a positive target scores as a 正向指标.
 */
export function scoreEqual(actual: Rational, target: Rational, weightCenti: number): number {
  if (target.num === 0n) return actual.num <= 0n ? weightCenti : 0;
  return scorePositive(actual, target, weightCenti);
}
