import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/import/cell.ts';
import { createDuplicateMatcher } from '../../../shared/import/duplicate-matcher.ts';
import type { ColumnMapping } from '../../../shared/import/fields.ts';
import { normalizeBudgetRow } from '../../../shared/import/normalize-budget-row.ts';
import { type LedgerRowContext, normalizeLedgerRow } from '../../../shared/import/normalize-ledger-row.ts';
import { parseDelimited, sniffDelimiter } from '../../../shared/import/parse-delimited.ts';
import type { LedgerRow } from '../../../shared/import/schemas.ts';
import { TotalChecker } from '../../../shared/import/total-checker.ts';

function ledgerCtx(mapping: ColumnMapping, extra: Partial<LedgerRowContext> = {}): LedgerRowContext {
  return { sheet: 'S', mapping, scale: 'yuan', year: 2021, yearHint: null, hash: (k) => `#${k}`, ...extra };
}

function ledger(cells: CellValue[], mapping: ColumnMapping, extra: Partial<LedgerRowContext> = {}) {
  return normalizeLedgerRow({ row: 9, cells }, ledgerCtx(mapping, extra));
}

describe('ledger rows', () => {
  const pair = { date: 0, summary: 1, outflow: 2, inflow: 3, econCode: 4, projectName: 5 };

  it('takes the side that has an amount; a negative 借方 is a reversal', () => {
    const out = ledger(['2021-03-05', '办公费', '1,200.00', '0', '30201 办公费', ''], pair);
    expect(out).toMatchObject({ ok: true, row: { direction: 'out', amountFen: 120_000, econCode: '30201', category: 'public', row: 9 } });
    const inn = ledger(['2021-03-05', '退款', '', 50, '', ''], pair);
    expect(inn).toMatchObject({ ok: true, row: { direction: 'in', amountFen: 5_000 } });
    const red = ledger(['2021-03-05', '冲销', -300, null, '30101', ''], pair);
    expect(red).toMatchObject({ ok: true, row: { direction: 'out', amountFen: -30_000, category: 'personnel' } });
    const project = ledger(['2021-03-05', '运维', 10, null, '30227', '热线运维'], pair);
    expect(project).toMatchObject({ ok: true, row: { category: 'project', projectName: '热线运维' } });
  });

  it('refuses rows it cannot read with a reason per cell', () => {
    expect(ledger(['2021-03-05', 'x', 1, 2, '', ''], pair)).toEqual({
      ok: false,
      issues: [{ column: null, reason: '支出（借方）和收入（贷方）同时有金额，无法判断方向' }],
    });
    expect(ledger(['2021-03-05', 'x', null, '', '', ''], pair)).toMatchObject({ ok: false, issues: [{ column: 2 }] });
    expect(ledger(['', 'x', 1, null, '', ''], pair)).toMatchObject({ ok: false, issues: [{ column: 0, reason: '缺少日期' }] });
    expect(ledger(['2020-12-31', 'x', 1, null, '', ''], pair)).toMatchObject({
      ok: false,
      issues: [{ column: 0, reason: '日期 2020-12-31 不在导入的 2021 年度内' }],
    });
    const bad = ledger(['2021-13-01', 'x', 'abc', null, '', ''], pair);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.column)).toEqual([0, 2]);
  });

  it('signed amounts follow the 借/贷 column, or the bank sign without one', () => {
    const signed = { date: 0, signedAmount: 1, direction: 2 };
    expect(ledger(['20210305', '100', '贷'], signed)).toMatchObject({ ok: true, row: { direction: 'in', amountFen: 10_000 } });
    expect(ledger(['20210305', '-100', '借'], signed)).toMatchObject({ ok: true, row: { direction: 'out', amountFen: -10_000 } });
    expect(ledger(['20210305', '100', '平'], signed)).toMatchObject({ ok: false });
    const bank = { date: 0, signedAmount: 1 };
    expect(ledger(['20210305', '-400000.00'], bank)).toMatchObject({ ok: true, row: { direction: 'out', amountFen: 40_000_000 } });
    expect(ledger(['20210305', '+129646.38'], bank)).toMatchObject({ ok: true, row: { direction: 'in', amountFen: 12_964_638 } });
    expect(ledger(['20210305', '0'], bank)).toMatchObject({ ok: false, issues: [{ reason: '金额为 0' }] });
  });

  it('joins split 月/日 columns with the year over them', () => {
    const m = { month: 0, day: 1, outflow: 2 };
    expect(ledger([3, 5, 1], m, { yearHint: 2021 })).toMatchObject({ ok: true, row: { date: '2021-03-05' } });
    expect(ledger([2, 30, 1], m)).toMatchObject({ ok: false });
  });

  it('reads 资金性质 and 支出类别 columns', () => {
    const m = { date: 0, outflow: 1, fundingSource: 2, category: 3, econCode: 4 };
    expect(ledger(['2021-01-01', 1, '政府性基金', '人员经费', '30201'], m)).toMatchObject({
      ok: true,
      row: { fundingSource: 'gov_fund', category: 'personnel' },
    });
    expect(ledger(['2021-01-01', 1, '', '基本支出', '30302'], m)).toMatchObject({
      ok: true,
      row: { fundingSource: 'general_budget', category: 'personnel' },
    });
    expect(ledger(['2021-01-01', 1, '捐赠', '', ''], m)).toMatchObject({ ok: false, issues: [{ column: 2 }] });
  });
});

