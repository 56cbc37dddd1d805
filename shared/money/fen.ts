// Money is an integer number of fen (分) everywhere in code and storage. These helpers are the only
// place a decimal string becomes fen or fen becomes text; they never go through a float.

export type Fen = number;

export const FEN_PER_WAN = 1_000_000;

export function assertFen(value: number, what = '金额'): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what}必须是整数分：${value}`);
  return value;
}

/**
 * Parses a plain decimal string ("-1234.5", "0.07") scaled by 10^shift into an integer, rounding
 * half away from zero at the last kept digit. Returns null if the text is not a plain decimal.
 */
export function decimalTextToScaledInt(text: string, shift: number): number | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return null;
  const [, sign = '', intPart = '', fracPart = ''] = m;
  if (intPart === '' && fracPart === '') return null;
  const digits = (intPart || '0') + fracPart.padEnd(shift + 1, '0');
  const keep = (intPart || '0').length + shift;
  const kept = BigInt(digits.slice(0, keep) || '0');
  const next = Number(digits[keep] ?? '0');
  const rounded = next >= 5 ? kept + 1n : kept;
  const value = Number(sign === '-' ? -rounded : rounded);
  if (!Number.isSafeInteger(value)) return null;
  return value === 0 ? 0 : value;
}

export function yuanTextToFen(text: string): Fen | null {
  return decimalTextToScaledInt(text, 2);
}

export function wanTextToFen(text: string): Fen | null {
  return decimalTextToScaledInt(text, 6);
}

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fen divided by 10^places, rounded half away from zero to `decimals` places, as text. */
function scaledText(fen: Fen, places: number, decimals: number, grouping: boolean): string {
  assertFen(fen);
  const neg = fen < 0;
  let abs = BigInt(Math.abs(fen));
  const drop = places - decimals;
  if (drop > 0) {
    const div = 10n ** BigInt(drop);
    const q = abs / div;
    const r = abs % div;
    abs = r * 2n >= div ? q + 1n : q;
  }
  const s = abs.toString().padStart(decimals + 1, '0');
  const intDigits = s.slice(0, s.length - decimals);
  const frac = decimals > 0 ? `.${s.slice(s.length - decimals)}` : '';
  const body = (grouping ? groupThousands(intDigits) : intDigits) + frac;
  return neg && /[1-9]/.test(body) ? `-${body}` : body;
}

/** 3982330000 → "3982.33" (万元, 2 decimals, half-up). */
export function formatWan(fen: Fen, opts: { grouping?: boolean } = {}): string {
  return scaledText(fen, 6, 2, opts.grouping ?? false);
}

/** 123456 → "1,234.56" (元). */
export function formatYuan(fen: Fen, opts: { grouping?: boolean } = {}): string {
  return scaledText(fen, 2, 2, opts.grouping ?? true);
}

/** Editable text in 元 without grouping: 123456 → "1234.56". */
export function fenToYuanText(fen: Fen): string {
  return scaledText(fen, 2, 2, false);
}

/** Editable text in 万元 keeping every fen, at least two decimals: 123456 → "0.123456", 40000000 → "40.00". */
export function fenToWanText(fen: Fen): string {
  return scaledText(fen, 6, 6, false).replace(/(\.\d\d\d*?)0+$/, '$1');
}

export type AmountUnit = 'yuan' | 'wan';

export function parseAmountInUnit(text: string, unit: AmountUnit): Fen | null {
  const cleaned = text.replace(/[,，\s]/g, '');
  return unit === 'wan' ? wanTextToFen(cleaned) : yuanTextToFen(cleaned);
}
