// 资金性质 and 支出类别 cells → the stored codes. Unknown wording is refused with a reason instead of
// falling into a default bucket that would shift money between report lines.

import type { BudgetFundingSource, Category, FundingSource } from '../domain/enums.ts';
import { toParseText } from './normalize-text.ts';

export type Parsed<T> = { kind: 'empty' } | { kind: 'ok'; value: T } | { kind: 'error'; reason: string };

const FUNDING_RULES: ReadonlyArray<[RegExp, FundingSource]> = [
  [/政府性基金/, 'gov_fund'],
  [/国有资本/, 'state_capital'],
  [/财政专户|专户管理/, 'special_account'],
  [/一般公共预算|财政拨款|公共财政|一般预算|财政补助/, 'general_budget'],
  [/单位资金|自有资金|事业收入|经营收入|其他收入|其他资金|单位其他|上级补助|附属单位/, 'unit_other'],
];

export function parseFundingSource(raw: string): Parsed<FundingSource> {
  const s = toParseText(raw).replace(/\s+/g, '');
  if (s === '') return { kind: 'empty' };
  for (const [re, value] of FUNDING_RULES) if (re.test(s)) return { kind: 'ok', value };
  return { kind: 'error', reason: `无法识别的资金性质“${s.slice(0, 30)}”` };
}

/**
 * A budget line's source: as parseFundingSource, and 上年结转结余 (money carried over from earlier
 * years), named before the source it came from — "上年结转一般公共预算拨款" is carry-over.
 */
export function parseBudgetFundingSource(raw: string): Parsed<BudgetFundingSource> {
  const s = toParseText(raw).replace(/\s+/g, '');
  if (/上年结转|结转结余|以前年度结转|年初结转|上年结余|结转资金/.test(s)) return { kind: 'ok', value: 'carry_over' };
  return parseFundingSource(raw);
}

/** 'basic' means 基本支出 without saying 人员 or 公用: the economic code decides. */
export type CategoryText = Category | 'basic';

const CATEGORY_RULES: ReadonlyArray<[RegExp, CategoryText]> = [
  [/项目/, 'project'],
  [/人员/, 'personnel'],
  [/公用|日常/, 'public'],
  [/基本/, 'basic'],
];

export function parseCategoryText(raw: string): Parsed<CategoryText> {
  const s = toParseText(raw).replace(/\s+/g, '');
  if (s === '') return { kind: 'empty' };
  for (const [re, value] of CATEGORY_RULES) if (re.test(s)) return { kind: 'ok', value };
  return { kind: 'error', reason: `无法识别的支出类别“${s.slice(0, 30)}”（应为 人员经费/公用经费/项目支出）` };
}

/** Project cells that say "no project" in words. */
export function isNoProjectText(raw: string): boolean {
  return /^(无|-|—|\/|基本支出|人员经费|公用经费|日常公用经费|非项目)?$/.test(toParseText(raw).replace(/\s+/g, ''));
}
