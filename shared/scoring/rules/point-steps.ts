import { compare, div, floorRational, type Rational, rational, roundHalfUp, sub } from '../rational.ts';

export interface PointStepsParams {
  target: Rational;
  direction: 'below' | 'above';
  /** Size of one step in the value's unit (one percentage point = 1). */
  step: Rational;
  /** Centi-points deducted per step. */
  pointsPerStepCenti: number;
  counting: 'proportional' | 'whole';
}

/**
 * "每低于（超过）一个百分点扣 k 分，扣完为止": no deduction on the good side of the target; otherwise
 * k per step of distance (proportionally, or per completed step), never below 0.
 */
export function scorePointSteps(actual: Rational, params: PointStepsParams, weightCenti: number): number {
  const gap = params.direction === 'below' ? sub(params.target, actual) : sub(actual, params.target);
  if (compare(gap, rational(0)) <= 0) return weightCenti;
  const steps = div(gap, params.step);
  const k = BigInt(params.pointsPerStepCenti);
  const deduction =
    params.counting === 'whole' ? floorRational(steps) * k : roundHalfUp(rational(steps.num * k, steps.den));
  const score = BigInt(weightCenti) - deduction;
  return score <= 0n ? 0 : Number(score);
}
