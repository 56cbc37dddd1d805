import { describe, expect, it } from 'vitest';
import { revenueExpenditureParagraph } from '../../../shared/budget/revenue-expenditure-paragraph.ts';

describe('revenueExpenditureParagraph', () => {
  it('reads exactly as the example year', () => {
    expect(
      revenueExpenditureParagraph({
        budgetByFundingSource: [{ fundingSource: 'general_budget', finalFen: 3982330000 }],
        actualFen: 3752630000,
        basicFen: 3260920000,
        projectFen: 491710000,
      }),
    ).toBe(
      '本年度财政下达预算收入指标 3982.33 万元，均为一般公共预算财政拨款收入。全年支出 3752.63 万元，部门预算完成率为 94.23%。按支出分类：基本支出 3260.92 万元，项目支出 491.71 万元。',
    );
  });

  it('lists each funding source with its amount, in the fixed source order', () => {
    expect(
      revenueExpenditureParagraph({
        budgetByFundingSource: [
          { fundingSource: 'gov_fund', finalFen: 120000000 },
          { fundingSource: 'general_budget', finalFen: 3862330000 },
          { fundingSource: 'state_capital', finalFen: 0 },
        ],
        actualFen: 3752630000,
        basicFen: 3260920000,
        projectFen: 491710000,
      }),
    ).toBe(
      '本年度财政下达预算收入指标 3982.33 万元，其中：一般公共预算财政拨款收入 3862.33 万元，政府性基金预算财政拨款收入 120.00 万元。全年支出 3752.63 万元，部门预算完成率为 94.23%。按支出分类：基本支出 3260.92 万元，项目支出 491.71 万元。',
    );
  });

  it('says so when there is no project spending, or no basic spending', () => {
    const base = { budgetByFundingSource: [{ fundingSource: 'general_budget' as const, finalFen: 500000000 }] };
    expect(revenueExpenditureParagraph({ ...base, actualFen: 400000000, basicFen: 400000000, projectFen: 0 })).toBe(
      '本年度财政下达预算收入指标 500.00 万元，均为一般公共预算财政拨款收入。全年支出 400.00 万元，部门预算完成率为 80.00%。按支出分类：基本支出 400.00 万元，无项目支出。',
    );
    expect(revenueExpenditureParagraph({ ...base, actualFen: 400000000, basicFen: 0, projectFen: 400000000 })).toContain(
      '按支出分类：项目支出 400.00 万元，无基本支出。',
    );
  });

  it('gives no completion rate without a budget', () => {
    expect(revenueExpenditureParagraph({ budgetByFundingSource: [], actualFen: 100000000, basicFen: 100000000, projectFen: 0 })).toBe(
      '本年度未下达预算收入指标。全年支出 100.00 万元。按支出分类：基本支出 100.00 万元，无项目支出。',
    );
  });

  it('notes a rounding gap between the shown parts and the shown total', () => {
    // 0.005 万元 + 0.005 万元: each part shows 0.01, the total 0.01.
    const text = revenueExpenditureParagraph({
      budgetByFundingSource: [{ fundingSource: 'general_budget', finalFen: 100000000 }],
      actualFen: 10000,
      basicFen: 5000,
      projectFen: 5000,
    });
    expect(text).toContain('基本支出 0.01 万元，项目支出 0.01 万元。因分项金额按四舍五入列示，分项之和与合计相差 0.01 万元，以合计数为准。');
  });
});
