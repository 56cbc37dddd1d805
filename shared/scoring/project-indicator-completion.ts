import { compare, div, mul, parseDecimal, percentOf, type Rational, rational } from './rational.ts';

// Whether a project's own 产出/效益/满意度 indicator met its target, and the share of a year's
// project indicators that did (项目绩效目标完成率). Project indicators are written as "higher is
// better" figures (完成数量、达标率、满意度), so an indicator is met when actual ≥ target.

export interface TargetActual {
  targetValue: string | null;
  actualValue: string | null;
}

export interface IndicatorCompletion {
  /** null when target or actual is missing or not a number: the indicator is not counted. */
  met: boolean | null;
  /** actual ÷ target × 100, in percent; null when it cannot be computed (no figures, target 0). */
  ratePercent: Rational | null;
}

export function indicatorCompletion(i: TargetActual): IndicatorCompletion {
  const target = i.targetValue === null ? null : parseDecimal(i.targetValue);
  const actual = i.actualValue === null ? null : parseDecimal(i.actualValue);
  if (target === null || actual === null) return { met: null, ratePercent: null };
  return {
    met: compare(actual, target) >= 0,
    ratePercent: target.num === 0n ? null : mul(div(actual, target), rational(100)),
  };
}

export interface CompletionRate {
  /** Met ÷ counted × 100; null when no indicator has both figures. */
  value: Rational | null;
  met: number;
  counted: number;
}

/** 项目绩效目标完成率 over the indicators that have both a target and an actual value. */
export function projectIndicatorRate(items: readonly TargetActual[]): CompletionRate {
  let met = 0;
  let counted = 0;
  for (const i of items) {
    const c = indicatorCompletion(i);
    if (c.met === null) continue;
    counted += 1;
    if (c.met) met += 1;
  }
  return { value: percentOf(met, counted), met, counted };
}
