// Domain enumerations: stored codes (English, stable) and their Chinese labels (shown and printed).

export const FUNDING_SOURCES = ['general_budget', 'gov_fund', 'state_capital', 'special_account', 'unit_other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * Where a budget line's money comes from: this year's sources, or 上年结转结余 (carried over from
 * earlier years; counted in 全年预算数, not in this year's appropriation). Spending is recorded by the
 * source it is paid from, so ledger rows use FUNDING_SOURCES only.
 */
export const BUDGET_FUNDING_SOURCES = [...FUNDING_SOURCES, 'carry_over'] as const;
export type BudgetFundingSource = (typeof BUDGET_FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABELS: Record<BudgetFundingSource, string> = {
  general_budget: '一般公共预算财政拨款',
  gov_fund: '政府性基金预算',
  state_capital: '国有资本经营预算',
  special_account: '财政专户管理资金',
  unit_other: '单位资金/其他收入',
  carry_over: '上年结转结余',
};

/** Sources of this year's appropriations (财政拨款): the only money a 财政下达 sentence may name. */
export const APPROPRIATION_SOURCES: ReadonlySet<BudgetFundingSource> = new Set(['general_budget', 'gov_fund', 'state_capital']);

export const CATEGORIES = ['personnel', 'public', 'project'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  personnel: '基本支出·人员经费',
  public: '基本支出·公用经费',
  project: '项目支出',
};

export const UNIT_KINDS = ['admin', 'institution'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = { admin: '行政单位', institution: '事业单位' };

export const TASK_STATUSES = ['done', 'partial', 'not_done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { done: '完成', partial: '部分完成', not_done: '未完成' };

export const DIRECTIONS = ['out', 'in'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, string> = { out: '支出', in: '收入' };

export const YEAR_STATUSES = ['draft', 'final'] as const;
export type YearStatus = (typeof YEAR_STATUSES)[number];
export const YEAR_STATUS_LABELS: Record<YearStatus, string> = { draft: '草稿', final: '已定稿' };

/**
 * Basic spending splits by economic class: 301 工资福利 and 303 对个人和家庭的补助 are 人员经费, the
 * rest of basic spending is 公用经费 (domain-notes §2.6). A project always wins.
 */
export function deriveCategory(econCode: string, hasProject: boolean): Category {
  if (hasProject) return 'project';
  return econCode.startsWith('301') || econCode.startsWith('303') ? 'personnel' : 'public';
}
