// Parser pieces for ledgers from other finance software: the year a file states, month-day and
// 会计期间 dates, the 借/贷 reading of cash books, checksums by scope, and the empty-import report.
import { describe, expect, it } from 'vitest';
import { applyBookSide, describeBookSide, detectBookSide } from '../../../shared/import/book-side.ts';
import type { CellValue } from '../../../shared/import/cell.ts';
import { classifyLayoutRow } from '../../../shared/import/classify-layout-row.ts';
import type { HeaderColumn } from '../../../shared/import/detect-header.ts';
import { detectHeader } from '../../../shared/import/detect-header.ts';
import { describeEmptyImport } from '../../../shared/import/empty-import.ts';
import { parseDateCell, parsePeriodCell, parsePeriodDay } from '../../../shared/import/normalize-date.ts';
import { normalizeLedgerRow } from '../../../shared/import/normalize-ledger-row.ts';
import { parseDirectionText } from '../../../shared/import/parse-direction.ts';
import type { LedgerRow } from '../../../shared/import/schemas.ts';
import {
  describeYearSource,
  resolveYearSource,
  yearInHeaderCell,
  yearInTitleLines,
  yearMismatchProblem,
} from '../../../shared/import/stated-year.ts';
import { TotalChecker } from '../../../shared/import/total-checker.ts';

describe('the year a file states', () => {
  it.each([
    [['2021年度银行存款日记账'], 2021, '2021年度银行存款日记账'],
    [['2021年 现金日记账'], 2021, '2021年 现金日记账'],
    [['单位：某某办公室', '会计年度：2020'], 2020, '会计年度:2020'],
    [['支出明细账', '2021年1月1日至2021年12月31日'], 2021, '2021年1月1日至2021年12月31日'],
    [['打印日期：2022年1月5日', '2021 年度 明细账'], 2021, '2021 年度 明细账'],
    [['查询时间范围 20210101-20211231'], null, null],
    [['起止日期：2020年12月1日至2021年3月31日'], null, null],
    [['起止日期：2020年12月1日至2021年3月31日', '2021年 现金日记账'], 2021, '2021年 现金日记账'],
    [['电话 020-12345678', '金额单位：元'], null, null],
    [['账号 62220210000000'], null, null],
  ])('%j → %s', (lines, year, text) => {
    const hit = yearInTitleLines(lines);
    expect(hit ? [hit.year, hit.text] : [null, null]).toEqual([year, text]);
  });

  it.each([
    ['2021年', 2021],
    ['2021 年度', 2021],
    ['2021', 2021],
    ['月', null],
    ['2021年3月', null],
  ])('header cell %s → %s', (text, year) => {
    expect(yearInHeaderCell(text)).toBe(year);
  });

  it('prefers the header cell, then the title, then the import year, and says which', () => {
    const title = { year: 2021, text: '2021年度银行存款日记账' };
    expect(describeYearSource(resolveYearSource({ year: 2021, text: '2021年' }, title, 2021))).toBe('年份：2021（取自表头“2021年”）');
    expect(describeYearSource(resolveYearSource(null, title, 2021))).toBe('年份：2021（取自标题“2021年度银行存款日记账”）');
    expect(describeYearSource(resolveYearSource(null, null, 2021))).toBe('年份：取自导入年度 2021');
  });

  it('refuses a file that states another year, naming both', () => {
    const source = resolveYearSource(null, { year: 2020, text: '2020年度现金日记账' }, 2021);
    expect(yearMismatchProblem(source, 2021)).toMatch(/“2020年度现金日记账”.*2020 年的账.*2021 年度/);
    expect(yearMismatchProblem(source, 2020)).toBeNull();
    expect(yearMismatchProblem(resolveYearSource(null, null, 2021), 2021)).toBeNull();
  });

  it('reads a merged 2021年 cell above 月 | 日 as the header year', () => {
    const rows = [
      { row: 1, cells: ['银行存款日记账'] as CellValue[] },
      { row: 2, cells: ['2021年', null, '凭证号', '摘要', '借方金额', '贷方金额', '方向', '余额'] as CellValue[] },
      { row: 3, cells: ['月', '日', null, null, null, null, null, null] as CellValue[] },
    ];
    const h = detectHeader(rows, 'ledger');
    expect(h).toMatchObject({ row: 2, rows: 2, yearHint: 2021 });
  });
});

