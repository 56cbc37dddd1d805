// Dates → 'YYYY-MM-DD'. Accepts Excel serials (the reader has already moved 1904-system serials
// into the 1900 system), yyyymmdd numbers and the written forms Chinese exports use. Two-digit
// years and day-first forms are refused: they are ambiguous, and a guessed date moves money
// between months and years.

import type { CellValue } from './cell.ts';
import { toParseText } from './normalize-text.ts';

export type DateResult = { kind: 'empty' } | { kind: 'ok'; iso: string } | { kind: 'error'; reason: string };

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;
/** 2000-01-01 and 2099-12-31 as 1900-system serials. */
export const MIN_SERIAL = 36526;
export const MAX_SERIAL = 73050;
/** Days between the 1904 and the 1900 date systems. */
export const DATE1904_OFFSET = 1462;

const EMPTY: DateResult = { kind: 'empty' };
const DAY_MS = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

function error(reason: string): DateResult {
  return { kind: 'error', reason };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A real calendar date inside the accepted years, or null. */
export function isoFromYmd(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * 1900-system serial → ISO date; the time of day is dropped. Serial 60 is Excel's phantom
 * 1900-02-29 and is refused like any serial outside 2000–2099.
 */
// A ledger repeats each date hundreds of times; the range check bounds this cache to 36,525 days.
const serialCache = new Map<number, string | null>();

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < MIN_SERIAL || day > MAX_SERIAL) return null;
  let iso = serialCache.get(day);
  if (iso === undefined) {
    const d = new Date(EPOCH_1899_12_30 + day * DAY_MS);
    iso = isoFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    serialCache.set(day, iso);
  }
  return iso;
}

