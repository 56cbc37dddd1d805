import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/import/decode-text.ts';
import { DEFAULT_LIMITS } from '../../../electron/import/limits.ts';
import { openWorkbook } from '../../../electron/import/open-workbook.ts';
import { AppError } from '../../../shared/api/app-error.ts';
import { type CellValue, dateCell, errorCell } from '../../../shared/import/cell.ts';
import { parseAmountCell, parseAmountText } from '../../../shared/import/normalize-amount.ts';
import { DATE1904_OFFSET, excelSerialToIso, parseDateCell, parseDateText } from '../../../shared/import/normalize-date.ts';
import { parseDelimited, sniffDelimiter } from '../../../shared/import/parse-delimited.ts';
import { formatYuan } from '../../../shared/money/fen.ts';

// Property tests of the import normalisers and readers (issue #7 §8, reliability-notes §5.2):
// amounts and dates written the ways the office's exports write them parse back exactly, and no
// input of any kind makes a parser throw anything but a typed import error. 10,000 runs per
// property with SELFEVAL_STRESS=full (npm run test:stress), 500 in npm test. The time a case takes
// is measured and tallied (cases over 50 ms, the slowest), not asserted: a timed assertion would
// fail on a busy machine, not on a slow parser. The file-level properties (row accounting,
// re-import) are in properties-files.test.ts.

const RUNS = process.env.SELFEVAL_STRESS === 'full' ? 10_000 : 500;
const SLOW_MS = 50;

class CaseTimer {
  cases = 0;
  slow = 0;
  maxMs = 0;
  constructor(readonly name: string) {}
  time<T>(fn: () => T): T {
    const t = performance.now();
    try {
      return fn();
    } finally {
      this.note(performance.now() - t);
    }
  }
  async timeAsync<T>(fn: () => Promise<T>): Promise<T> {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      this.note(performance.now() - t);
    }
  }
  private note(ms: number): void {
    this.cases++;
    if (ms >= SLOW_MS) this.slow++;
    this.maxMs = Math.max(this.maxMs, ms);
  }
  line(): string {
    return `PROPERTY ${this.name} cases=${this.cases} over_${SLOW_MS}ms=${this.slow} max_ms=${this.maxMs.toFixed(1)}`;
  }
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9.,()-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The shapes amounts take in bank and finance-system exports. */
function amountForms(fen: number): string[] {
  const grouped = formatYuan(fen);
  const plain = formatYuan(fen, { grouping: false });
  const abs = formatYuan(Math.abs(fen));
  const absPlain = formatYuan(Math.abs(fen), { grouping: false });
  const neg = fen < 0;
  return [
    grouped,
    plain,
    neg ? `(${abs})` : abs,
    neg ? `（${abs}）` : abs,
    `${neg ? '-' : ''}￥${abs}`,
    `${neg ? '-' : ''}¥ ${absPlain}`,
    FULL_WIDTH(grouped),
    FULL_WIDTH(plain),
    `${plain}元`,
    `${grouped} 元`,
    `RMB ${plain}`,
    `${plain} CNY`,
    `人民币${plain}`,
    neg ? `\u2212${absPlain}` : absPlain,
    `\u00a0${grouped}\u3000`,
    neg ? `－${absPlain}` : `＋${absPlain}`,
  ];
}

