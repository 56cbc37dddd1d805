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

/**
 * A ledger row's category adds 未分类: a spending row with no economic code, project or stated
 * category (a bank row) is not 公用经费 until someone says so — rules or the 支出明细 page.
 */
export const LEDGER_CATEGORIES = [...CATEGORIES, 'unclassified'] as const;
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number];
export const LEDGER_CATEGORY_LABELS: Record<LedgerCategory, string> = { ...CATEGORY_LABELS, unclassified: '未分类' };

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
 * Basic spending splits by economic code (domain-notes §2.6; resources/codes/README.md): 人员经费
 * is 部门预算经济分类 301 工资福利 + 303 对个人和家庭的补助, and their 政府预算经济分类 counterparts
 * 501 机关工资福利支出, 509 对个人和家庭的补助 and 50501 (对事业单位经常性补助 — 工资福利支出);
 * every other code of basic spending (302/502 商品和服务, 310/503/504 资本性, 50502 …) is 公用经费.
 * The longest listed prefix decides. A project always wins.
 */
const PERSONNEL_ECON_PREFIXES = ['301', '303', '501', '509', '50501'] as const;
// 505 holds both halves: only its 款 tells them apart.
const MIXED_ECON_CLASSES = new Set(['505']);

export function deriveCategory(econCode: string, hasProject: boolean): Category {
  if (hasProject) return 'project';
  return PERSONNEL_ECON_PREFIXES.some((p) => econCode.startsWith(p)) ? 'personnel' : 'public';
}

/**
 * A ledger row's category when none is stated: a project decides, then the economic code; spending
 * with neither is 未分类 (income has no 人员/公用 split to get wrong, so it keeps the old default).
 */
export function deriveLedgerCategory(econCode: string, hasProject: boolean, direction: Direction): LedgerCategory {
  if (!hasProject && econCode === '' && direction === 'out') return 'unclassified';
  return deriveCategory(econCode, hasProject);
}

/** The basic-spending category a 3-digit economic class implies, or null when its 款 decide (505). */
export function econClassCategory(econClass: string): Exclude<Category, 'project'> | null {
  if (MIXED_ECON_CLASSES.has(econClass)) return null;
  return deriveCategory(econClass, false) as Exclude<Category, 'project'>;
}
