import { describe, expect, it } from 'vitest';
import { cellToText, unwrapExcelText } from '../../../shared/import/cell-text.ts';
import { isDateFormatCode } from '../../../shared/import/excel-date-format.ts';
import { ledgerFingerprintKey } from '../../../shared/import/fingerprint.ts';
import { cleanStoredText, headerKey, toParseText } from '../../../shared/import/normalize-text.ts';
import { isNoProjectText, parseCategoryText, parseFundingSource } from '../../../shared/import/parse-classification.ts';
import { parseDirectionText } from '../../../shared/import/parse-direction.ts';
import { splitCodeName } from '../../../shared/import/split-code-name.ts';

describe('splitCodeName', () => {
  it.each([
    ['30201 办公费', '30201', '办公费'],
    ['30201-办公费', '30201', '办公费'],
    ['30201 - 办公费', '30201', '办公费'],
    ['30201办公费', '30201', '办公费'],
    ['[2010301]行政运行', '2010301', '行政运行'],
    ['【50501】工资福利支出', '50501', '工资福利支出'],
    ['30201：办公费', '30201', '办公费'],
    ['30201', '30201', ''],
    ['办公费', '', '办公费'],
    ['', '', ''],
    ['３０２０１　办公费', '30201', '办公费'],
  ])('%s', (text, code, name) => {
    expect(splitCodeName(text)).toEqual({ code, name });
  });
});

describe('direction, funding source and category words', () => {
  it('maps 借/贷 and their bank synonyms', () => {
    for (const w of ['借', '借方', '支出', '往账', '转出', 'D', 'Dr']) {
      expect(parseDirectionText(w)).toEqual({ kind: 'ok', direction: 'out' });
    }
    for (const w of ['贷', '贷方', '收入', '来账', '转入', 'C']) {
      expect(parseDirectionText(w)).toEqual({ kind: 'ok', direction: 'in' });
    }
    expect(parseDirectionText('平').kind).toBe('error');
    expect(parseDirectionText('其他').kind).toBe('error');
    expect(parseDirectionText(' ').kind).toBe('empty');
  });

  it('maps 资金性质 wording and refuses what it does not know', () => {
    expect(parseFundingSource('一般公共预算财政拨款')).toEqual({ kind: 'ok', value: 'general_budget' });
    expect(parseFundingSource('财政拨款')).toEqual({ kind: 'ok', value: 'general_budget' });
    expect(parseFundingSource('政府性基金预算')).toEqual({ kind: 'ok', value: 'gov_fund' });
    expect(parseFundingSource('国有资本经营预算')).toEqual({ kind: 'ok', value: 'state_capital' });
    expect(parseFundingSource('财政专户管理资金')).toEqual({ kind: 'ok', value: 'special_account' });
    expect(parseFundingSource('单位自有资金')).toEqual({ kind: 'ok', value: 'unit_other' });
    expect(parseFundingSource('外国援助').kind).toBe('error');
    expect(parseFundingSource('')).toEqual({ kind: 'empty' });
  });

  it('maps 支出类别 wording', () => {
    expect(parseCategoryText('基本支出-人员经费')).toEqual({ kind: 'ok', value: 'personnel' });
    expect(parseCategoryText('日常公用经费')).toEqual({ kind: 'ok', value: 'public' });
    expect(parseCategoryText('项目支出')).toEqual({ kind: 'ok', value: 'project' });
    expect(parseCategoryText('基本支出')).toEqual({ kind: 'ok', value: 'basic' });
    expect(parseCategoryText('杂项').kind).toBe('error');
    expect(isNoProjectText('基本支出')).toBe(true);
    expect(isNoProjectText('政务服务热线运行')).toBe(false);
  });
});

describe('text helpers', () => {
  it('folds full-width forms for parsing but keeps stored text as typed', () => {
    expect(toParseText('　１２３．４５　')).toBe('123.45');
    expect(toParseText('\u200b100')).toBe('100');
    expect(cleanStoredText('支付\n办公费，  含税')).toBe('支付 办公费， 含税');
    expect(headerKey(' 对方帐号： ')).toBe('对方账号');
  });

  it('reads long numbers and forced text exactly', () => {
    expect(cellToText(202400000000123)).toBe('202400000000123');
    expect(cellToText('="00123"')).toBe('00123');
    expect(unwrapExcelText("'0012")).toBe('0012');
    expect(cellToText({ kind: 'date', serial: 44260 })).toBe('2021-03-05');
    expect(cellToText(null)).toBe('');
  });

  it('recognises date number formats', () => {
    for (const f of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'm/d/yy h:mm', 'hh:mm:ss']) {
      expect(isDateFormatCode(f)).toBe(true);
    }
    for (const f of ['#,##0.00', '0.00_);[Red](0.00)', '#,##0.00"元"', 'General', '0.00E+00', '[$¥-804]#,##0.00']) {
      expect(isDateFormatCode(f)).toBe(false);
    }
  });

  it('gives the same fingerprint whatever the spacing and width', () => {
    const a = ledgerFingerprintKey({
      date: '2021-03-05',
      direction: 'out',
      amountFen: 100,
      counterparty: '广州某某 公司',
      summary: '办公费（三月）',
      serialNo: 'SN1',
    });
    const b = ledgerFingerprintKey({
      date: '2021-03-05',
      direction: 'out',
      amountFen: 100,
      counterparty: '广州某某公司',
      summary: '办公费(三月)',
      serialNo: 'sn1',
    });
    expect(a).toBe(b);
  });
});
