import { describe, expect, it } from 'vitest';
import { toCodeList } from '../../../shared/budget/code-list.ts';
import { type RowNames, rowIdentity } from '../../../shared/budget/row-identity.ts';

const names: RowNames = {
  units: new Map([[1, '本级']]),
  projects: new Map([
    ['7', { code: 'XM-07', name: '热线运营' }],
    ['ly:3', { code: '', name: '旧项目' }],
  ]),
  codes: {
    econ: toCodeList({ kind: 'econ', title: 'e', edition: '2021', source: '', codes: [{ code: '302', name: '商品和服务支出' }] }),
    func: toCodeList({ kind: 'func', title: 'f', edition: '2021', source: '', codes: [{ code: '201', name: '一般公共服务支出' }] }),
  },
  typedNames: { econ: new Map([['30298', '自拟名称']]), func: new Map() },
};

describe('row identity', () => {
  it('labels rows and gives the drill-down filter behind each', () => {
    expect(rowIdentity('unit', '1', names)).toEqual({ label: '本级', code: null, filter: { unitId: 1, direction: 'out' } });
    expect(rowIdentity('category', 'public', names).label).toBe('基本支出·公用经费');
    expect(rowIdentity('fundingSource', 'gov_fund', names).filter).toEqual({ fundingSource: 'gov_fund', direction: 'out' });
    expect(rowIdentity('project', '7', names)).toEqual({ label: '热线运营', code: 'XM-07', filter: { projectId: 7, direction: 'out' } });
    expect(rowIdentity('project', '0', names).filter).toEqual({ category: 'project', projectId: null, direction: 'out' });
    expect(rowIdentity('project', 'ly:3', names)).toEqual({ label: '旧项目', code: null, filter: null });
    expect(rowIdentity('econClass', '302', names)).toEqual({ label: '商品和服务支出', code: '302', filter: { econPrefix: '302', direction: 'out' } });
    expect(rowIdentity('econItem', '30298', names)).toEqual({ label: '自拟名称', code: '30298', filter: { econCode: '30298', direction: 'out' } });
    expect(rowIdentity('funcItem', '', names)).toEqual({ label: '（未填写）', code: '', filter: { funcCode: '', direction: 'out' } });
    expect(rowIdentity('funcClass', '208', names).label).toBe('（科目表中无此编码）');
  });
});
