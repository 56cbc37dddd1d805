import { describe, expect, it } from 'vitest';
import { describeLostScore, scoresLostBySave } from '../../../shared/scoring/framework-changes.ts';
import { docToNodes } from '../../../shared/scoring/framework-tree.ts';
import { doc } from './sheet-builder.ts';

const before = doc([
  {
    code: '1',
    name: '管理效能',
    weight: 10,
    children: [
      { code: '1.1', name: '资金使用合规性', weight: 4, rule: { type: 'qualitative' } },
      { code: '1.2', name: '预决算信息公开', weight: 3, rule: { type: 'checklist' } },
      { code: '1.3', name: '资产管理', weight: 3, rule: { type: 'manual' } },
    ],
  },
]);

describe('scoresLostBySave', () => {
  const nodes = docToNodes(before);
  const scored = new Set(nodes.filter((n) => n.code !== '1.3').map((n) => n.id));
  const hasInput = (id: number) => scored.has(id);

  it('loses nothing when indicators are renamed, reweighted or reordered', () => {
    const next = structuredClone(before);
    const kids = next.indicators[0]!.children!;
    kids[0]!.name = '资金使用合规性（改）';
    kids[0]!.weight = 5;
    next.indicators[0]!.children = [kids[1]!, kids[0]!, kids[2]!];
    expect(scoresLostBySave(nodes, next, hasInput)).toEqual([]);
  });

  it('lists removed indicators and changed rule types that hold inputs, in tree order, and ignores those without', () => {
    const next = structuredClone(before);
    next.indicators[0]!.children = [
      { ...next.indicators[0]!.children![0]!, rule: { type: 'manual' } },
      { code: '1.3', name: '资产管理', weight: 3, rule: { type: 'checklist' } },
    ];
    const lost = scoresLostBySave(nodes, next, hasInput);
    expect(lost.map(describeLostScore)).toEqual([
      '管理效能 / 资金使用合规性（1.1）：评分规则由“定性指标”改为“手工评分”，原填报内容不再适用',
      '管理效能 / 预决算信息公开（1.2）：指标被删除（或编号被修改）',
    ]);
  });
});
