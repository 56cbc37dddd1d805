import type { FundingSource } from '../domain/enums.ts';
import { FUNDING_SOURCES } from '../domain/enums.ts';
import { formatWan } from '../money/fen.ts';
import { formatPercent, ratio } from '../money/rate.ts';
import { displayedWanGapFen, roundingNote } from './display-rounding.ts';

// The 部门整体收支情况 paragraph, from figures. For the example year it must read exactly:
// 本年度财政下达预算收入指标 3982.33 万元，均为一般公共预算财政拨款收入。全年支出 3752.63 万元，
// 部门预算完成率为 94.23%。按支出分类：基本支出 3260.92 万元，项目支出 491.71 万元。

/** How each funding source is named as 收入 in the paragraph. */
export const FUNDING_SOURCE_REVENUE_LABELS: Record<FundingSource, string> = {
  general_budget: '一般公共预算财政拨款收入',
  gov_fund: '政府性基金预算财政拨款收入',
  state_capital: '国有资本经营预算财政拨款收入',
  special_account: '财政专户管理资金收入',
  unit_other: '单位资金等其他收入',
};

export interface RevenueExpenditureFigures {
  /** Final (调整后) budget by funding source; sources with 0 are left out of the text. */
  budgetByFundingSource: ReadonlyArray<{ fundingSource: FundingSource; finalFen: number }>;
  actualFen: number;
  basicFen: number;
  projectFen: number;
}

const wan = (fen: number) => `${formatWan(fen)} 万元`;

function revenueSentence(sources: RevenueExpenditureFigures['budgetByFundingSource']): string {
  const nonZero = [...sources]
    .filter((s) => s.finalFen !== 0)
    .sort((a, b) => FUNDING_SOURCES.indexOf(a.fundingSource) - FUNDING_SOURCES.indexOf(b.fundingSource));
  const total = nonZero.reduce((s, x) => s + x.finalFen, 0);
  if (nonZero.length === 0) return '本年度未下达预算收入指标。';
  if (nonZero.length === 1) {
    return `本年度财政下达预算收入指标 ${wan(total)}，均为${FUNDING_SOURCE_REVENUE_LABELS[nonZero[0]!.fundingSource]}。`;
  }
  const parts = nonZero.map((s) => `${FUNDING_SOURCE_REVENUE_LABELS[s.fundingSource]} ${wan(s.finalFen)}`);
  const note = roundingNote(displayedWanGapFen(nonZero.map((s) => s.finalFen), total));
  return `本年度财政下达预算收入指标 ${wan(total)}，其中：${parts.join('，')}。${note ?? ''}`;
}

function spendingSentence(budgetFen: number, actualFen: number): string {
  const r = ratio(actualFen, budgetFen);
  return r === null ? `全年支出 ${wan(actualFen)}。` : `全年支出 ${wan(actualFen)}，部门预算完成率为 ${formatPercent(r)}%。`;
}

function categorySentence(actualFen: number, basicFen: number, projectFen: number): string {
  if (actualFen === 0 && basicFen === 0 && projectFen === 0) return '';
  let body: string;
  if (projectFen === 0) body = `基本支出 ${wan(basicFen)}，无项目支出。`;
  else if (basicFen === 0) body = `项目支出 ${wan(projectFen)}，无基本支出。`;
  else body = `基本支出 ${wan(basicFen)}，项目支出 ${wan(projectFen)}。`;
  const note = roundingNote(displayedWanGapFen([basicFen, projectFen], actualFen));
  return `按支出分类：${body}${note ?? ''}`;
}

export function revenueExpenditureParagraph(f: RevenueExpenditureFigures): string {
  const budgetFen = f.budgetByFundingSource.reduce((s, x) => s + x.finalFen, 0);
  return revenueSentence(f.budgetByFundingSource) + spendingSentence(budgetFen, f.actualFen) + categorySentence(f.actualFen, f.basicFen, f.projectFen);
}
