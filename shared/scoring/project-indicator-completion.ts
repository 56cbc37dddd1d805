import type { ProjectIndicatorDirection } from '../domain/project-indicator.ts';
import { compare, div, mul, parseDecimal, percentOf, type Rational, rational } from './rational.ts';
import { reverseShare } from './rules/reverse.ts';

// Whether a project's own 产出/效益/满意度 indicator met its target, and the share of a year's
// project indicators that did (项目绩效目标完成率). A 正向 indicator (完成数量、达标率、满意度) is
// met when actual ≥ target, a 反向 one (单位成本、办结时限、投诉率) when actual ≤ target.

export interface TargetActual {
  direction: ProjectIndicatorDirection;
  targetValue: string | null;
  actualValue: string | null;
}

export interface IndicatorCompletion {
  /** null when target or actual is missing or not a number: the indicator is not counted. */
  met: boolean | null;
  /**
   * 完成率 in percent; null when it cannot be computed. 正向: actual ÷ target × 100, uncapped so an
   * over-fulfilment shows (null for a target of 0). 反向: the 反向指标 scoring share × 100 — 100 at or
   * below the target, falling linearly to 0 at twice the target (domain notes §1.4); a target of 0
   * is 100 for an actual of 0 or less and 0 above it.
   */
  ratePercent: Rational | null;
}

const HUNDRED = rational(100);

export function indicatorCompletion(i: TargetActual): IndicatorCompletion {
  const target = i.targetValue === null ? null : parseDecimal(i.targetValue);
  const actual = i.actualValue === null ? null : parseDecimal(i.actualValue);
  if (target === null || actual === null) return { met: null, ratePercent: null };
  if (i.direction === 'lower') {
    return { met: compare(actual, target) <= 0, ratePercent: mul(reverseShare(actual, target), HUNDRED) };
  }
  return {
    met: compare(actual, target) >= 0,
    ratePercent: target.num === 0n ? null : mul(div(actual, target), HUNDRED),
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
