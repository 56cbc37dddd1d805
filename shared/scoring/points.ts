import { decimalTextToScaledInt } from '../money/fen.ts';

// Scores and weights are integer centi-points (12.8 分 = 1280) in code and storage. These helpers are
// the only place centi becomes text or a JSON number.

export type Centi = number;

export function assertCenti(value: number, what = '分值'): Centi {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what}必须是整数（以 0.01 分计）：${value}`);
  return value;
}

/** 1526 → "15.26", 400 → "4", 1250 → "12.5", 5 → "0.05": the way the report prints points. */
export function formatPoints(centi: Centi): string {
  assertCenti(centi);
  const neg = centi < 0;
  const abs = Math.abs(centi);
  const whole = Math.trunc(abs / 100);
  const frac = abs % 100;
  let text = String(whole);
  if (frac !== 0) text += `.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
  return neg ? `-${text}` : text;
}

/** 9421 → 94.21 as a JSON number (the nearest double prints as the decimal). */
export function pointsNumber(centi: Centi): number {
  return assertCenti(centi) / 100;
}

/**
 * "12.8" → 1280. Returns null for text that is not a plain decimal or has more than two decimal
 * places, because a weight or score finer than 0.01 分 cannot be stored.
 */
export function parsePointsText(text: string): Centi | null {
  const trimmed = text.trim();
  const frac = /\.(\d*)$/.exec(trimmed)?.[1] ?? '';
  if (frac.replace(/0+$/, '').length > 2) return null;
  return decimalTextToScaledInt(trimmed, 2);
}

/** A points number from JSON (12.8) → 1280, or null if it is not finite or finer than 0.01. */
export function pointsNumberToCenti(value: number): Centi | null {
  if (!Number.isFinite(value)) return null;
  return parsePointsText(String(value));
}
