import { formatWan } from '../money/fen.ts';
import { formatPercent, percentNumber, ratio } from '../money/rate.ts';
import type { AdjustmentRate } from './schemas.ts';

// 预算调整率 = 调整数 ÷ 年初预算数 (财预〔2013〕53号 共性指标; domain-notes §1.5), where 调整数 is the
// net of the year's additions and cuts (调整后预算 − 年初预算). It is deliberately not
// (预算 − 执行)/预算: that is the unspent share, which the model report's 5.77 % happens to equal.

export const ADJUSTMENT_RATE_DEFINITION =
  '预算调整率 = 预算调整数 ÷ 年初预算数 × 100%；预算调整数为年度内追加、追减预算指标的净额（调整后预算数 − 年初预算数）。';

export function adjustmentRate(initialFen: number, adjustmentFen: number): AdjustmentRate {
  const r = ratio(adjustmentFen, initialFen);
  const formulaText =
    r === null
      ? `预算调整率 = 调整数 ÷ 年初预算数：年初预算数为 0，无法计算。`
      : `预算调整率 = 调整数 ÷ 年初预算数 × 100% = ${formatWan(adjustmentFen)} ÷ ${formatWan(initialFen)} × 100% = ${formatPercent(r)}%（金额单位：万元）`;
  return {
    initialFen,
    adjustmentFen,
    finalFen: initialFen + adjustmentFen,
    rate: r,
    percent: percentNumber(r),
    formulaText,
    definitionText: ADJUSTMENT_RATE_DEFINITION,
  };
}
