import { describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../../shared/report/format-date.ts';
import { formatCenti, formatCentiFixed } from '../../../shared/report/format-score.ts';
import { chineseNumeral, HeadingCounter, headingNumber, ordinalLead } from '../../../shared/report/numbering.ts';

describe('chinese numbering', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '100'],
  ])('%i → %s', (n, s) => expect(chineseNumeral(n)).toBe(s));

  it('labels the four heading levels the 公文 way', () => {
    expect([1, 2, 3, 4].map((l) => headingNumber(l as 1 | 2 | 3 | 4, 3))).toEqual(['三、', '（三）', '3.', '（3）']);
    expect(ordinalLead(2)).toBe('二是');
  });

  it('restarts deeper levels when a higher level advances', () => {
    const c = new HeadingCounter();
    expect([c.next(1), c.next(2), c.next(3), c.next(3), c.next(2), c.next(3), c.next(1), c.next(2)]).toEqual([
      '一、',
      '（一）',
      '1.',
      '2.',
      '（二）',
      '1.',
      '二、',
      '（一）',
    ]);
  });
});

describe('score and date text', () => {
  it.each([
    [9421, '94.21'],
    [4500, '45'],
    [1280, '12.8'],
    [5, '0.05'],
    [0, '0'],
    [-74, '-0.74'],
  ])('formatCenti(%i) = %s', (c, s) => expect(formatCenti(c)).toBe(s));

  it('prints fixed two decimals for tables', () => {
    expect(formatCentiFixed(4500)).toBe('45.00');
    expect(formatCentiFixed(5)).toBe('0.05');
  });

  it('rejects a fractional centi value instead of printing it', () => {
    expect(() => formatCenti(1.5)).toThrow(/整数/);
  });

  it('writes dates without leading zeros', () => {
    expect(formatChineseDate('2022-03-05')).toBe('2022年3月5日');
    expect(() => formatChineseDate('2022/3/5')).toThrow(/YYYY-MM-DD/);
  });
});
