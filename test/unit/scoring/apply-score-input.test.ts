import { describe, expect, it } from 'vitest';
import { applyScoreInput } from '../../../shared/scoring/apply-score-input.ts';
import { docToNodes, type FrameworkNode } from '../../../shared/scoring/framework-tree.ts';
import { emptyInput } from '../../../shared/scoring/score-input.ts';
import { doc } from './sheet-builder.ts';

const nodes = docToNodes(
  doc([
    {
      code: 'A',
      name: '管理',
      weight: 20,
      children: [
        { code: 'A1', name: '执行率', weight: 5, rule: { type: 'positive', target: '100', unit: '%' }, valueSource: 'budget_execution' },
        { code: 'A2', name: '合规性', weight: 5, rule: { type: 'qualitative' } },
        { code: 'A3', name: '公开', weight: 5, rule: { type: 'checklist' } },
        { code: 'A4', name: '评审', weight: 3, rule: { type: 'manual' } },
        { code: 'A5', name: '满意度', weight: 2, rule: { type: 'positive', unit: '%' } },
      ],
    },
  ]),
);
const node = (code: string): FrameworkNode => nodes.find((n) => n.code === code)!;
const base = { yearId: 1 };
const apply = (code: string, patch: Record<string, unknown>, current = emptyInput(node(code).id)) =>
  applyScoreInput(node(code), current, { ...base, indicatorId: node(code).id, ...patch });

describe('applyScoreInput', () => {
  it('stores typed values as canonical decimals', () => {
    expect(apply('A5', { targetValue: ' 90% ', actualValue: '95.50' })).toMatchObject({
      ok: true,
      row: { targetValue: '90', actualValue: '95.5' },
    });
  });

  it('refuses a typed value for a data-sourced indicator and points to 调整得分', () => {
    expect(apply('A1', { actualValue: '99' })).toEqual({
      ok: false,
      errors: ['指标 A1（执行率）的实际值来自预算执行，不能手工填写；如需调整得分，请使用“调整得分”并填写得分依据'],
    });
  });

  it('refuses text that is not a number', () => {
    expect(apply('A5', { actualValue: '九十' })).toEqual({ ok: false, errors: ['指标 A5（满意度）的实际完成值“九十”不是有效数字'] });
  });

  it('takes a band and a score inside it, and infers the band from a score alone', () => {
    expect(apply('A2', { band: 'partial', chosenScoreCenti: 350 })).toMatchObject({ ok: true, row: { band: 'partial', chosenScoreCenti: 350 } });
    expect(apply('A2', { chosenScoreCenti: 450 })).toMatchObject({ ok: true, row: { band: 'achieved', chosenScoreCenti: 450 } });
    expect(apply('A2', { band: 'achieved', chosenScoreCenti: 350 })).toEqual({
      ok: false,
      errors: ['指标 A2（合规性）的得分 3.5 分不在“达成年度指标”档（4–5 分）内'],
    });
  });

  it('clears a chosen score that no longer fits a newly chosen band', () => {
    const current = { ...emptyInput(node('A2').id), band: 'achieved' as const, chosenScoreCenti: 500 };
    expect(apply('A2', { band: 'partial' }, current)).toMatchObject({ ok: true, row: { band: 'partial', chosenScoreCenti: null } });
  });

  it('maps the checklist answer and refuses a computed score typed directly', () => {
    expect(apply('A3', { answer: 'no' })).toMatchObject({ ok: true, row: { actualValue: '0' } });
    expect(apply('A1', { chosenScoreCenti: 400 })).toEqual({
      ok: false,
      errors: ['指标 A1（执行率）的得分由规则计算，不能直接填写；如需调整，请使用“调整得分”并填写得分依据'],
    });
  });

  it('requires a reason for a manual score below full marks', () => {
    expect(apply('A4', { chosenScoreCenti: 250 })).toEqual({
      ok: false,
      errors: ['指标 A4（评审）的得分低于满分（3 分），必须填写扣分原因'],
    });
    expect(apply('A4', { chosenScoreCenti: 250, basis: '评审意见指出资料不全' })).toMatchObject({ ok: true });
    expect(apply('A4', { chosenScoreCenti: 300 })).toMatchObject({ ok: true });
  });

  it('requires 得分依据 for an override and keeps it within the weight', () => {
    expect(apply('A1', { overrideScoreCenti: 480 })).toEqual({ ok: false, errors: ['指标 A1（执行率）调整了得分，必须填写得分依据'] });
    expect(apply('A1', { overrideScoreCenti: 600, basis: 'x' })).toEqual({
      ok: false,
      errors: ['指标 A1（执行率）的调整后得分 6 分超出 0–5 分'],
    });
    expect(apply('A1', { overrideScoreCenti: 480, basis: '按财政局复核结果' })).toMatchObject({
      ok: true,
      row: { overrideScoreCenti: 480, basis: '按财政局复核结果' },
    });
  });

  it('refuses input on a parent indicator', () => {
    expect(apply('A', { basis: 'x' })).toEqual({ ok: false, errors: ['指标 A（管理）不是末级评分指标，得分由下级指标合计'] });
  });
});
