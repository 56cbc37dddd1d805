import { describe, expect, it } from 'vitest';
import { formatPoints, parsePointsText, pointsNumber, pointsNumberToCenti } from '../../../shared/scoring/points.ts';
import { formatRational, normalizeDecimalText, parseDecimal, percentOf, rational, roundHalfUp } from '../../../shared/scoring/rational.ts';

describe('points', () => {
  it.each([
    [9421, '94.21'],
    [1526, '15.26'],
    [195, '1.95'],
    [400, '4'],
    [1250, '12.5'],
    [5, '0.05'],
    [0, '0'],
    [-74, '-0.74'],
  ])('%d centi prints as %s', (c, text) => {
    expect(formatPoints(c)).toBe(text);
  });

  it('parses points and refuses finer than 0.01', () => {
    expect(parsePointsText('12.8')).toBe(1280);
    expect(parsePointsText('12.800')).toBe(1280);
    expect(parsePointsText('12.805')).toBeNull();
    expect(parsePointsText('abc')).toBeNull();
    expect(pointsNumberToCenti(0.1 + 0.2)).toBeNull();
    expect(pointsNumberToCenti(12.8)).toBe(1280);
    expect(pointsNumber(9421)).toBe(94.21);
  });
});

describe('rational', () => {
  it('keeps the execution rate exact', () => {
    const r = percentOf(3_752_630_000, 3_982_330_000)!;
    expect(formatRational(r, 2)).toBe('94.23');
    expect(formatRational(r, 6)).toBe('94.232020');
    expect(percentOf(1, 0)).toBeNull();
  });

  it('parses decimal text with a percent sign or separators', () => {
    expect(parseDecimal('97.5%')).toEqual(rational(195, 2));
    expect(parseDecimal('1,234.5')).toEqual(rational(2469, 2));
    expect(parseDecimal('-0.5')).toEqual(rational(-1, 2));
    for (const bad of ['', '.', '1e3', '--1', '九十']) expect(parseDecimal(bad)).toBeNull();
    expect(normalizeDecimalText('097.50%')).toBe('97.5');
  });

  it('rounds half away from zero', () => {
    expect(roundHalfUp(rational(5, 2))).toBe(3n);
    expect(roundHalfUp(rational(-5, 2))).toBe(-3n);
    expect(roundHalfUp(rational(249, 100))).toBe(2n);
    expect(formatRational(rational(100), 2, { trim: true })).toBe('100');
  });
});
