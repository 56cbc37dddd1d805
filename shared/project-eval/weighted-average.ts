import { type Rational, rational } from '../scoring/rational.ts';

export interface ScoredBudget {
  totalCenti: number;
  finalFen: number;
}

/**
 * 项目自评平均分: the projects' totals weighted by their 全年预算数, exact (in points). Projects
 * without a budget carry no weight; null when no project has one.
 */
export function budgetWeightedAverage(projects: readonly ScoredBudget[]): Rational | null {
  let num = 0n;
  let den = 0n;
  for (const p of projects) {
    if (p.finalFen <= 0) continue;
    num += BigInt(p.totalCenti) * BigInt(p.finalFen);
    den += BigInt(p.finalFen);
  }
  return den === 0n ? null : rational(num, den * 100n);
}