describe('a label：value line right above the header', () => {
  it('stays a preamble line, never the upper half of a two-row header', () => {
    const rows = [
      { row: 1, cells: ['2021年度银行存款日记账'] as CellValue[] },
      { row: 2, cells: ['单位：某某办公室', null, null, null, '金额单位：元'] as CellValue[] },
      { row: 3, cells: ['日期', '摘要', '借方金额', '贷方金额', '余额'] as CellValue[] },
      { row: 4, cells: ['01-05', '拨款', 100, null, 100] as CellValue[] },
    ];
    const h = detectHeader(rows, 'ledger');
    expect(h).toMatchObject({ row: 3, rows: 1 });
    expect(h?.columns.map((c) => c.name)).toEqual(['日期', '摘要', '借方金额', '贷方金额', '余额']);
    expect(h?.columns.map((c) => c.match?.field ?? null)).toEqual(['date', 'summary', 'outflow', 'inflow', null]);
  });
});

describe('dates without a year', () => {
  it.each<[CellValue, number | undefined, string]>([
    ['03-05', 2021, 'ok:2021-03-05'],
    ['3/5', 2021, 'ok:2021-03-05'],
    ['03.05', 2021, 'ok:2021-03-05'],
    ['3月5日', 2021, 'ok:2021-03-05'],
    ['12-31', 2021, 'ok:2021-12-31'],
    ['02-29', 2021, 'error'],
    ['03-05', undefined, 'error'],
    ['2021-03-05', 2020, 'ok:2021-03-05'],
    ['13-01', 2021, 'error'],
  ])('%j with year %s → %s', (cell, year, expected) => {
    const r = parseDateCell(cell, year);
    expect(r.kind === 'ok' ? `ok:${r.iso}` : r.kind).toBe(expected);
  });
});

describe('会计期间', () => {
  it.each<[CellValue, string]>([
    ['2021-03', '2021/3'],
    ['2021.03', '2021/3'],
    ['2021/3', '2021/3'],
    ['2021年3月', '2021/3'],
    ['2021年第3期', '2021/3'],
    ['202103', '2021/3'],
    [202103, '2021/3'],
    [2021.03, '2021/3'],
    [2021.1, '2021/10'],
    [2021.12, '2021/12'],
    ['03', 'null/3'],
    ['3月', 'null/3'],
    [11, 'null/11'],
    [{ kind: 'date', serial: 44256 }, '2021/3'],
    ['2021-13', 'error'],
    ['第一季度', 'error'],
    [null, 'empty'],
  ])('%j → %s', (cell, expected) => {
    const r = parsePeriodCell(cell);
    expect(r.kind === 'ok' ? `${r.year}/${r.month}` : r.kind).toBe(expected);
  });

  it.each<[CellValue, CellValue, string]>([
    ['2021-03', 5, 'ok:2021-03-05'],
    ['03', '5日', 'ok:2021-03-05'],
    ['2021-02', 30, 'error'],
    ['2021-03', null, 'error'],
    [null, null, 'empty'],
  ])('period %j day %j → %s', (period, day, expected) => {
    const r = parsePeriodDay(period, day, 2021);
    expect(r.kind === 'ok' ? `ok:${r.iso}` : r.kind).toBe(expected);
  });
});

