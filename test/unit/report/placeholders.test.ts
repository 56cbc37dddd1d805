import { describe, expect, it } from 'vitest';
import {
  placeholderCatalogue,
  placeholderKeysIn,
  placeholderValues,
  resolvePlaceholders,
} from '../../../shared/report/placeholders.ts';
import { exampleInput } from './example-input.ts';

describe('placeholder catalogue', () => {
  const catalogue = placeholderCatalogue(exampleInput);
  const value = (key: string) => catalogue.find((e) => e.key === key)?.value;

  it('offers the computed figures with Chinese labels and current values', () => {
    expect(value('budget.final')).toBe('3982.33');
    expect(value('budget.actual')).toBe('3752.63');
    expect(value('budget.basic')).toBe('3260.92');
    expect(value('budget.project')).toBe('491.71');
    expect(value('budget.execution_rate')).toBe('94.23%');
    expect(value('budget.adjustment_rate')).toBe('5.77%');
    expect(value('procurement.rate')).toBe('97.50%');
    expect(value('score.total')).toBe('94.21');
    expect(value('score.1')).toBe('44.21');
    expect(value('score.1.1.1.deduction')).toBe('0.74');
    expect(value('measure.docs_received')).toBe('21609');
    expect(value('measure.hotline.target')).toBe('20');
    expect(catalogue.find((e) => e.key === 'budget.execution_rate')?.label).toBe('预算执行率');
    for (const e of catalogue) expect(e.label, e.key).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has unique keys', () => {
    expect(new Set(catalogue.map((e) => e.key)).size).toBe(catalogue.length);
  });

  it('follows the data: a changed amount changes the value', () => {
    const changed = placeholderCatalogue({ ...exampleInput, budget: { ...exampleInput.budget, projectFen: 491_720_000 } });
    expect(changed.find((e) => e.key === 'budget.project')?.value).toBe('491.72');
  });
});

describe('resolvePlaceholders', () => {
  const values = placeholderValues(placeholderCatalogue(exampleInput));

  it('substitutes known keys, tolerating spaces inside the braces', () => {
    expect(resolvePlaceholders('执行率 {{budget.execution_rate}}，得分 {{ score.total }} 分', values)).toEqual({
      text: '执行率 94.23%，得分 94.21 分',
      unknown: [],
    });
  });

  it('keeps an unknown key visible and reports it instead of printing a blank', () => {
    const r = resolvePlaceholders('支出 {{budget.actul}} 万元，{{budget.actual}} 万元', values);
    expect(r.text).toBe('支出 {{budget.actul}} 万元，3752.63 万元');
    expect(r.unknown).toEqual(['budget.actul']);
  });

  it('lists the keys a body uses', () => {
    expect(placeholderKeysIn('{{a}} 与 {{ b.c }}')).toEqual(['a', 'b.c']);
  });
});
