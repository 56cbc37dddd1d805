import { describe, expect, it } from 'vitest';
import { revenueExpenditureParagraph } from '../../../shared/report/revenue-expenditure-paragraph.ts';

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
      '本年度财政下达预算收入指标 3982.33 万元，均为一般公共预算财政拨款收入。全年支出 3752.63 万元，部门预算完成率为 94.23%。按支出分类：基本支出 3260.92 万元，占 86.90%；项目支出 491.71 万元，占 13.10%。',
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
      '本年度财政下达预算收入指标 3982.33 万元，其中：一般公共预算财政拨款收入 3862.33 万元，占 96.99%；政府性基金预算财政拨款收入 120.00 万元，占 3.01%。全年支出 3752.63 万元，部门预算完成率为 94.23%。按支出分类：基本支出 3260.92 万元，占 86.90%；项目支出 491.71 万元，占 13.10%。',
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
    expect(text).toContain('基本支出 0.01 万元，占 50.00%；项目支出 0.01 万元，占 50.00%。因分项金额按四舍五入列示，分项之和与合计相差 0.01 万元，以合计数为准。');
  });

  it('names other income and carry-over with their shares, never as 财政下达, and explains spending beyond the year\'s income', () => {
    const text = revenueExpenditureParagraph({
      budgetByFundingSource: [
        { fundingSource: 'carry_over', finalFen: 60_000_000 },
        { fundingSource: 'unit_other', finalFen: 63_340_000 },
        { fundingSource: 'general_budget', finalFen: 1_234_560_000 },
      ],
      actualFen: 1_320_000_000,
      basicFen: 990_000_000,
      projectFen: 330_000_000,
    });
    expect(text).toBe(
      '本年度部门全年预算收入 1357.90 万元，其中：一般公共预算财政拨款收入 1234.56 万元，占 90.92%；单位资金等其他收入 63.34 万元，占 4.66%；上年结转结余 60.00 万元，占 4.42%。' +
        '全年支出 1320.00 万元，部门预算完成率为 97.21%（全年预算数含上年结转结余 60.00 万元）。支出超出本年收入的 22.10 万元由上年结转结余安排。' +
        '按支出分类：基本支出 990.00 万元，占 75.00%；项目支出 330.00 万元，占 25.00%。',
    );
    expect(text).not.toContain('财政下达');
  });

  it('says plainly when spending exceeds the whole budget', () => {
    const text = revenueExpenditureParagraph({
      budgetByFundingSource: [{ fundingSource: 'general_budget', finalFen: 1_000_000_000 }],
      actualFen: 1_010_000_000,
      basicFen: 1_010_000_000,
      projectFen: 0,
    });
    expect(text).toContain('部门预算完成率为 101.00%。全年支出超出全年预算数 10.00 万元。');
  });
});
