import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeListsDir, loadCodeLists } from '../../../electron/codes/load-code-lists.ts';
import { checkCode } from '../../../shared/budget/code-list.ts';
import { LINES_2020, LINES_2021 } from './build-example.ts';

describe('shipped code lists', () => {
  it('load, validate and know every code of the example, with names from domain-notes §2.6', () => {
    const lists = loadCodeLists();
    expect(lists.econ.edition).toBe('2021');
    for (const l of [...LINES_2021, ...LINES_2020]) {
      expect(checkCode(lists.econ, l.econ)).toEqual({ status: 'listed', name: l.econName });
      expect(checkCode(lists.func, l.func).status).toBe('listed');
    }
    expect(checkCode(lists.func, '2010301')).toEqual({ status: 'listed', name: '行政运行' });
    expect(checkCode(lists.econ, '30217')).toEqual({ status: 'listed', name: '公务接待费' });
    expect(checkCode(lists.func, '2120101').status).toBe('unlisted'); // 212 城乡社区支出 is a known class
    expect(loadCodeLists()).toBe(lists);
  });

  it('explain in Chinese which file is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codes-'));
    writeFileSync(join(dir, 'func-codes.json'), '{"kind":"func","title":"t","edition":"2021","source":"","codes":[{"code":"2011","name":"x"}]}');
    writeFileSync(join(dir, 'econ-codes.json'), '{not json');
    expect(() => loadCodeLists(dir)).toThrow(`分类科目表 ${join(dir, 'func-codes.json')} 格式有误（codes.0.code：编码 2011 的位数不符合支出功能分类的层级）`);
    expect(codeListsDir()).toMatch(/resources[\\/]codes$/);
  });
});