describe('budget rows', () => {
  const m = { funcCode: 0, econCode: 1, initial: 2, adjustment: 3, final: 4, projectName: 5 };
  const budget = (cells: CellValue[], mapping: ColumnMapping = m) =>
    normalizeBudgetRow({ row: 3, cells }, { sheet: 'S', mapping, scale: 'wan' });

  it('derives the missing one of 年初 / 调整 / 调整后', () => {
    expect(budget(['2010301 行政运行', '30101 基本工资', 100, null, 120, ''])).toMatchObject({
      ok: true,
      row: { initialFen: 100_000_000, adjustmentFen: 20_000_000, funcName: '行政运行', econName: '基本工资', category: 'personnel' },
    });
    expect(budget(['', '', null, 30, 30, '数字政府'])).toMatchObject({ ok: true, row: { initialFen: 0, adjustmentFen: 30_000_000, category: 'project' } });
    expect(budget(['', '', 1, 1, 3, ''])).toMatchObject({ ok: false, issues: [{ reason: '年初预算 + 调整数 不等于 调整后预算' }] });
    expect(budget(['', '', null, null, null, ''])).toMatchObject({ ok: false, issues: [{ reason: '没有预算金额' }] });
    expect(budget(['', '', 0, 0, 0, ''])).toMatchObject({ ok: false, issues: [{ reason: '预算金额为 0' }] });
    expect(budget(['', '', 12.5, null, null, ''], { quota: 2 })).toMatchObject({ ok: true, row: { initialFen: 12_500_000 } });
  });
});

describe('duplicates and checksums', () => {
  it('matches as a multiset: two existing, three incoming → third is new', () => {
    const match = createDuplicateMatcher((k: string) => k, (k) => (k === 'a' ? { count: 2, batchId: 4 } : { count: 0, batchId: null }));
    expect(['a', 'b', 'a', 'a'].map((k) => match(k))).toEqual([{ existingBatchId: 4 }, null, { existingBatchId: 4 }, null]);
  });

  it('checks 本月合计 against the rows since the last one', () => {
    const checker = new TotalChecker('S', { outflow: 1, inflow: 2 }, 'yuan');
    const row = (amountFen: number, direction: 'out' | 'in') => ({ amountFen, direction }) as LedgerRow;
    checker.add(row(100, 'out'));
    checker.add(row(50, 'in'));
    checker.totalRow(5, '本月合计', 'month', [null, 1, 0.5]);
    checker.add(row(30, 'out'));
    checker.totalRow(7, '本月合计', 'month', [null, 0.4, null]);
    checker.totalRow(8, '合计', 'year', [null, 1.3, 0.5]);
    expect(checker.checks.map((c) => [c.row, c.fileOutFen, c.rowsOutFen, c.ok])).toEqual([
      [5, 100, 100, true],
      [7, 40, 30, false],
      [8, 130, 130, true],
    ]);
  });
});

describe('delimited text', () => {
  it('sniffs the delimiter by consistency, including the full-width comma', () => {
    expect(sniffDelimiter('标题\na,b,c\n1,2,3\n4,5,6')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1\t2,5\t3')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3')).toBe('|');
    expect(sniffDelimiter('日期，摘要，金额\n2021-01-01，办公费，1')).toBe('，');
    expect(sniffDelimiter('a;b\n1;2')).toBe(';');
  });

  it('parses RFC 4180 quoting with embedded delimiters, quotes and line breaks', () => {
    const text = '\ufeffa,b,c\r\n"1,234.00","say ""hi""","two\nlines"\r\nx,,\n';
    expect([...parseDelimited(text, ',', 100)]).toEqual([
      ['a', 'b', 'c'],
      ['1,234.00', 'say "hi"', 'two\nlines'],
      ['x', '', ''],
    ]);
    expect([...parseDelimited('"unterminated,1', ',', 100)]).toEqual([['unterminated,1']]);
    expect([...parseDelimited('abcdef,1', ',', 3)]).toEqual([['abc', '1']]);
  });
});