describe('what 借 and 贷 mean', () => {
  it.each([
    [['2021年度银行存款日记账'], 'in'],
    [['2021年 现金日记账'], 'in'],
    [['零余额账户用款额度明细账'], 'in'],
    [['科目：1002 银行存款'], 'in'],
    [['行政支出明细账'], 'out'],
    [['中国建设银行 账户交易明细'], 'out'],
    [['国库集中支付明细'], 'out'],
  ])('%j → 借 = %s', (lines, debitMeans) => {
    expect(detectBookSide(lines).debitMeans).toBe(debitMeans);
  });

  it.each([
    ['借', 'out', 'out'],
    ['贷', 'out', 'in'],
    ['借', 'in', 'in'],
    ['贷方', 'in', 'out'],
    ['支出', 'in', 'out'],
    ['收入', 'in', 'in'],
    ['来账', 'in', 'in'],
  ] as const)('%s in a book where 借 = %s is %s', (word, debitMeans, direction) => {
    expect(parseDirectionText(word, debitMeans)).toEqual({ kind: 'ok', direction });
  });

  it('swaps an automatic 借方/贷方 mapping in a cash book, never 收入/支出 columns', () => {
    const col = (index: number, name: string): HeaderColumn => ({ index, name, parent: '', child: name, match: null });
    const cash = detectBookSide(['银行存款日记账']);
    expect(applyBookSide({ outflow: 2, inflow: 3 }, [col(2, '借方金额'), col(3, '贷方金额')], cash)).toEqual({ outflow: 3, inflow: 2 });
    expect(applyBookSide({ outflow: 2, inflow: 3 }, [col(2, '支出'), col(3, '收入')], cash)).toEqual({ outflow: 2, inflow: 3 });
    expect(applyBookSide({ outflow: 2, inflow: 3 }, [col(2, '借方金额'), col(3, '贷方金额')], detectBookSide([]))).toEqual({
      outflow: 2,
      inflow: 3,
    });
    expect(describeBookSide(cash)).toBe('借贷方向：借方 = 收入（存入），贷方 = 支出（付出）（依据“银行存款日记账”：资产类账户的账簿，借方表示增加）');
    expect(describeBookSide({ debitMeans: 'out', evidence: null, chosen: true })).toBe('借贷方向：借方 = 支出，贷方 = 收入（手工指定）');
  });

  it('signs a single 金额 column by the 方向 column of a cash book', () => {
    const ctx = {
      sheet: 'S',
      mapping: { date: 0, summary: 1, direction: 2, signedAmount: 3 },
      scale: 'yuan' as const,
      year: 2021,
      yearHint: 2021,
      debitMeans: 'in' as const,
      hash: (k: string) => k,
    };
    expect(normalizeLedgerRow({ row: 5, cells: ['03-05', '收到拨款', '借', '1,000.00'] }, ctx)).toMatchObject({
      ok: true,
      row: { date: '2021-03-05', direction: 'in', amountFen: 100_000 },
    });
    expect(normalizeLedgerRow({ row: 6, cells: ['03-06', '付办公费', '贷', 12.5] }, ctx)).toMatchObject({
      ok: true,
      row: { direction: 'out', amountFen: 1_250 },
    });
    expect(normalizeLedgerRow({ row: 7, cells: ['03-07', '结余', '平', 0] }, ctx)).toMatchObject({ ok: false });
  });
});

