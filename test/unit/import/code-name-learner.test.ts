import { describe, expect, it } from 'vitest';
import { CodeNameLearner } from '../../../shared/import/code-name-learner.ts';

describe('names learned from classification cells', () => {
  it('keeps the first name per code, only for codes of the column\'s kind, and skips bare codes', () => {
    const l = new CodeNameLearner();
    l.read('econ', '30201 办公费');
    l.read('econ', '30201-办公用品费');
    l.read('econ', '[30299]其他商品和服务支出');
    l.read('econ', '30211');
    l.read('econ', '1001 库存现金');
    l.read('econ', '2010601 行政运行');
    l.read('func', '2010601 行政运行');
    l.read('func', '20106 财政事务');
    l.read('func', '201060 六位编码');
    l.read('func', '');
    l.read('func', 2010602);
    l.read('func', null);
    expect(l.list()).toEqual([
      { kind: 'econ', code: '30201', name: '办公费' },
      { kind: 'econ', code: '30299', name: '其他商品和服务支出' },
      { kind: 'func', code: '2010601', name: '行政运行' },
      { kind: 'func', code: '20106', name: '财政事务' },
    ]);
  });

  it('ignores a "name" that is a long note', () => {
    const l = new CodeNameLearner();
    l.read('econ', `30201 ${'很长的说明'.repeat(30)}`);
    expect(l.list()).toEqual([]);
  });
});