const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const SEPARATED = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}$`);
const CHINESE = new RegExp(`^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?${TIME}$`);
// yyyymmdd, then a time: hhmmss run on, or hh:mm[:ss] after a space or T (as for the other forms).
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[ T]*\d{1,2}:?\d{2}:?\d{2}|[ T]+\d{1,2}:\d{2})?$/;

function fromParts(y: string, m: string, d: string, raw: string): DateResult {
  const iso = isoFromYmd(Number(y), Number(m), Number(d));
  if (iso) return { kind: 'ok', iso };
  const year = Number(y);
  if (year < MIN_YEAR || year > MAX_YEAR) return error(`日期“${raw}”不在 ${MIN_YEAR}–${MAX_YEAR} 年之间`);
  return error(`日期“${raw}”不是真实存在的日期`);
}

// "03-05", "3/5", "03.05", "3月5日": month and day, the year stated elsewhere (title, import).
const MONTH_DAY = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/;

/** `yearForMonthDay`: the year a month-day date ("03-05") belongs to; without it such text is refused. */
export function parseDateText(raw: string, yearForMonthDay?: number): DateResult {
  const s = toParseText(raw);
  if (s === '' || s === '-' || s === '—' || s === '/') return EMPTY;
  const sep = SEPARATED.exec(s);
  if (sep) return fromParts(sep[1] ?? '', sep[3] ?? '', sep[4] ?? '', s);
  const cn = CHINESE.exec(s);
  if (cn) return fromParts(cn[1] ?? '', cn[2] ?? '', cn[3] ?? '', s);
  const compact = COMPACT.exec(s);
  if (compact) return fromParts(compact[1] ?? '', compact[2] ?? '', compact[3] ?? '', s);
  const md = MONTH_DAY.exec(s);
  if (md) {
    if (yearForMonthDay === undefined) return error(`日期“${s}”没有年份`);
    const iso = isoFromYmd(yearForMonthDay, Number(md[1]), Number(md[2]));
    return iso ? { kind: 'ok', iso } : error(`日期“${s}”不是 ${yearForMonthDay} 年真实存在的日期`);
  }
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{1,4}/.test(s)) return error(`日期“${s}”不是“年-月-日”顺序或年份不是四位，无法确定`);
  if (/^\d+(\.\d+)?$/.test(s)) return parseDateNumber(Number(s), s);
  return error(`“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”不是可识别的日期`);
}

function parseDateNumber(n: number, raw: string): DateResult {
  if (Number.isInteger(n) && n >= 19_000_101 && n <= 21_001_231) {
    const t = String(n);
    return fromParts(t.slice(0, 4), t.slice(4, 6), t.slice(6, 8), raw);
  }
  const iso = excelSerialToIso(n);
  if (iso) return { kind: 'ok', iso };
  return error(`数字“${raw}”既不是 Excel 日期序号（${MIN_YEAR}–${MAX_YEAR} 年），也不是 8 位日期`);
}

export function parseDateCell(value: CellValue | undefined, yearForMonthDay?: number): DateResult {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return parseDateText(value, yearForMonthDay);
  if (typeof value === 'number') return parseDateNumber(value, String(value));
  if (typeof value === 'boolean') return error('是逻辑值，不是日期');
  if (value.kind === 'date') {
    const iso = excelSerialToIso(value.serial);
    return iso ? { kind: 'ok', iso } : error(`日期序号 ${value.serial} 不在 ${MIN_YEAR}–${MAX_YEAR} 年之间`);
  }
  return error(value.code === 'NO_CACHE' ? '公式没有保存计算结果' : `单元格是错误值 ${value.code}`);
}

/** Reads one part (year, month or day) of a split date: 3, "03", "3月", "5日". */
export function parseDatePart(value: CellValue | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^(\d{1,4})\s*[年月日号]?$/.exec(toParseText(value));
  return m ? Number(m[1]) : null;
}

/** Split year / month / day columns; a missing year comes from the header ("2021年") or the import year. */
export function parseDateParts(
  year: CellValue | undefined,
  month: CellValue | undefined,
  day: CellValue | undefined,
  fallbackYear: number,
): DateResult {
  const m = parseDatePart(month);
  const d = parseDatePart(day);
  const yearBlank = year === null || year === undefined || (typeof year === 'string' && year.trim() === '');
  if (m === null && d === null && yearBlank) return EMPTY;
  const y = yearBlank ? fallbackYear : parseDatePart(year);
  if (y === null || m === null || d === null) return error('年、月、日列不完整或不是数字');
  const iso = isoFromYmd(y, m, d);
  return iso ? { kind: 'ok', iso } : error(`${y}年${m}月${d}日不是真实存在的日期`);
}

export type PeriodResult = { kind: 'empty' } | { kind: 'ok'; year: number | null; month: number } | { kind: 'error'; reason: string };

const PERIOD_TEXT = /^(?:(20\d{2})\s*(?:[-/.年]\s*)?(?:第\s*)?)?(\d{1,2})\s*(?:月份?|期)?$/;
const PERIOD_COMPACT = /^(20\d{2})(\d{2})$/;

function period(year: number | null, month: number, raw: string): PeriodResult {
  if (!Number.isInteger(month) || month < 1 || month > 12) return { kind: 'error', reason: `会计期间“${raw}”的月份不在 1–12 之间` };
  return { kind: 'ok', year, month };
}

/**
 * A 会计期间 cell: "2021-03", "2021.03", "2021/3", "2021年3月", "202103", "03", "3月", or an
 * Excel date. A number like 2021.03 is read with a two-digit month (2021.1 is October: Excel
 * dropped the trailing zero of "2021.10").
 */
export function parsePeriodCell(value: CellValue | undefined): PeriodResult {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'error', reason: '是逻辑值，不是会计期间' };
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      if (value >= 200_001 && value <= 209_912) return period(Math.floor(value / 100), value % 100, String(value));
      if (value >= 1 && value <= 12) return period(null, value, String(value));
      const iso = excelSerialToIso(value);
      if (iso) return period(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), String(value));
      return { kind: 'error', reason: `数字“${value}”不是会计期间` };
    }
    const year = Math.floor(value);
    if (year >= MIN_YEAR && year <= MAX_YEAR) return period(year, Math.round((value - year) * 100), String(value));
    return { kind: 'error', reason: `数字“${value}”不是会计期间` };
  }
  if (typeof value === 'object') {
    if (value.kind === 'date') {
      const iso = excelSerialToIso(value.serial);
      return iso ? period(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), iso) : { kind: 'error', reason: '日期不在 2000–2099 年之间' };
    }
    return { kind: 'error', reason: `单元格是错误值 ${value.code}` };
  }
  const s = toParseText(value).replace(/\s+/g, '');
  if (s === '') return { kind: 'empty' };
  const compact = PERIOD_COMPACT.exec(s);
  if (compact) return period(Number(compact[1]), Number(compact[2]), s);
  const m = PERIOD_TEXT.exec(s);
  if (m) return period(m[1] ? Number(m[1]) : null, Number(m[2]), s);
  return { kind: 'error', reason: `“${s.slice(0, 20)}”不是可识别的会计期间（如 2021-03、2021年3月、202103）` };
}

/** A 会计期间 column beside a day column. */
export function parsePeriodDay(periodCell: CellValue | undefined, dayCell: CellValue | undefined, fallbackYear: number): DateResult {
  const p = parsePeriodCell(periodCell);
  const d = parseDatePart(dayCell);
  if (p.kind === 'empty' && d === null) return EMPTY;
  if (p.kind === 'error') return error(p.reason);
  if (p.kind === 'empty' || d === null) return error('会计期间或日不完整');
  const y = p.year ?? fallbackYear;
  const iso = isoFromYmd(y, p.month, d);
  return iso ? { kind: 'ok', iso } : error(`${y}年${p.month}月${d}日不是真实存在的日期`);
}
