// Chinese official-document numbering: 一、 → （一） → 1. → （1）. Generated here only, so the PDF, the
// Word file and the preview can never disagree about which number a section has.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九; beyond 99 falls back to Arabic digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

/** The label that precedes a heading of `level` numbered `n` (1-based). */
export function headingNumber(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** "一是" "二是" … for enumerating items inside one paragraph. */
export function ordinalLead(n: number): string {
  return `${chineseNumeral(n)}是`;
}

/** Counters for one document: next(level) numbers a heading and restarts every deeper level. */
export class HeadingCounter {
  private readonly counts = [0, 0, 0, 0];

  next(level: HeadingLevel): string {
    const i = level - 1;
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    for (let d = i + 1; d < this.counts.length; d++) this.counts[d] = 0;
    return headingNumber(level, this.counts[i]!);
  }
}
