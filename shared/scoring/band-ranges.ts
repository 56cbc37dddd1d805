import { parseDecimal } from './rational.ts';
import type { RuleSpec } from './rule-spec.ts';
import type { ScoreBandRange } from './rules/score-bands.ts';

type BandsRule = Extract<RuleSpec, { type: 'bands' }>;

/** A 区间计分 rule's ranges as exact numbers; null if a bound or points value is not a number. */
export function bandRanges(rule: BandsRule): ScoreBandRange[] | null {
  const out: ScoreBandRange[] = [];
  for (const b of rule.bands) {
    const points = parseDecimal(b.points);
    const from = b.from ? parseDecimal(b.from.value) : undefined;
    const to = b.to ? parseDecimal(b.to.value) : undefined;
    if (points === null || from === null || to === null) return null;
    const centi = points.num * 100n;
    if (centi % points.den !== 0n) return null;
    out.push({
      from: b.from && from ? { value: from, inclusive: b.from.inclusive } : undefined,
      to: b.to && to ? { value: to, inclusive: b.to.inclusive } : undefined,
      pointsCenti: Number(centi / points.den),
    });
  }
  return out;
}
