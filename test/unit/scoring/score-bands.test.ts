import { describe, expect, it } from 'vitest';
import { bandRanges } from '../../../shared/scoring/band-ranges.ts';
import { docToNodes } from '../../../shared/scoring/framework-tree.ts';
import { parseDecimal } from '../../../shared/scoring/rational.ts';
import type { RuleSpec } from '../../../shared/scoring/rule-spec.ts';
import { rangesOverlap, scoreBands } from '../../../shared/scoring/rules/score-bands.ts';
import { statedTotalCenti, validateFramework } from '../../../shared/scoring/validate-framework.ts';
import type { FrameworkDoc } from '../../../shared/scoring/framework-doc.ts';

type BandsRule = Extract<RuleSpec, { type: 'bands' }>;
const bound = (value: string, inclusive: boolean) => ({ value, inclusive });

// The published 预算控制率 example: 0 → full; (0,10%] → 6 of 8; (10%,20%] → 4; (20%,30%] → 2; > 30% → 0.
const rule: BandsRule = {
  type: 'bands',
  unit: '%',
  bands: [
    { from: bound('0', true), to: bound('0', true), points: '8' },
    { from: bound('0', false), to: bound('10', true), points: '6' },
    { from: bound('10', false), to: bound('20', true), points: '4' },
    { from: bound('20', false), to: bound('30', true), points: '2' },
    { from: bound('30', false), points: '0' },
  ],
};
const ranges = bandRanges(rule)!;
const pointsAt = (v: string) => scoreBands(parseDecimal(v)!, ranges)?.pointsCenti ?? null;
const pointsOf = (i: number) => bandRanges(rule)![i]!.pointsCenti;

describe('区间计分', () => {
  it('gives each range its points, with each end belonging where its bound says', () => {
    expect(pointsAt('0')).toBe(pointsOf(0));
    expect(pointsAt('0.01')).toBe(pointsOf(1));
    expect(pointsAt('10')).toBe(pointsOf(1));
    expect(pointsAt('10.0001')).toBe(pointsOf(2));
    expect(pointsAt('30')).toBe(pointsOf(3));
    expect(pointsAt('30.5')).toBe(pointsOf(4));
  });

  it('scores nothing for a value in no range (a gap is never filled silently)', () => {
    const gappy = bandRanges({ ...rule, bands: rule.bands.filter((_, i) => i !== 2) })!;
    const mid = parseDecimal('15')!;
    expect(scoreBands(mid, gappy)).toBeNull();
  });

  it('finds overlaps, including a shared closed end, and not touching open ends', () => {
    const [a, b] = bandRanges({ ...rule, bands: [rule.bands[1]!, { from: bound('10', true), points: '1' }] })!;
    expect(rangesOverlap(a!, b!)).toBe(true);
    expect(rangesOverlap(ranges[1]!, ranges[2]!)).toBe(false);
    expect(rangesOverlap(ranges[0]!, ranges[1]!)).toBe(false);
  });

  it('validation names the indicator for overlapping ranges and for points above the weight', () => {
    const doc: FrameworkDoc = {
      name: '测试',
      version: '',
      source: '',
      indicators: [
        {
          code: '1',
          name: '预算控制率',
          weight: 6,
          rule: { ...rule, bands: [...rule.bands, { from: bound('5', true), to: bound('6', true), points: '1' }] },
          valueSource: 'budget_adjustment',
        },
      ],
    };
    const messages = validateFramework(docToNodes(doc)).map((i) => i.message);
    expect(messages.some((m) => m.includes('预算控制率') && m.includes('重叠'))).toBe(true);
    expect(messages.some((m) => m.includes('预算控制率') && m.includes('超过本级权重'))).toBe(true);
  });
});

describe('stated total', () => {
  it('a framework whose blocks do not add up to its total is refused, naming every block', () => {
    const doc: FrameworkDoc = {
      name: '测试',
      version: '',
      source: '',
      total: 100,
      indicators: [
        { code: '1', name: '部门决策', weight: 30, rule: { type: 'manual' } },
        { code: '2', name: '部门绩效', weight: 60, rule: { type: 'manual' } },
      ],
    };
    const issues = validateFramework(docToNodes(doc), statedTotalCenti(doc));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('部门决策');
    expect(issues[0]!.message).toContain('部门绩效');
    expect(issues[0]!.message).toContain('指标体系总分');
    expect(validateFramework(docToNodes({ ...doc, total: undefined }), null)).toEqual([]);
  });
});
