// Amount cells → integer fen. Text goes through string arithmetic only (decimalTextToScaledInt);
// a numeric cell is first turned into the 15-digit decimal Excel displays. Anything ambiguous is
// refused with a reason rather than guessed: a wrong figure must never reach the report.

import { decimalTextToScaledInt } from '../money/fen.ts';
import { AMOUNT_SCALE_LABELS, type AmountScale, SCALE_SHIFT } from './amount-scale.ts';
import type { CellValue } from './cell.ts';
import { doubleToDecimalText } from './double-to-decimal.ts';
import { toParseText } from './normalize-text.ts';

export type AmountResult = { kind: 'empty' } | { kind: 'ok'; fen: number } | { kind: 'error'; reason: string };

const EMPTY: AmountResult = { kind: 'empty' };
const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
const EMPTY_MARKERS = new Set(['', '-', '--', '—', '——', '/', '\\', '無', '无']);
const PLAIN = /^(\d+)(?:\.(\d+))?$|^\.(\d+)$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
const PREFIXES = /^(?:¥|rmb|cny|人民币)\s*/i;
const SUFFIXES = /\s*(万元|千元|元|cny|rmb)$/i;
const SUFFIX_SCALE: Record<string, AmountScale> = { 万元: 'wan', 千元: 'thousand', 元: 'yuan' };

function error(reason: string): AmountResult {
  return { kind: 'error', reason };
}

function fromDecimal(negative: boolean, intDigits: string, fracDigits: string, scale: AmountScale): AmountResult {
  const shift = SCALE_SHIFT[scale];
  // (The regular expressions only run when there is something to strip: every numeric cell passes here.)
  const frac = fracDigits.endsWith('0') ? fracDigits.replace(/0+$/, '') : fracDigits;
  if (frac.length > shift) {
    return error(`金额小数位数过多，超出“分”的精度（以${AMOUNT_SCALE_LABELS[scale]}为单位最多 ${shift} 位小数）`);
  }
  const int = (intDigits.length > 1 && intDigits.charCodeAt(0) === 48 ? intDigits.replace(/^0+(?=\d)/, '') : intDigits) || '0';
  // Up to 15 digits the scaled value is exact as a plain integer string; longer goes through BigInt.
  if (int.length + shift <= 15) {
    const value = Number(int + frac.padEnd(shift, '0'));
    return { kind: 'ok', fen: negative && value !== 0 ? -value : value };
  }
  const text = `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
  const fen = decimalTextToScaledInt(text, shift);
  if (fen === null || Math.abs(fen) > 9e15) return error('金额超出可处理的范围');
  return { kind: 'ok', fen };
}

/** Parses amount text such as "1,234.56", "(1,234.56)", "￥1,234.56", "1234.56元", "７５３０.８８". */
export function parseAmountText(raw: string, scale: AmountScale): AmountResult {
  let s = toParseText(raw);
  if (EMPTY_MARKERS.has(s)) return EMPTY;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    if (negative && s.startsWith('-')) return error('金额的负号重复');
    negative = negative || s.startsWith('-');
    s = s.slice(1).trim();
  }
  s = s.replace(PREFIXES, '');
  let cellScale = scale;
  const suffix = SUFFIXES.exec(s);
  if (suffix) {
    cellScale = SUFFIX_SCALE[suffix[1] ?? ''] ?? scale;
    s = s.slice(0, suffix.index);
  }
  if (!negative && (s.startsWith('-') || s.startsWith('+'))) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '') return error('金额只有符号或单位，没有数字');
  const plain = PLAIN.exec(s);
  if (plain) return fromDecimal(negative, plain[1] ?? '', plain[2] ?? plain[3] ?? '', cellScale);
  const grouped = GROUPED.exec(s);
  if (grouped) return fromDecimal(negative, (grouped[1] ?? '').replaceAll(',', ''), grouped[2] ?? '', cellScale);
  if (/^[\d.,]*\d[eE][+-]?\d+$/.test(s)) return error('金额是科学计数法文本，原始精度可能已丢失');
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) return error('金额使用“.”分组、“,”作小数点，无法确定数值');
  if (/^[\d,]+(\.\d+)?$/.test(s)) return error('金额的千位分隔符位置不对');
  return error('不是有效的金额');
}

/** Parses any cell as an amount in `scale`; an empty cell is "no amount", not zero. */
export function parseAmountCell(value: CellValue | undefined, scale: AmountScale): AmountResult {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') {
    // Nearly every amount cell is the double nearest to a decimal with at most the scale's places
    // (1234.56 元). Then c / 10^shift, a correctly rounded division, gives back exactly that double,
    // and c is what the decimal text below would give: its 15 significant digits round-trip.
    const pow = POW10[SCALE_SHIFT[scale]] ?? 0;
    const c = Math.round(value * pow);
    if (Math.abs(c) < 1e15 && c / pow === value) return { kind: 'ok', fen: c === 0 ? 0 : c };
    const text = doubleToDecimalText(value);
    if (text === null) return error('金额不是有限数值');
    if (Math.abs(value) >= 1e15) return error('金额超出可处理的范围');
    const negative = text.charCodeAt(0) === 45;
    const digits = negative ? text.slice(1) : text;
    const dot = digits.indexOf('.');
    return dot < 0 ? fromDecimal(negative, digits, '', scale) : fromDecimal(negative, digits.slice(0, dot), digits.slice(dot + 1), scale);
  }
  if (typeof value === 'string') return parseAmountText(value, scale);
  if (typeof value === 'boolean') return error('是逻辑值，不是金额');
  if (value.kind === 'date') return error('是日期格式，不是金额');
  return error(value.code === 'NO_CACHE' ? '公式没有保存计算结果' : `单元格是错误值 ${value.code}`);
}
