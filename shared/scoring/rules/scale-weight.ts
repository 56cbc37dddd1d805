import { type Rational, rational, roundHalfUp } from '../rational.ts';

/** round(factor × weight) in centi, half-up on the exact product, clamped to [0, weight]. */
export function scaleWeight(weightCenti: number, factor: Rational): number {
  const raw = roundHalfUp(rational(factor.num * BigInt(weightCenti), factor.den));
  if (raw <= 0n) return 0;
  const w = BigInt(weightCenti);
  return Number(raw >= w ? w : raw);
}