describe('round trips', () => {
  const fenArb = fc.integer({ min: -(10 ** 13), max: 10 ** 13 });

  it('amounts: every office form of a fen value parses back to exactly that value', () => {
    let forms = 0;
    fc.assert(
      fc.property(fenArb, (fen) => {
        for (const text of amountForms(fen)) {
          forms++;
          const r = parseAmountText(text, 'yuan');
          if (r.kind !== 'ok' || r.fen !== fen) throw new Error(`${JSON.stringify(text)} → ${JSON.stringify(r)}, expected ${fen}`);
        }
        // A numeric cell holding the 元 value, as Excel stores it.
        const cell = parseAmountCell(fen / 100, 'yuan');
        return cell.kind === 'ok' && cell.fen === fen;
      }),
      { numRuns: RUNS },
    );
    console.log(`PROPERTY amount_round_trip runs=${RUNS} forms=${forms}`);
  });

  it('amounts in 万元 and 千元 keep every fen', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        const neg = fen < 0 ? '-' : '';
        const a = Math.abs(fen);
        const wan = `${neg}${Math.floor(a / 1_000_000)}.${String(a % 1_000_000).padStart(6, '0')}`;
        const thousand = `${neg}${Math.floor(a / 100_000)}.${String(a % 100_000).padStart(5, '0')}`;
        const w = parseAmountText(wan, 'wan');
        const k = parseAmountText(thousand, 'thousand');
        const suffixed = parseAmountText(`${wan}万元`, 'yuan');
        return [w, k, suffixed].every((r) => r.kind === 'ok' && r.fen === fen);
      }),
      { numRuns: RUNS },
    );
  });

  const dayArb = fc.integer({ min: 0, max: 36_524 });
  const iso = (day: number) => new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10);

  it('dates: every written form, with or without a time, full-width or not, parses back', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom('', ' 14:30', ' 09:05:59', 'T08:00:00'), fc.boolean(), (day, time, wide) => {
        const expected = iso(day);
        const [y = '', m = '', d = ''] = expected.split('-');
        const forms = [
          expected,
          `${y}/${Number(m)}/${Number(d)}`,
          `${y}/${m}/${d}`,
          `${y}.${m}.${d}`,
          `${y}-${Number(m)}-${Number(d)}`,
          `${y}年${Number(m)}月${Number(d)}日`,
          `${y} 年 ${m} 月 ${d} 日`,
          `${y}${m}${d}`,
        ];
        for (const f of forms) {
          const text = wide ? FULL_WIDTH(`${f}${time}`) : `${f}${time}`;
          const r = parseDateText(text);
          if (r.kind !== 'ok' || r.iso !== expected) throw new Error(`${JSON.stringify(text)} → ${JSON.stringify(r)}, expected ${expected}`);
        }
        // yyyymmdd as a number cell.
        const n = parseDateCell(Number(`${y}${m}${d}`));
        return n.kind === 'ok' && n.iso === expected;
      }),
      { numRuns: RUNS },
    );
  });

  it('dates: yyyymmdd followed by hh:mm (found by the property above)', () => {
    expect(parseDateText('20210305 14:30')).toEqual({ kind: 'ok', iso: '2021-03-05' });
    expect(parseDateText('20210305T14:30')).toEqual({ kind: 'ok', iso: '2021-03-05' });
    expect(parseDateText('20210305 14:30:00')).toEqual({ kind: 'ok', iso: '2021-03-05' });
    // Twelve digits run on stay ambiguous.
    expect(parseDateText('202103051430').kind).toBe('error');
  });

  it('dates: Excel serials of the 1900 and the 1904 system, with a time fraction, give the day', () => {
    fc.assert(
      fc.property(dayArb, fc.double({ min: 0, max: 0.999, noNaN: true }), (day, fraction) => {
        const expected = iso(day);
        const serial1900 = 36_526 + day; // 2000-01-01 is serial 36526 (after the phantom 1900-02-29)
        const serial1904 = serial1900 - DATE1904_OFFSET; // 1904-01-01 is serial 0
        // Readers shift 1904-system serials into the 1900 system once (sheet-xml-parser, read-sheetjs).
        const cells: CellValue[] = [dateCell(serial1900 + fraction), dateCell(serial1904 + DATE1904_OFFSET + fraction), serial1900];
        return excelSerialToIso(serial1900 + fraction) === expected && cells.every((c) => {
          const r = parseDateCell(c);
          return r.kind === 'ok' && r.iso === expected;
        });
      }),
      { numRuns: RUNS },
    );
    // The phantom day and the edges of the accepted range.
    expect(parseDateCell(dateCell(60)).kind).toBe('error');
    expect(parseDateCell(dateCell(36_525)).kind).toBe('error');
    expect(parseDateCell(dateCell(73_051)).kind).toBe('error');
  });
});

