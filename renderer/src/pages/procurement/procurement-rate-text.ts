import { formatWan } from '../../../../shared/money/fen.ts';
import { formatPercent, ratio } from '../../../../shared/money/rate.ts';

/**
 * The 政府采购执行率 with the figures it comes from, as the page shows it:
 * "4875.00 ÷ 5000.00 × 100% = 97.50%". Without a budget there is no rate (not 0 %).
 */
export function procurementRateFormula(plannedFen: number, actualFen: number): string {
  const r = ratio(actualFen, plannedFen);
  const result = r === null ? '—（没有政府采购预算）' : `${formatPercent(r)}%`;
  return `${formatWan(actualFen)} ÷ ${formatWan(plannedFen)} × 100% = ${result}`;
}
