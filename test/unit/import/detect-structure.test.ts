import { describe, expect, it } from 'vitest';
import { autoMapping, mappingFromHeaderNames, mappingProblems, mappingToHeaderNames } from '../../../shared/import/auto-mapping.ts';
import type { CellValue, RawRow } from '../../../shared/import/cell.ts';
import { chooseMapping } from '../../../shared/import/choose-mapping.ts';
import { classifyLayoutRow } from '../../../shared/import/classify-layout-row.ts';
import { detectAmountScale } from '../../../shared/import/detect-amount-scale.ts';
import { detectHeader, headerSignature } from '../../../shared/import/detect-header.ts';
import { matchHeader } from '../../../shared/import/header-synonyms.ts';

function rows(...lines: CellValue[][]): RawRow[] {
  return lines.map((cells, i) => ({ row: i + 1, cells }));
}

describe('header synonyms', () => {
  it.each([
    ['交易日期', 'date'],
    ['记账日期', 'date'],
    ['借方发生额（支取）', 'outflow'],
    ['贷方发生额(收入)', 'inflow'],
    ['交易金额[ Trade Amount ]', 'signedAmount'],
    ['对方帐户名称', 'counterparty'],
    ['账户明细编号-交易流水号', 'serialNo'],
    ['支出金额（元）', 'outflow'],
    ['经济分类科目', 'econCode'],
    ['功能科目', 'funcCode'],
    ['借贷方向', 'direction'],
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header, 'ledger')?.field).toBe(field);
  });

  it('knows the budget words', () => {
    expect(matchHeader('年初预算数', 'budget')?.field).toBe('initial');
    expect(matchHeader('调整后预算（万元）', 'budget')?.field).toBe('final');
    expect(matchHeader('指标文号', 'budget')?.field).toBe('docNo');
    expect(matchHeader('年初预算数', 'ledger')).toBeNull();
    expect(matchHeader('余额', 'ledger')).toBeNull();
  });
});

describe('detectHeader', () => {
  it('skips title and unit lines and finds a one-row header', () => {
    const h = detectHeader(
      rows(['某某单位银行日记账'], ['单位：元'], [], ['日期', '摘要', '支出', '收入', '余额'], ['2021-01-01', '期初余额', null, null, 100]),
      'ledger',
    );
    expect(h).toMatchObject({ row: 4, rows: 1 });
    expect(h?.columns.map((c) => c.match?.field ?? null)).toEqual(['date', 'summary', 'outflow', 'inflow', null]);
  });

  it('joins a two-level header, carrying merged parents across their children', () => {
    const h = detectHeader(
      rows(
        ['明细账'],
        ['2021年', null, '凭证号', '摘要', '本期发生额', null, '期末余额', null],
        ['月', '日', null, null, '借方', '贷方', '借方', '贷方'],
        [1, 5, '记-1', '办公费', 100, null, 100, null],
      ),
      'ledger',
    );
    expect(h).toMatchObject({ row: 2, rows: 2, yearHint: 2021 });
    expect(h?.columns.map((c) => c.name)).toEqual([
      '2021年/月',
      '2021年/日',
      '凭证号',
      '摘要',
      '本期发生额/借方',
      '本期发生额/贷方',
      '期末余额/借方',
      '期末余额/贷方',
    ]);
    // 借/贷 under a balance parent are not the row's movement.
    expect(h?.columns.map((c) => c.match?.field ?? null)).toEqual([
      'month',
      'day',
      'voucherNo',
      'summary',
      'outflow',
      'inflow',
      null,
      null,
    ]);
  });

  it('does not glue a metadata line onto a complete header', () => {
    const h = detectHeader(rows(['账号：123', '户名：某某'], ['交易日期', '摘要', '借方金额', '贷方金额']), 'ledger');
    expect(h).toMatchObject({ row: 2, rows: 1 });
  });

  it('honours a chosen header row, and returns null when nothing looks like a header', () => {
    const data = rows(['a', 'b'], ['日期', '金额', '摘要']);
    expect(detectHeader(data, 'ledger', { headerRow: 2 })?.row).toBe(2);
    expect(detectHeader(data, 'ledger', { headerRow: 9 })).toBeNull();
    expect(detectHeader(rows(['甲', '乙'], [1, 2]), 'ledger')).toBeNull();
  });

  it('recognises the columns of a saved profile even without known names', () => {
    const data = rows(['对账单'], ['记录日', '说明', '出款', '进款']);
    expect(detectHeader(data, 'ledger')).toBeNull();
    expect(detectHeader(data, 'ledger', { knownHeaders: [['记录日', '出款', '进款']] })?.row).toBe(2);
  });
});