/** Strings made of the characters amount and date parsers care about: where regexes go wrong. */
const parserAlphabet = fc.constantFrom(
  ...'0123456789０１２３４５６７８９.,，．()（）-+－−￥¥元万千年月日号/:T eE\u00a0\u3000\u200bRMBCNY人民币'.split(''),
);
const nearMissText = fc.array(parserAlphabet, { maxLength: 80 }).map((cs) => cs.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), nearMissText, fc.string({ maxLength: 5000 }));

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  anyText,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.double().map((s) => dateCell(s)),
  fc.constantFrom('#N/A', '#VALUE!', '#REF!', 'NO_CACHE', '').map((c) => errorCell(c)),
);

function typedResult(r: { kind: string }): boolean {
  return r.kind === 'ok' || r.kind === 'empty' || r.kind === 'error';
}

describe('totality: a value or a typed import error, never another exception', () => {
  it('amount and date parsers on any cell', () => {
    const timer = new CaseTimer('cell_parsers');
    fc.assert(
      fc.property(cellArb, fc.constantFrom('yuan', 'thousand', 'wan') as fc.Arbitrary<'yuan' | 'thousand' | 'wan'>, (cell, scale) =>
        timer.time(() => {
          const a = parseAmountCell(cell, scale);
          const d = parseDateCell(cell);
          if (a.kind === 'ok' && !Number.isSafeInteger(a.fen)) return false;
          if (d.kind === 'ok' && !/^20\d\d-\d\d-\d\d$/.test(d.iso)) return false;
          if (typeof cell === 'string') return typedResult(parseAmountText(cell, scale)) && typedResult(parseDateText(cell));
          return typedResult(a) && typedResult(d);
        }),
      ),
      { numRuns: RUNS },
    );
    console.log(timer.line());
  });

  it('text decoding, delimiter sniffing and CSV splitting on any bytes', () => {
    const timer = new CaseTimer('text_reader');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      nearMissText.map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
      fc.uint8Array({ maxLength: 65_536 }),
    );
    fc.assert(
      fc.property(bytes, fc.constantFrom('auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be') as fc.Arbitrary<'auto'>, (b, choice) =>
        timer.time(() => {
          const decoded = decodeText(Buffer.from(b), choice);
          const delimiter = sniffDelimiter(decoded.text);
          let fields = 0;
          for (const record of parseDelimited(decoded.text, delimiter, 32_767)) fields += record.length;
          return typeof decoded.text === 'string' && fields >= 0;
        }),
      ),
      { numRuns: RUNS },
    );
    console.log(timer.line());
  });

  it('opening any bytes as a workbook and reading its first rows', async () => {
    const timer = new CaseTimer('open_workbook');
    const limits = { ...DEFAULT_LIMITS, maxRows: 2000 };
    const magic = fc.constantFrom(
      '',
      'PK\u0003\u0004',
      '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1',
      '<html><table>',
      '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
      '\u00ef\u00bb\u00bf',
      '\u00ff\u00fe',
    );
    const input = fc.tuple(magic, fc.oneof(fc.uint8Array({ maxLength: 2048 }), nearMissText.map((s) => new Uint8Array(Buffer.from(s)))));
    let typedErrors = 0;
    // Load each reader once (SheetJS is imported lazily) so the tally times parsing, not loading.
    for (const head of ['PK\u0003\u0004', '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1', '<html><table>', 'a,b']) {
      await openWorkbook(Buffer.from(head, 'latin1'), 'warm.xlsx', 'auto', limits).catch(() => null);
    }
    await fc.assert(
      fc.asyncProperty(input, async ([head, body]) =>
        timer.timeAsync(async () => {
          const buffer = Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)]);
          try {
            const source = await openWorkbook(buffer, '随机.xlsx', 'auto', limits);
            for (const sheet of source.sheets.slice(0, 2)) {
              for await (const batch of source.rows(sheet.index)) if (batch.length > 5000) return false;
            }
            return true;
          } catch (err) {
            typedErrors++;
            return err instanceof AppError && err.code === 'IMPORT' && /[\u4e00-\u9fff]/.test(err.message);
          }
        }),
      ),
      { numRuns: RUNS },
    );
    console.log(`${timer.line()} typed_errors=${typedErrors}`);
  });
});
