import { describe, expect, it } from 'vitest';
import { checkCode, CodeListFile, codeName, toCodeList } from '../../../shared/budget/code-list.ts';

const econ = toCodeList({
  kind: 'econ',
  title: '部门预算支出经济分类科目',
  edition: '2021',
  source: 'test',
  codes: [
    { code: '301', name: '工资福利支出' },
    { code: '30101', name: '基本工资' },
    { code: '302', name: '商品和服务支出' },
  ],
});
const func = toCodeList({
  kind: 'func',
  title: '支出功能分类科目',
  edition: '2021',
  source: 'test',
  codes: [
    { code: '201', name: '一般公共服务支出' },
    { code: '2010301', name: '行政运行' },
  ],
});

describe('code lists', () => {
  it.each([
    [econ, '30101', { status: 'listed', name: '基本工资' }],
    [econ, '301', { status: 'listed', name: '工资福利支出' }],
    [econ, '30298', { status: 'unlisted', classCode: '302', className: '商品和服务支出' }],
    // A 类 missing from the list is still a well-formed code the office may use: unlisted, not wrong.
    [econ, '30801', { status: 'unlisted', classCode: '308', className: null }],
    [econ, '50801', { status: 'unlisted', classCode: '508', className: null }],
    // Unless no 类 of its kind could start so: a code from another column.
    [econ, '99901', { status: 'malformed', reason: '经济分类编码应以 3 或 5 开头' }],
    [func, '30201', { status: 'malformed', reason: '支出功能分类编码应以 2 开头' }],
    [econ, '3010', { status: 'malformed', reason: '编码应为 3、5 位数字' }],
    [econ, '2010301', { status: 'malformed', reason: '编码应为 3、5 位数字' }],
    [econ, '30A01', { status: 'malformed', reason: '编码只能是数字' }],
    [econ, '', { status: 'empty' }],
    [func, '2010301', { status: 'listed', name: '行政运行' }],
    [func, '20103', { status: 'unlisted', classCode: '201', className: '一般公共服务支出' }],
    [func, '2350101', { status: 'unlisted', classCode: '235', className: null }],
  ])('%#: checks %s', (list, code, expected) => {
    expect(checkCode(list, code)).toEqual(expected);
  });

  it('names only listed codes', () => {
    expect(codeName(econ, '30101')).toBe('基本工资');
    expect(codeName(econ, '30199')).toBe('');
  });

  it('rejects a file with codes of the wrong length or duplicates, in Chinese', () => {
    const bad = CodeListFile.safeParse({
      kind: 'econ',
      title: 't',
      edition: '2021',
      source: '',
      codes: [
        { code: '3010101', name: 'x' },
        { code: '301', name: 'a' },
        { code: '301', name: 'b' },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['编码 3010101 的位数不符合部门预算支出经济分类的层级', '编码 301 重复']);
  });
});
