// Exact non-float numbers for scoring. An indicator value such as an execution rate is the exact
// ratio of two fen sums (3752630000 / 3982330000 × 100 %), and a score is rounded only once, at the
// end, so 12.8 × 94.232…% lands on 12.06 exactly as a hand calculation does.

export interface Rational {
  num: bigint;
  /** Always > 0. */
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

/** `num / den × 100`, e.g. a fen ratio as a percent; null when the denominator is zero. */
export function percentOf(num: number, den: number): Rational | null {
  if (den === 0) return null;
  return rational(BigInt(num) * 100n, BigInt(den));
}

/**
 * Plain decimal text ("94.23", "-1.5", "100", "97.5%", "1,234.5") → exact rational. A trailing
 * percent sign is dropped because every percent indicator stores its value in percent units.
 */
export function parseDecimal(text: string): Rational | null {
  const cleaned = text.replace(/[,，\s]/g, '').replace(/[%％]$/, '');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m) return null;
  const [, sign = '', intPart = '', fracPart = ''] = m;
  if (intPart === '' && fracPart === '') return null;
  const digits = BigInt((intPart || '0') + fracPart);
  return rational(sign === '-' ? -digits : digits, 10n ** BigInt(fracPart.length));
}

/** Canonical decimal text for storage: parseDecimal("097.50%") → "97.5". */
export function normalizeDecimalText(text: string): string | null {
  const r = parseDecimal(text);
  if (r === null) return null;
  const cleaned = text.replace(/[,，\s]/g, '').replace(/[%％]$/, '');
  const frac = cleaned.includes('.') ? cleaned.split('.')[1]!.length : 0;
  return formatRational(r, frac, { trim: true });
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('rational: division by zero');
  return rational(a.num * b.den, a.den * b.num);
}

/** Round half away from zero to an integer. */
export function roundHalfUp(r: Rational): bigint {
  const neg = r.num < 0n;
  const n = neg ? -r.num : r.num;
  const q = (2n * n + r.den) / (2n * r.den);
  return neg ? -q : q;
}

export function floorRational(r: Rational): bigint {
  const q = r.num / r.den;
  return r.num < 0n && q * r.den !== r.num ? q - 1n : q;
}

/** Half-up text with `decimals` places; `trim` drops trailing zeros ("97.50" → "97.5", "100.00" → "100"). */
export function formatRational(r: Rational, decimals = 2, opts: { trim?: boolean } = {}): string {
  const scaled = roundHalfUp(rational(r.num * 10n ** BigInt(decimals), r.den));
  const neg = scaled < 0n;
  const s = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  let out = decimals > 0 ? `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}` : s;
  if (opts.trim && out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}