describe('amount unit', () => {
  it('reads the unit from a statement line, then from amount headers, else 元', () => {
    expect(detectAmountScale(['编制单位：某某', '金额单位：万元'], ['金额'])).toEqual({ scale: 'wan', evidence: '金额单位:万元' });
    expect(detectAmountScale(['单位: 元'], ['年初预算（万元）']).scale).toBe('yuan');
    expect(detectAmountScale([], ['年初预算(万元)']).scale).toBe('wan');
    expect(detectAmountScale(['单位：千元'], []).scale).toBe('thousand');
    expect(detectAmountScale(['2021年度单位预算'], ['金额'])).toEqual({ scale: 'yuan', evidence: null });
  });
});

describe('layout rows', () => {
  const text = [1];
  const amounts = [2, 3];
  it.each([
    [[null, '本月合计', 100, 0], 'total', '本月合计', 'month'],
    [[null, '本年累计', 100, 0], 'total', '本年累计', 'year'],
    [['合计', null, 100, 0], 'total', '合计', 'year'],
    [[null, '小计', 1, 0], 'total', '小计', 'page'],
    [['2021-01-01', '期初余额', null, null], 'total', '期初余额', 'none'],
    [[null, '过次页', 5, 5], 'total', '过次页', 'none'],
    [['本页合计 借方发生额：0.94 借方交易笔数：1'], 'total', '本页合计', 'page'],
    [['制表人：张三  复核：李四'], 'footer', '制表人', 'none'],
    [[null, null, '  ', null], 'blank', '', 'none'],
  ])('%j is %s', (cells, kind, label, scope) => {
    expect(classifyLayoutRow(cells as CellValue[], text, amounts)).toEqual({ kind, label, totalScope: scope });
  });

  it('keeps data rows whose text merely starts like a note', () => {
    expect(classifyLayoutRow(['2021-03-05', '说明：购买办公用品', 120, null], text, amounts)).toBeNull();
    expect(classifyLayoutRow(['2021-03-05', '办公费', 120, null], text, amounts)).toBeNull();
  });
});

describe('mapping', () => {
  const header = detectHeader(rows(['交易日期', '交易时间', '摘要', '用途', '金额', '余额']), 'ledger');
  it('picks the best synonym per field and reads a bare 金额 as spending', () => {
    expect(header).not.toBeNull();
    const m = autoMapping(header?.columns ?? [], 'ledger');
    expect(m).toEqual({ date: 0, summary: 2, outflow: 4 });
    expect(mappingProblems(m, 'ledger', 6)).toEqual([]);
  });

  it('keeps a signed amount when a 借/贷 column is there', () => {
    const h = detectHeader(rows(['日期', '摘要', '发生额', '借贷标志']), 'ledger');
    expect(autoMapping(h?.columns ?? [], 'ledger')).toEqual({ date: 0, summary: 1, signedAmount: 2, direction: 3 });
  });

  it('lists every problem in Chinese', () => {
    expect(mappingProblems({ summary: 0 }, 'ledger', 3)).toEqual([
      expect.stringContaining('没有找到金额列'),
      expect.stringContaining('没有找到日期列'),
    ]);
    expect(mappingProblems({ date: 0, outflow: 0 }, 'ledger', 3)[0]).toContain('同一列不能同时');
    expect(mappingProblems({ date: 0, outflow: 7 }, 'ledger', 3)[0]).toContain('指向的列不存在');
    expect(mappingProblems({ initial: 0 }, 'ledger', 3)[0]).toContain('不适用于收支明细');
    expect(mappingProblems({ quota: 1 }, 'budget', 3)).toEqual([]);
  });

  it('round-trips a mapping through header names and chooses option > profile > auto', () => {
    const cols = header?.columns ?? [];
    const names = mappingToHeaderNames(cols, { date: 0, outflow: 4 });
    expect(names).toEqual({ date: '交易日期', outflow: '金额' });
    expect(mappingFromHeaderNames(cols, { ...names, inflow: '收入' })).toEqual({ mapping: { date: 0, outflow: 4 }, missing: ['收入'] });
    const signature = headerSignature(cols);
    const profile = { id: 7, name: '某银行', headerSignature: signature, columns: { date: '交易时间', outflow: '金额' } };
    expect(chooseMapping(cols, 'ledger', signature, { autoProfile: true, profiles: [profile] })).toMatchObject({
      source: 'profile',
      mapping: { date: 1, outflow: 4 },
      profile: { id: 7 },
    });
    expect(chooseMapping(cols, 'ledger', signature, { mapping: { date: 0 }, autoProfile: true, profiles: [profile] }).source).toBe('option');
    expect(chooseMapping(cols, 'ledger', 'other', { autoProfile: true, profiles: [profile] }).source).toBe('auto');
    const broken = chooseMapping(cols, 'ledger', signature, {
      autoProfile: true,
      profiles: [{ ...profile, columns: { date: '不存在的列' } }],
    });
    expect(broken.source).toBe('auto');
    expect(broken.warnings[0]).toContain('“不存在的列”');
  });
});
