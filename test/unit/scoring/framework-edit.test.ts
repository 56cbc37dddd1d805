import { describe, expect, it } from 'vitest';
import defaultFramework from '../../../resources/frameworks/default.json' with { type: 'json' };
import { parseFrameworkData } from '../../../shared/scoring/framework-file.ts';
import type { FrameworkDoc } from '../../../shared/scoring/framework-doc.ts';
import {
  addIndicator,
  cleanRule,
  defaultRule,
  draftIssues,
  editorRows,
  indicatorAt,
  moveIndicator,
  removeIndicator,
  updateIndicator,
} from '../../../shared/scoring/framework-edit.ts';

function defaultDoc(): FrameworkDoc {
  const parsed = parseFrameworkData(defaultFramework);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.doc;
}

describe('framework draft edits', () => {
  it('flags the node whose children no longer add up, in Chinese, and clears when fixed', () => {
    const base = defaultDoc();
    expect(draftIssues(base)).toEqual([]);
    const off = updateIndicator(base, [0, 0, 0], { weight: 12 });
    expect(draftIssues(off)).toEqual([{ code: '1.1', message: '指标 1.1（资金管理）的下级指标权重合计 15.2 分，与本级权重 16 分不一致' }]);
    expect(editorRows(off).find((r) => r.item.code === '1.1')!.childSumCenti).toBe(1520);
    expect(draftIssues(updateIndicator(off, [0, 0, 1], { weight: 2 }))).toEqual([]);
    expect(base.indicators[0]!.children![0]!.children![0]!.weight).toBe(12.8); // edits never mutate
  });

  it('names the indicator for field problems (empty name, unreadable weight)', () => {
    const issues = draftIssues(updateIndicator(updateIndicator(defaultDoc(), [0, 1], { name: '' }), [1], { weight: Number.NaN }));
    expect(issues.map((i) => i.code)).toEqual(['1.2', '2']);
    expect(issues[0]!.message).toContain('指标 1.2（未命名）：指标名称不能为空');
    expect(issues[1]!.message).toContain('指标 2（履职效能）：');
  });

  it('adds children with fresh codes and weight 0, turning a leaf into a parent without its own rule', () => {
    const base = defaultDoc();
    const added = addIndicator(base, [1, 0, 0]); // under 2.1.1 重点工作任务完成率 (a leaf with a data source)
    expect(added.path).toEqual([1, 0, 0, 0]);
    const parent = indicatorAt(added.doc, [1, 0, 0])!;
    expect(parent.rule).toBeUndefined();
    expect(parent.valueSource).toBeUndefined();
    expect(parent.children).toEqual([{ code: '2.1.1.1', name: '新指标', weight: 0, rule: { type: 'qualitative' } }]);
    expect(draftIssues(added.doc).map((i) => i.message)).toContain('指标 2.1.1.1（新指标）位于第 4 级，指标体系最多三级');

    const sibling = addIndicator(base, [0, 2]); // 1.3 has 1.3.1 and 1.3.2
    expect(indicatorAt(sibling.doc, sibling.path)!.code).toBe('1.3.3');
    const top = addIndicator(removeIndicator(base, [1]), null); // 2 removed: code 2 is free again, 3 is taken
    expect(top.doc.indicators.map((i) => i.code)).toEqual(['1', '3', '4']);
  });

  it('moves among siblings only', () => {
    const base = defaultDoc();
    const moved = moveIndicator(base, [0, 2, 1], -1);
    expect(indicatorAt(moved, [0, 2])!.children!.map((c) => c.code)).toEqual(['1.3.2', '1.3.1']);
    expect(moveIndicator(base, [0, 2, 0], -1)).toEqual(base);
    expect(editorRows(base).filter((r) => r.isLast).length).toBeGreaterThan(0);
  });

  it('switches rule types with sensible parameters, keeping target and unit', () => {
    expect(defaultRule('steps', { type: 'positive', target: '95', unit: '%' })).toEqual({
      type: 'steps',
      target: '95',
      unit: '%',
      direction: 'below',
      step: '1',
      pointsPerStep: '0.1',
      counting: 'proportional',
    });
    expect(defaultRule('checklist', { type: 'positive', target: '95' })).toEqual({ type: 'checklist' });
    expect(cleanRule({ type: 'reverse', target: '10', explainAbove: '' })).toEqual({ type: 'reverse', target: '10' });
  });
});
