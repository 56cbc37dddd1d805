import { describe, expect, it } from 'vitest';
import { describeFrameworkChanges, describeLostScore, scoresLostBySave } from '../../../shared/scoring/framework-changes.ts';
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

describe('describeFrameworkChanges', () => {
  it('lists additions, edits, reorders and removals per indicator', () => {
    const next = structuredClone(before);
    const kids = next.indicators[0]!.children!;
    kids[0]!.weight = 5;
    kids[0]!.rule = { type: 'manual' };
    kids[2]!.weight = 2;
    kids[2]!.criteria = '按资产清查结果评分';
    next.indicators[0]!.children = [kids[2]!, kids[0]!, { code: '1.4', name: '成本控制', weight: 0, rule: { type: 'checklist' } }];
    expect(describeFrameworkChanges(before, next)).toEqual([
      '1 管理效能：下级指标顺序调整',
      '1.3 资产管理：权重 3 分 → 2 分；评分标准已修改',
      '1.1 资金使用合规性：权重 4 分 → 5 分；计分方法 定性指标 → 手工评分',
      '新增 1.4 成本控制',
      '删除 1.2 预决算信息公开',
    ]);
    expect(describeFrameworkChanges(before, before)).toEqual([]);
  });
});
