import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATE1904_OFFSET,
  excelSerialToIso,
  parseDateCell,
  parseDateParts,
  parseDateText,
} from '../../../shared/import/normalize-date.ts';

function iso(text: string): string {
  const r = parseDateText(text);
  return r.kind === 'ok' ? r.iso : r.kind;
}

describe('dates', () => {
  it.each([
    ['2021-03-05', '2021-03-05'],
    ['2021/3/5', '2021-03-05'],
    ['2021.03.05', '2021-03-05'],
    ['20210305', '2021-03-05'],
    ['2021年3月5日', '2021-03-05'],
    ['2021 年 03 月 05 日', '2021-03-05'],
    ['２０２１－０３－０５', '2021-03-05'],
    ['2026-04-16 11:09:16', '2026-04-16'],
    ['20260410 17:07:09', '2026-04-10'],
    ['2021-03-05T08:00:00Z', '2021-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    ['2021-02-30', '不是真实存在'],
    ['21-3-5', '无法确定'],
    ['05/03/2021', '无法确定'],
    ['1999-12-31', '2000–2099'],
    ['2021-3/5', '不是可识别'],
    ['明天', '不是可识别'],
  ])('refuses %s', (text, reason) => {
    const r = parseDateText(text);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.reason).toContain(reason);
  });

  it('reads Excel serials in the 1900 system, with the phantom 1900-02-29 refused', () => {
    expect(excelSerialToIso(44260)).toBe('2021-03-05');
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
    expect(excelSerialToIso(44260.75)).toBe('2021-03-05');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(73051)).toBeNull();
    // A 1904-system workbook stores 2021-03-05 as 42798; the reader adds the offset.
    expect(excelSerialToIso(42798 + DATE1904_OFFSET)).toBe('2021-03-05');
  });

  it('reads number cells as serials or yyyymmdd by range', () => {
    expect(parseDateCell(44260)).toEqual({ kind: 'ok', iso: '2021-03-05' });
    expect(parseDateCell(20210305)).toEqual({ kind: 'ok', iso: '2021-03-05' });
    expect(parseDateCell({ kind: 'date', serial: 44260 })).toEqual({ kind: 'ok', iso: '2021-03-05' });
    expect(parseDateCell(123).kind).toBe('error');
    expect(parseDateCell(null)).toEqual({ kind: 'empty' });
    expect(parseDateCell('  ')).toEqual({ kind: 'empty' });
  });

  it('joins split year / month / day columns', () => {
    expect(parseDateParts(2021, 3, 5, 2020)).toEqual({ kind: 'ok', iso: '2021-03-05' });
    expect(parseDateParts(null, '03', '5日', 2021)).toEqual({ kind: 'ok', iso: '2021-03-05' });
    expect(parseDateParts('2021年', '3月', 5, 2000)).toEqual({ kind: 'ok', iso: '2021-03-05' });
    expect(parseDateParts(null, 2, 30, 2021).kind).toBe('error');
    expect(parseDateParts(null, null, null, 2021)).toEqual({ kind: 'empty' });
    expect(parseDateParts(null, 3, null, 2021).kind).toBe('error');
  });

  it('round-trips every day of 2000–2099 through each written form and the serial', () => {
    const dayArb = fc.integer({ min: 36526, max: 73050 });
    fc.assert(
      fc.property(dayArb, (serial) => {
        const expected = excelSerialToIso(serial);
        if (!expected) return false;
        const [y, m, d] = expected.split('-');
        const forms = [
          expected,
          `${y}/${Number(m)}/${Number(d)}`,
          `${y}.${m}.${d}`,
          `${y}${m}${d}`,
          `${y}年${Number(m)}月${Number(d)}日`,
        ];
        return forms.every((f) => iso(f) === expected);
      }),
      { numRuns: 3000 },
    );
  });
});
