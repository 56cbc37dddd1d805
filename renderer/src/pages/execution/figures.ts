import { formatWan } from '../../../../shared/money/fen.ts';
import { formatPercent, type Ratio } from '../../../../shared/money/rate.ts';

// How 预算执行 figures are written on screen: 万元 with 2 decimals, rates from the exact ratio.

export const wan = (fen: number): string => formatWan(fen);

/** "94.23%", or "—" when there is no denominator (no budget is not 0 %). */
export function percentText(r: Ratio | null): string {
  return r === null ? '—' : `${formatPercent(r)}%`;
}

/** A change in 万元 with its sign: "+12.30", "-4.00", "0.00". */
export function signedWan(fen: number): string {
  const text = formatWan(fen);
  return fen > 0 && text !== '0.00' ? `+${text}` : text;
}

/** A change rate with its sign: "+3.20%". */
export function signedPercentText(r: Ratio | null): string {
  const text = percentText(r);
  const positive = r !== null && r.num !== 0 && r.num > 0 === r.den > 0;
  return positive && !text.startsWith('0.00') ? `+${text}` : text;
}
