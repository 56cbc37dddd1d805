import { displayedWanGapFen, roundingNote } from '../budget/display-rounding.ts';
import { APPROPRIATION_SOURCES, BUDGET_FUNDING_SOURCES, type BudgetFundingSource } from '../domain/enums.ts';
import { formatWan } from '../money/fen.ts';
import { formatPercent, ratio } from '../money/rate.ts';

// The 部门整体收支情况 paragraph, from figures. Each source and each kind of spending is named with
// its amount and its share (exact integer ratio, rounded half-up once, ROUNDING.md); shares are not
// adjusted to add up to 100%. Only appropriations are "财政下达": a budget that also holds 单位资金
// or 上年结转结余 is called the department's 全年预算收入. For the example year it reads:
// 本年度财政下达预算收入指标 3982.33 万元，均为一般公共预算财政拨款收入。全年支出 3752.63 万元，
// 部门预算完成率为 94.23%。按支出分类：基本支出 3260.92 万元，占 86.90%；项目支出 491.71 万元，占 13.10%。

/** How each funding source is named as 收入 in the paragraph. */
export const FUNDING_SOURCE_REVENUE_LABELS: Record<BudgetFundingSource, string> = {
  general_budget: '一般公共预算财政拨款收入',
  gov_fund: '政府性基金预算财政拨款收入',
  state_capital: '国有资本经营预算财政拨款收入',
  special_account: '财政专户管理资金收入',
  unit_other: '单位资金等其他收入',
  carry_over: '上年结转结余',
};

export interface RevenueExpenditureFigures {
  /** 全年预算数 (final) by funding source, 上年结转结余 included; sources with 0 are left out. */
  budgetByFundingSource: ReadonlyArray<{ fundingSource: BudgetFundingSource; finalFen: number }>;
  actualFen: number;
  basicFen: number;
  projectFen: number;
}

const wan = (fen: number) => `${formatWan(fen)} 万元`;
const share = (part: number, whole: number) => `占 ${formatPercent(ratio(part, whole))}%`;

function revenueSentence(sources: RevenueExpenditureFigures['budgetByFundingSource']): string {
  const nonZero = [...sources]
    .filter((s) => s.finalFen !== 0)
    .sort((a, b) => BUDGET_FUNDING_SOURCES.indexOf(a.fundingSource) - BUDGET_FUNDING_SOURCES.indexOf(b.fundingSource));
  const total = nonZero.reduce((s, x) => s + x.finalFen, 0);
  if (nonZero.length === 0) return '本年度未下达预算收入指标。';
  const lead = nonZero.every((s) => APPROPRIATION_SOURCES.has(s.fundingSource))
    ? `本年度财政下达预算收入指标 ${wan(total)}`
    : `本年度部门全年预算收入 ${wan(total)}`;
  if (nonZero.length === 1) return `${lead}，均为${FUNDING_SOURCE_REVENUE_LABELS[nonZero[0]!.fundingSource]}。`;
  const parts = nonZero.map((s) => `${FUNDING_SOURCE_REVENUE_LABELS[s.fundingSource]} ${wan(s.finalFen)}，${share(s.finalFen, total)}`);
  const note = roundingNote(displayedWanGapFen(nonZero.map((s) => s.finalFen), total));
  return `${lead}，其中：${parts.join('；')}。${note ?? ''}`;
}

/**
 * The completion rate is 支出 ÷ 全年预算数, carry-over included (the official definition). Spending
 * beyond this year's own income is said to come from the carry-over; beyond the whole budget, it is
 * said plainly.
 */
function spendingSentence(sources: RevenueExpenditureFigures['budgetByFundingSource'], actualFen: number): string {
  const budgetFen = sources.reduce((s, x) => s + x.finalFen, 0);
  const carryOverFen = sources.filter((s) => s.fundingSource === 'carry_over').reduce((s, x) => s + x.finalFen, 0);
  const r = ratio(actualFen, budgetFen);
  if (r === null) return `全年支出 ${wan(actualFen)}。`;
  let text = `全年支出 ${wan(actualFen)}，部门预算完成率为 ${formatPercent(r)}%`;
  text += carryOverFen !== 0 ? `（全年预算数含上年结转结余 ${wan(carryOverFen)}）。` : '。';
  const thisYearFen = budgetFen - carryOverFen;
  if (actualFen > budgetFen) text += `全年支出超出全年预算数 ${wan(actualFen - budgetFen)}。`;
  else if (carryOverFen > 0 && actualFen > thisYearFen) text += `支出超出本年收入的 ${wan(actualFen - thisYearFen)}由上年结转结余安排。`;
  return text;
}

function categorySentence(actualFen: number, basicFen: number, projectFen: number): string {
  if (actualFen === 0 && basicFen === 0 && projectFen === 0) return '';
  let body: string;
  if (projectFen === 0) body = `基本支出 ${wan(basicFen)}，无项目支出。`;
  else if (basicFen === 0) body = `项目支出 ${wan(projectFen)}，无基本支出。`;
  else body = `基本支出 ${wan(basicFen)}，${share(basicFen, actualFen)}；项目支出 ${wan(projectFen)}，${share(projectFen, actualFen)}。`;
  const note = roundingNote(displayedWanGapFen([basicFen, projectFen], actualFen));
  return `按支出分类：${body}${note ?? ''}`;
}

export function revenueExpenditureParagraph(f: RevenueExpenditureFigures): string {
  return revenueSentence(f.budgetByFundingSource) + spendingSentence(f.budgetByFundingSource, f.actualFen) + categorySentence(f.actualFen, f.basicFen, f.projectFen);
}
