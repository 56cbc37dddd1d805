import type { Fen } from './fen.ts';

// Rates are exact ratios until display. A rate is null when its denominator is zero: "no budget"
// is not "0 % executed".

export interface Ratio {
  num: number;
  den: number;
}

export function ratio(num: Fen, den: Fen): Ratio | null {
  return den === 0 ? null : { num, den };
}

/**
 * Percent with `decimals` places, rounded half-up on the exact integer ratio (no float error):
 * 3752630000 / 3982330000 → "94.23".
 */
export function formatPercent(r: Ratio | null, decimals = 2): string {
  if (r === null) return '—';
  const neg = r.num < 0 !== r.den < 0 && r.num !== 0;
  const num = BigInt(Math.abs(r.num));
  const den = BigInt(Math.abs(r.den));
  const scale = 10n ** BigInt(decimals + 2);
  const scaled = num * scale;
  let q = scaled / den;
  if ((scaled % den) * 2n >= den) q += 1n;
  const s = q.toString().padStart(decimals + 1, '0');
  const out = decimals > 0 ? `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}` : s;
  return neg ? `-${out}` : out;
}

/** Percent rounded half-up to 2 decimals as a number, e.g. 94.23 — for scoring inputs and JSON. */
export function percentNumber(r: Ratio | null, decimals = 2): number | null {
  return r === null ? null : Number(formatPercent(r, decimals));
}
