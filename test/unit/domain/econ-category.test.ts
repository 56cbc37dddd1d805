import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCode, CodeListFile, toCodeList } from '../../../shared/budget/code-list.ts';
import { deriveCategory, econClassCategory } from '../../../shared/domain/enums.ts';
import { matchHeader } from '../../../shared/import/header-synonyms.ts';

describe('basic-spending category from the economic code', () => {
  it.each([
    ['30101', 'personnel'],
    ['30302', 'personnel'],
    ['30201', 'public'],
    ['31002', 'public'],
    ['501', 'personnel'],
    ['50101', 'personnel'],
    ['50199', 'personnel'],
    ['502', 'public'],
    ['50201', 'public'],
    ['50301', 'public'],
    ['50501', 'personnel'],
    ['50502', 'public'],
    ['50599', 'public'],
    ['509', 'personnel'],
    ['50905', 'personnel'],
    ['599', 'public'],
    ['', 'public'],
  ])('%s is %s', (code, category) => {
    expect(deriveCategory(code, false)).toBe(category);
    expect(deriveCategory(code, true)).toBe('project');
  });

  it('decides a class alone except 505, whose 款 split it', () => {
    expect(['301', '303', '501', '509', '302', '502', '503', '505'].map(econClassCategory)).toEqual([
      'personnel',
      'personnel',
      'personnel',
      'personnel',
      'public',
      'public',
      'public',
      null,
    ]);
  });

  it('ships the 50x codes in the economic code list', () => {
    const list = toCodeList(CodeListFile.parse(JSON.parse(readFileSync('resources/codes/econ-codes.json', 'utf8'))));
    expect(checkCode(list, '50101')).toEqual({ status: 'listed', name: '工资奖金津补贴' });
    expect(checkCode(list, '50905')).toEqual({ status: 'listed', name: '离退休费' });
    expect(checkCode(list, '50298')).toEqual({ status: 'unlisted', classCode: '502', className: '机关商品和服务支出' });
    expect(checkCode(list, '30101')).toEqual({ status: 'listed', name: '基本工资' });
  });

  it('maps a 政府预算经济分类 column to the economic code, after the 部门 names', () => {
    const gov = matchHeader('政府预算经济分类', 'ledger');
    const dept = matchHeader('部门经济分类', 'ledger');
    expect(gov?.field).toBe('econCode');
    expect(dept?.field).toBe('econCode');
    expect((dept?.rank ?? 99) < (gov?.rank ?? 0)).toBe(true);
  });
});