describe('checksum rows', () => {
  const text = [1];
  const amounts = [2, 3];
  it.each([
    ['本月合计', 'month'],
    ['本年累计', 'year'],
    ['本页合计', 'page'],
    ['小计', 'page'],
    ['合计', 'year'],
    ['上年结转', 'none'],
    ['期初余额', 'none'],
    ['承前页', 'none'],
  ])('%s adds up %s', (label, scope) => {
    expect(classifyLayoutRow([null, label, 1, 2], text, amounts)).toMatchObject({ kind: 'total', label, totalScope: scope });
  });

  const row = (amountFen: number, direction: 'out' | 'in') => ({ amountFen, direction }) as LedgerRow;

  it('compares 本月合计 with the month, 本年累计 with the year so far, 本页合计 with the page', () => {
    const c = new TotalChecker('S', { outflow: 1, inflow: 2 }, 'yuan');
    c.add(row(100, 'out'));
    c.totalRow(3, '本页合计', 'page', [null, 1, 0]);
    c.add(row(50, 'out'));
    c.add(row(7, 'in'));
    c.totalRow(6, '本月合计', 'month', [null, 1.5, 0.07]);
    c.totalRow(7, '本年累计', 'year', [null, 1.5, 0.07]);
    c.add(row(20, 'out'));
    c.totalRow(9, '本月合计', 'month', [null, 0.2, 0]);
    c.totalRow(10, '本年累计', 'year', [null, 1.8, 0.07]);
    c.totalRow(11, '上年结转', 'none', [null, 99, 99]);
    expect(c.checks.map((k) => [k.row, k.fileOutFen, k.rowsOutFen, k.fileInFen, k.rowsInFen, k.ok])).toEqual([
      [3, 100, 100, 0, 0, true],
      [6, 150, 150, 7, 7, true],
      [7, 150, 150, 7, 7, true],
      [9, 20, 20, 0, 0, true],
      [10, 180, 170, 7, 7, false],
    ]);
  });

  it('reads the side of a single-金额 totals row from its 方向 cell', () => {
    const c = new TotalChecker('S', { direction: 2, signedAmount: 3 }, 'yuan', 'in');
    c.add(row(500, 'in'));
    c.add(row(200, 'out'));
    c.totalRow(5, '本月合计', 'month', [null, '本月合计', '借', 5]);
    c.totalRow(6, '本年累计', 'year', [null, '本年累计', '贷', 3]);
    c.totalRow(7, '本年累计', 'year', [null, '本年累计', null, 3]);
    expect(c.checks.map((k) => [k.row, k.fileOutFen, k.fileInFen, k.ok])).toEqual([
      [5, null, 500, true],
      [6, 300, null, false],
    ]);
  });
});

describe('an import with nothing to write', () => {
  const sheets = [{ index: 0, name: '日记账', hidden: false, selected: true, headerRow: 3, signature: '', note: '' }];
  it.each([
    [
      'rejected rows',
      {
        rowsRead: 6,
        rowsRejected: 2,
        badCells: [
          { sheet: '日记账', row: 4, column: 'A', header: '日期', value: '2020-03-05', reason: '日期 2020-03-05 不在导入的 2021 年度内' },
          { sheet: '日记账', row: 5, column: 'A', header: '日期', value: '2020-03-06', reason: '日期 2020-03-06 不在导入的 2021 年度内' },
        ],
        skippedRows: [
          { sheet: '日记账', row: 1, kind: 'title' as const, label: '' },
          { sheet: '日记账', row: 6, kind: 'total' as const, label: '本月合计' },
        ],
      },
      0,
      /“日记账”没有一行可以导入（共读取 6 行）.*2 行无法识别：工作表“日记账”第 4、5 行（A 列“日期”）：日期 2020-03-05 不在导入的 2021 年度内.*跳过：表头前的标题或说明行 1 行，合计\/小计\/累计\/余额行 1 行/,
    ],
    ['only totals', { rowsRead: 4, rowsRejected: 0, badCells: [], skippedRows: [{ sheet: '日记账', row: 4, kind: 'total' as const, label: '本年累计' }] }, 0, /表头以下没有收支明细行/],
    ['all duplicates', { rowsRead: 4, rowsRejected: 0, badCells: [], skippedRows: [] }, 3, /3 行与已导入的数据重复/],
  ])('%s', (_name, parsed, duplicate, message) => {
    const report = describeEmptyImport('账.xlsx', { sheets, ...parsed }, { imported: 0, duplicate });
    expect(report?.message).toMatch(message);
  });

  it('is silent once one row imports', () => {
    expect(describeEmptyImport('账.xlsx', { sheets, rowsRead: 1, rowsRejected: 0, badCells: [], skippedRows: [] }, { imported: 1, duplicate: 0 })).toBeNull();
  });
});
