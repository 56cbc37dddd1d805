import { describe, expect, it } from 'vitest';
import { checkCode, toCodeList } from '../../../shared/budget/code-list.ts';
import { codeEntries, codeShapeProblem, kindOfCode, officeCodeLists, type StoredCodeName } from '../../../shared/codes/code-names.ts';
import { bestCodeTable, readCodeTable } from '../../../shared/codes/read-code-table.ts';
import type { RawRow } from '../../../shared/import/cell.ts';

const shipped = {
  func: toCodeList({ kind: 'func', title: 'f', edition: '2021', source: '', codes: [{ code: '201', name: '一般公共服务支出' }, { code: '2010301', name: '行政运行' }] }),
  econ: toCodeList({ kind: 'econ', title: 'e', edition: '2021', source: '', codes: [{ code: '302', name: '商品和服务支出' }, { code: '30201', name: '办公费' }] }),
};

const rows = (...cells: unknown[][]): RawRow[] => cells.map((c, i) => ({ row: i + 1, cells: c as RawRow['cells'] }));

describe('code kinds and shapes', () => {
  it.each([
    ['2010301', 'func'],
    ['201', 'func'],
    ['30201', 'econ'],
    ['50501', 'econ'],
    ['1001', null],
    ['3020101', null],
    ['20103a', null],
  ] as const)('%s → %s', (code, kind) => expect(kindOfCode(code)).toBe(kind));

  it('names what is wrong with a code for its list', () => {
    expect(codeShapeProblem('func', '2010601')).toBeNull();
    expect(codeShapeProblem('econ', '2010601')).toBe('经济分类编码应为 3、5 位数字');
    expect(codeShapeProblem('func', '30201')).toBe('编码 30201 不是支出功能分类（2 开头）编码');
    expect(codeShapeProblem('econ', '3a')).toBe('科目编码只能是数字');
  });
});

describe('the office\'s code lists', () => {
  const stored: StoredCodeName[] = [
    { kind: 'func', code: '2010601', name: '行政运行（学到的）', source: 'learned' },
    { kind: 'func', code: '2010301', name: '学到的名称', source: 'learned' },
    { kind: 'econ', code: '30201', name: '办公费（导入）', source: 'imported' },
    { kind: 'econ', code: '30299', name: '其他（手填）', source: 'manual' },
  ];

  it('typed over imported over shipped over learned', () => {
    const lists = officeCodeLists(shipped, stored);
    expect(checkCode(lists.func, '2010601')).toEqual({ status: 'listed', name: '行政运行（学到的）' });
    expect(checkCode(lists.func, '2010301')).toEqual({ status: 'listed', name: '行政运行' });
    expect(checkCode(lists.econ, '30201')).toEqual({ status: 'listed', name: '办公费（导入）' });
    expect(checkCode(lists.econ, '30299')).toEqual({ status: 'listed', name: '其他（手填）' });
    expect(officeCodeLists(shipped, [])).toEqual(shipped);
  });

  it('lists each code once with the source of the name it shows', () => {
    const entries = codeEntries(shipped, stored);
    expect(entries.map((e) => [e.kind, e.code, e.source, e.shippedName])).toEqual([
      ['econ', '302', 'shipped', null],
      ['econ', '30201', 'imported', '办公费'],
      ['econ', '30299', 'manual', null],
      ['func', '201', 'shipped', null],
      ['func', '2010301', 'shipped', null],
      ['func', '2010601', 'learned', null],
    ]);
  });
});

describe('reading a 科目表 sheet', () => {
  it('finds code and name columns under a title, with a 分类 column deciding the list', () => {
    const t = readCodeTable('Sheet1', rows(['科目表'], [], ['分类', '科目代码', '科目名称'], ['经济分类', '30201', '办公费'], ['功能分类', 2010601, '行政运行'], ['功能分类', '30202', '印刷费']));
    expect(t.headerRow).toBe(3);
    expect(t.entries).toEqual([
      { kind: 'econ', code: '30201', name: '办公费', row: 4 },
      { kind: 'func', code: '2010601', name: '行政运行', row: 5 },
    ]);
    expect(t.skipped).toEqual([{ row: 6, message: '第 6 行的编码 30202 不是支出功能分类或经济分类编码，已跳过' }]);
  });

  it('reads one column of "code name" cells without a header, and skips a repeated code', () => {
    const t = readCodeTable('科目', rows(['[2010601]行政运行'], ['30201-办公费'], ['30201 办公费（重复）'], ['说明：本表仅供参考']));
    expect(t.headerRow).toBeNull();
    expect(t.entries.map((e) => `${e.code} ${e.name}`)).toEqual(['2010601 行政运行', '30201 办公费']);
    expect(t.skipped).toEqual([{ row: 3, message: '第 3 行的编码 30201 与前面重复，已跳过' }]);
  });

  it('takes the sheet with the most codes', () => {
    const cover = readCodeTable('封面', rows(['2021年度科目表']));
    const list = readCodeTable('科目', rows(['编码', '名称'], ['30201', '办公费']));
    expect(bestCodeTable([cover, list])?.sheet).toBe('科目');
    expect(bestCodeTable([cover])).toBeNull();
  });
});
