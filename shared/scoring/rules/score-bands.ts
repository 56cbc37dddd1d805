import { compare, type Rational } from '../rational.ts';

// 区间计分: ranges of the value, each worth fixed points. Bounds are explicit about whether they
// belong to the range, so "0", "(0,10%]" and "> 30%" are all written the same way.

export interface BandBound {
  value: Rational;
  inclusive: boolean;
}

export interface ScoreBandRange {
  from?: BandBound | undefined;
  to?: BandBound | undefined;
  pointsCenti: number;
}

export function inRange(value: Rational, band: Pick<ScoreBandRange, 'from' | 'to'>): boolean {
  if (band.from) {
    const c = compare(value, band.from.value);
    if (c < 0 || (c === 0 && !band.from.inclusive)) return false;
  }
  if (band.to) {
    const c = compare(value, band.to.value);
    if (c > 0 || (c === 0 && !band.to.inclusive)) return false;
  }
  return true;
}

/** A range that no value can fall in (lower end above the upper, or one point left open). */
export function isEmptyRange(band: Pick<ScoreBandRange, 'from' | 'to'>): boolean {
  if (!band.from || !band.to) return false;
  const c = compare(band.from.value, band.to.value);
  return c > 0 || (c === 0 && !(band.from.inclusive && band.to.inclusive));
}

/** Whether two ranges share a value (checked at the ends and, for overlaps, at the inner ends). */
export function rangesOverlap(a: Pick<ScoreBandRange, 'from' | 'to'>, b: Pick<ScoreBandRange, 'from' | 'to'>): boolean {
  if (isEmptyRange(a) || isEmptyRange(b)) return false;
  // The intersection's lower end is the higher of the two lower ends (the stricter on ties).
  const lower = [a.from, b.from].filter((x): x is BandBound => x !== undefined).sort((x, y) => compare(y.value, x.value) || Number(x.inclusive) - Number(y.inclusive))[0];
  const upper = [a.to, b.to].filter((x): x is BandBound => x !== undefined).sort((x, y) => compare(x.value, y.value) || Number(x.inclusive) - Number(y.inclusive))[0];
  return !isEmptyRange({ from: lower, to: upper });
}

/** The points of the range the value is in; null when it is in none. */
export function scoreBands(value: Rational, bands: readonly ScoreBandRange[]): { pointsCenti: number; index: number } | null {
  const index = bands.findIndex((b) => inRange(value, b));
  return index < 0 ? null : { pointsCenti: bands[index]!.pointsCenti, index };
}

/** "0", "(0, 10%]", "> 30%", "≤ 5%": a range as the score sheet prints it. */
export function rangeText(band: Pick<ScoreBandRange, 'from' | 'to'>, fmt: (r: Rational) => string): string {
  const { from, to } = band;
  if (from && to && compare(from.value, to.value) === 0) return fmt(from.value);
  if (from && to) return `${from.inclusive ? '[' : '('}${fmt(from.value)}, ${fmt(to.value)}${to.inclusive ? ']' : ')'}`;
  if (from) return `${from.inclusive ? '≥' : '>'} ${fmt(from.value)}`;
  if (to) return `${to.inclusive ? '≤' : '<'} ${fmt(to.value)}`;
  return '任意值';
}
