import { describe, expect, it } from 'vitest';
import { decimalTextToScaledInt, fenToWanText, formatWan, formatYuan, parseAmountInUnit, wanTextToFen, yuanTextToFen } from '../../../shared/money/fen.ts';
import { formatPercent, percentNumber, ratio } from '../../../shared/money/rate.ts';

describe('fen', () => {
  it.each([
    ['3982.33', 3982330000],
    ['3260.92', 3260920000],
    ['491.71', 491710000],
    ['0.000001', 1],
    ['-217.25', -217250000],
    ['0.0000005', 1],
  ])('wan %s → %d fen', (text, fen) => {
    expect(wanTextToFen(text)).toBe(fen);
  });

  it.each([
    ['1234.56', 123456],
    ['1234.565', 123457],
    ['-0.005', -1],
    ['.5', 50],
    ['7', 700],
  ])('yuan %s → %d fen', (text, fen) => {
    expect(yuanTextToFen(text)).toBe(fen);
  });

  it('rejects what is not a plain decimal', () => {
    for (const t of ['', '.', 'abc', '1.2.3', '1e5', '--1']) expect(decimalTextToScaledInt(t, 2)).toBeNull();
  });

  it('formats 万元 and 元 half-up', () => {
    expect(formatWan(3752630000)).toBe('3752.63');
    expect(formatWan(3752635000)).toBe('3752.64');
    expect(formatWan(-4999)).toBe('0.00');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(fenToWanText(3982330000)).toBe('3982.33');
    expect(fenToWanText(1)).toBe('0.000001');
    // Two decimals at least, as every amount on screen; finer fen are kept for editing.
    expect(fenToWanText(40_000_000)).toBe('40.00');
    expect(fenToWanText(12_345_000)).toBe('12.345');
    expect(fenToWanText(-5_000_000)).toBe('-5.00');
  });

  it('parses user input in the chosen unit', () => {
    expect(parseAmountInUnit('3,982.33', 'wan')).toBe(3982330000);
    expect(parseAmountInUnit('1，234.5', 'yuan')).toBe(123450);
    expect(parseAmountInUnit('十', 'yuan')).toBeNull();
  });
});

describe('rate', () => {
  it('rounds the exact ratio half-up', () => {
    expect(formatPercent(ratio(3752630000, 3982330000))).toBe('94.23');
    expect(formatPercent(ratio(217250000, 3765080000))).toBe('5.77');
    expect(formatPercent(ratio(1, 8))).toBe('12.50');
    expect(formatPercent(ratio(1, 0))).toBe('—');
    expect(percentNumber(ratio(39, 40))).toBe(97.5);
  });
});
