import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doubleToDecimalText } from '../../../shared/import/double-to-decimal.ts';
import { parseAmountCell, parseAmountText } from '../../../shared/import/normalize-amount.ts';
import { formatYuan } from '../../../shared/money/fen.ts';

function fen(text: string, scale: 'yuan' | 'wan' | 'thousand' = 'yuan'): number | string {
  const r = parseAmountText(text, scale);
  return r.kind === 'ok' ? r.fen : r.kind;
}

describe('parseAmountText', () => {
  it.each([
    ['1,234.56', 123456],
    ['(1,234.56)', -123456],
    ['（1,234.56）', -123456],
    ['-1,234.56', -123456],
    ['－1234.56', -123456],
    ['\u22121234.56', -123456],
    ['+10.00', 1000],
    ['1234.56元', 123456],
    ['￥1,234.56', 123456],
    ['¥ 1234.56', 123456],
    ['RMB 1234.56', 123456],
    ['1234.56 CNY', 123456],
    ['人民币1234.56', 123456],
    ['７５３０.８８', 753088],
    ['１，２３４．５６', 123456],
    ['1234.5', 123450],
    ['.5', 50],
    ['0', 0],
    ['0.00', 0],
    ['-0.00', 0],
    [' 1234.56\u00a0', 123456],
    ['1,081,178.53', 108117853],
    ['1234.5600', 123456],
  ])('%s → %s fen', (text, expected) => {
    expect(fen(text)).toBe(expected);
  });

  it('keeps empty apart from zero', () => {
    for (const t of ['', '  ', '-', '—', '/', '--']) expect(fen(t)).toBe('empty');
    expect(fen('0')).toBe(0);
  });

  it.each([
    ['1234.567', '小数位数过多'],
    ['1.234,56', '无法确定数值'],
    ['1,23,456.00', '千位分隔符'],
    ['1.23E+05', '科学计数法'],
    ['壹仟贰佰叁拾肆元', '不是有效的金额'],
    ['12abc', '不是有效的金额'],
    ['(-5)', '负号重复'],
    ['元', '没有数字'],
  ])('refuses %s with a reason', (text, reason) => {
    const r = parseAmountText(text, 'yuan');
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.reason).toContain(reason);
  });

  it('scales 万元 and 千元 exactly, keeping one fen', () => {
    expect(fen('3982.33', 'wan')).toBe(3982330000);
    expect(fen('0.000001', 'wan')).toBe(1);
    expect(fen('12.34567', 'thousand')).toBe(1234567);
    expect(fen('0.0000001', 'wan')).toBe('error');
  });

  it('lets a unit written in the cell override the column unit', () => {
    expect(fen('12.5万元', 'yuan')).toBe(12500000);
    expect(fen('1234.56元', 'wan')).toBe(123456);
  });
});

describe('numeric cells', () => {
  it('uses the 15 digits Excel shows, never the binary noise', () => {
    expect(doubleToDecimalText(0.1 + 0.2)).toBe('0.3');
    expect(doubleToDecimalText(1234.565)).toBe('1234.565');
    expect(doubleToDecimalText(0.29)).toBe('0.29');
    expect(doubleToDecimalText(-1e-7)).toBe('-0.0000001');
    expect(doubleToDecimalText(1.5e20)).toBe('150000000000000000000');
    expect(doubleToDecimalText(Number.NaN)).toBeNull();
    const r = parseAmountCell(0.1 + 0.2, 'yuan');
    expect(r).toEqual({ kind: 'ok', fen: 30 });
    expect(parseAmountCell(0.29, 'yuan')).toEqual({ kind: 'ok', fen: 29 });
    expect(parseAmountCell(1.005, 'yuan')).toEqual({ kind: 'error', reason: expect.stringContaining('小数位') });
    expect(parseAmountCell(3982.33, 'wan')).toEqual({ kind: 'ok', fen: 3982330000 });
    expect(parseAmountCell(-217.25, 'wan')).toEqual({ kind: 'ok', fen: -217250000 });
  });

  it('sums of cents stay exact where a float multiply drifts', () => {
    // 0.07 * 100 = 7.000000000000001 and 1.1 * 3 = 3.3000000000000003 in doubles.
    expect(parseAmountCell(0.07, 'yuan')).toEqual({ kind: 'ok', fen: 7 });
    expect(parseAmountCell(1.1 * 3, 'yuan')).toEqual({ kind: 'ok', fen: 330 });
    expect(parseAmountCell(19.99 * 3, 'yuan')).toEqual({ kind: 'ok', fen: 5997 });
  });

  it('refuses non-amount cells', () => {
    expect(parseAmountCell(true, 'yuan').kind).toBe('error');
    expect(parseAmountCell({ kind: 'date', serial: 44260 }, 'yuan').kind).toBe('error');
    expect(parseAmountCell({ kind: 'error', code: '#N/A' }, 'yuan')).toEqual({
      kind: 'error',
      reason: '单元格是错误值 #N/A',
    });
    expect(parseAmountCell(null, 'yuan')).toEqual({ kind: 'empty' });
    expect(parseAmountCell(1e16, 'yuan').kind).toBe('error');
  });
});

describe('properties', () => {
  it('a numeric cell gives what its 15-digit decimal text gives, in every unit', () => {
    const decimalDouble = fc
      .tuple(fc.integer({ min: -(10 ** 14), max: 10 ** 14 }), fc.integer({ min: 0, max: 7 }))
      .map(([n, places]) => n / 10 ** places);
    const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 });
    fc.assert(
      fc.property(fc.oneof(decimalDouble, anyDouble), fc.constantFrom('yuan', 'wan', 'thousand'), (x, scale) => {
        const text = doubleToDecimalText(x);
        if (text === null || Math.abs(x) >= 1e15) return;
        expect(parseAmountCell(x, scale)).toEqual(parseAmountText(text, scale));
      }),
      { numRuns: 20_000 },
    );
  });

  const fenArb = fc.integer({ min: -(10 ** 13), max: 10 ** 13 });
  const toFullWidth = (s: string) => s.replace(/[0-9.,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  it('formatted fen parses back in every written variant', () => {
    fc.assert(
      fc.property(fenArb, fc.integer({ min: 0, max: 5 }), (value, variant) => {
        const grouped = formatYuan(value);
        const plain = grouped.replaceAll(',', '');
        const abs = formatYuan(Math.abs(value));
        const texts = [
          grouped,
          plain,
          toFullWidth(grouped),
          `${grouped}元`,
          `¥${grouped}`,
          value < 0 ? `(${abs})` : abs,
        ];
        return fen(texts[variant] ?? grouped) === value;
      }),
      { numRuns: 2000 },
    );
  });

  it('a numeric cell holding fen/100 gives the fen back', () => {
    fc.assert(
      fc.property(fenArb, (value) => {
        const r = parseAmountCell(value / 100, 'yuan');
        return r.kind === 'ok' && r.fen === value;
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const r = parseAmountText(text, 'yuan');
        return r.kind === 'ok' ? Number.isSafeInteger(r.fen) : r.kind === 'empty' || r.kind === 'error';
      }),
      { numRuns: 2000 },
    );
  });
});
