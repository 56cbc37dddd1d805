import { describe, expect, it } from 'vitest';
import { adjustmentRate } from '../../../shared/budget/adjustment-rate.ts';

describe('adjustmentRate', () => {
  it('is 调整数 ÷ 年初预算: 217.25 ÷ 3765.08 = 5.77 % for the example, final stays 3982.33', () => {
    const r = adjustmentRate(3765080000, 217250000);
    expect(r.finalFen).toBe(3982330000);
    expect(r.rate).toEqual({ num: 217250000, den: 3765080000 });
    expect(r.percent).toBe(5.77);
    expect(r.formulaText).toBe('预算调整率 = 调整数 ÷ 年初预算数 × 100% = 217.25 ÷ 3765.08 × 100% = 5.77%（金额单位：万元）');
    expect(r.definitionText).toContain('调整后预算数 − 年初预算数');
  });

  it('is negative for net cuts and absent without an initial budget', () => {
    expect(adjustmentRate(1000000000, -50000000).percent).toBe(-5);
    const none = adjustmentRate(0, 50000000);
    expect(none.rate).toBeNull();
    expect(none.percent).toBeNull();
    expect(none.formulaText).toContain('年初预算数为 0，无法计算');
  });
});
