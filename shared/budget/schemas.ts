import { z } from 'zod';
import { id, oneOf, text } from '../api/fields.ts';
import { BUDGET_FUNDING_SOURCES, CATEGORIES, DIRECTIONS, FUNDING_SOURCES, LEDGER_CATEGORIES } from '../domain/enums.ts';

// Inputs and outputs of the 预算执行 services (electron/services/execution-service.ts), for the
// typed API contract. Amounts are integer fen; a rate is the exact ratio {num, den} plus its
// half-up 2-decimal percent for display (null when the denominator is 0: "no budget" is not 0 %).

export const RatioSchema = z.object({ num: z.number().int(), den: z.number().int() });

const codePrefix = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .regex(/^\d{1,7}$/, { error: `${label}应为 1 至 7 位数字` });
const codeExact = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .regex(/^\d{0,20}$/, { error: `${label}只能是数字（空表示未填写）` });

/** 'basic' = 基本支出 (人员经费 + 公用经费); 'unclassified' = 未分类 spending. */
export const CategoryFilter = z.enum([...LEDGER_CATEGORIES, 'basic'], { error: '支出类别的取值无效' });
export type CategoryFilter = z.infer<typeof CategoryFilter>;

// The drill-down filter behind any figure; also the 支出明细 grid's filter.
export const DrillFilter = z
  .object({
    unitId: id('单位').optional(),
    category: CategoryFilter.optional(),
    fundingSource: oneOf(FUNDING_SOURCES, '资金来源').optional(),
    /** null = spending without a project. */
    projectId: id('项目').nullable().optional(),
    budgetLineId: id('预算指标').optional(),
    econPrefix: codePrefix('经济分类编码').optional(),
    funcPrefix: codePrefix('功能分类编码').optional(),
    econCode: codeExact('经济分类编码').optional(),
    funcCode: codeExact('功能分类编码').optional(),
    month: z.number().int().min(1, { error: '月份应为 1 至 12' }).max(12, { error: '月份应为 1 至 12' }).optional(),
    quarter: z.number().int().min(1, { error: '季度应为 1 至 4' }).max(4, { error: '季度应为 1 至 4' }).optional(),
    /** A period 'YYYY-MM' of any year, for transactions dated outside the fiscal year. */
    period: z
      .string()
      .regex(/^\d{4}-\d{2}$/, { error: '期间格式应为 YYYY-MM' })
      .optional(),
    batchId: id('导入批次').optional(),
    direction: oneOf(DIRECTIONS, '收支方向').optional(),
    text: text('搜索文字', 100).optional(),
    unmatchedOnly: z.boolean().optional(),
    outsideYearOnly: z.boolean().optional(),
  })
  .strict();
export type DrillFilter = z.infer<typeof DrillFilter>;

export const TRANSACTION_PAGE_MAX = 1000;

export const TransactionQuery = DrillFilter.extend({
  yearId: id('年度'),
  offset: z.number().int().min(0, { error: '起始行不能为负数' }).default(0),
  limit: z
    .number()
    .int()
    .min(1, { error: '每页行数至少为 1' })
    .max(TRANSACTION_PAGE_MAX, { error: `每页行数不能超过 ${TRANSACTION_PAGE_MAX}` })
    .default(100),
}).strict();
export type TransactionQuery = z.input<typeof TransactionQuery>;
export type TransactionQueryParsed = z.output<typeof TransactionQuery>;

export const TransactionRow = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  txnDate: z.string(),
  voucherNo: z.string(),
  summary: z.string(),
  counterparty: z.string(),
  fundingSource: z.enum(FUNDING_SOURCES),
  category: z.enum(LEDGER_CATEGORIES),
  funcCode: z.string(),
  econCode: z.string(),
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  budgetLineId: z.number().int().nullable(),
  direction: z.enum(DIRECTIONS),
  amountFen: z.number().int(),
  batchId: z.number().int().nullable(),
  sourceFile: z.string(),
  sourceSheet: z.string(),
  sourceRow: z.number().int().nullable(),
});
export type TransactionRow = z.infer<typeof TransactionRow>;

export const TransactionPage = z.object({
  rows: z.array(TransactionRow),
  /** Rows matching the filter, for the virtualised grid's scroll height. */
  total: z.number().int(),
  /** Sums over every matching row, spending (direction out) and income (in) kept apart. */
  spentFen: z.number().int(),
  incomeFen: z.number().int(),
});
export type TransactionPage = z.infer<typeof TransactionPage>;

export const LastYearFigures = z.object({ finalFen: z.number().int(), actualFen: z.number().int() });

export const BreakdownRow = z.object({
  key: z.string(),
  label: z.string(),
  /** Classification code (经济/功能分类) or project code; null where none applies. */
  code: z.string().nullable(),
  initialFen: z.number().int(),
  adjustmentFen: z.number().int(),
  finalFen: z.number().int(),
  actualFen: z.number().int(),
  /** 结余 = 调整后预算 − 支出. */
  balanceFen: z.number().int(),
  txnCount: z.number().int(),
  lineCount: z.number().int(),
  executionRate: RatioSchema.nullable(),
  executionPercent: z.number().nullable(),
  /** The transactions behind the row's spending; null when there is nothing to drill into. */
  filter: DrillFilter.nullable(),
  lastYear: LastYearFigures.nullable(),
  actualChangeFen: z.number().int().nullable(),
  actualChangeRate: RatioSchema.nullable(),
  actualChangePercent: z.number().nullable(),
});
export type BreakdownRow = z.infer<typeof BreakdownRow>;

export const ExecutionTotals = z.object({
  total: BreakdownRow,
  basic: BreakdownRow,
  personnel: BreakdownRow,
  public: BreakdownRow,
  project: BreakdownRow,
  /** Spending still 未分类 (bank rows no rule or person classified): part of total, of neither half. */
  unclassified: BreakdownRow,
});
export type ExecutionTotals = z.infer<typeof ExecutionTotals>;

export const AdjustmentRate = z.object({
  initialFen: z.number().int(),
  adjustmentFen: z.number().int(),
  finalFen: z.number().int(),
  rate: RatioSchema.nullable(),
  percent: z.number().nullable(),
  /** "预算调整率 = 调整数 ÷ 年初预算数 × 100% = 217.25 ÷ 3765.08 × 100% = 5.77%" for a hover. */
  formulaText: z.string(),
  definitionText: z.string(),
});
export type AdjustmentRate = z.infer<typeof AdjustmentRate>;

export const MonthRow = z.object({
  month: z.number().int(),
  period: z.string(),
  actualFen: z.number().int(),
  txnCount: z.number().int(),
  cumulativeFen: z.number().int(),
  cumulativeRate: RatioSchema.nullable(),
  cumulativePercent: z.number().nullable(),
  lastYearActualFen: z.number().int().nullable(),
  filter: DrillFilter,
});
export type MonthRow = z.infer<typeof MonthRow>;

export const QuarterRow = z.object({
  quarter: z.number().int(),
  actualFen: z.number().int(),
  cumulativeFen: z.number().int(),
  cumulativeRate: RatioSchema.nullable(),
  cumulativePercent: z.number().nullable(),
  /** Cumulative target at quarter end, hundredths of a percent (2500 = 25 %). */
  targetBp: z.number().int(),
  /** Target as money: final budget × target, rounded half-up to the fen. */
  targetFen: z.number().int(),
  /** cumulative − target; negative = behind. */
  gapFen: z.number().int(),
  met: z.boolean(),
  filter: DrillFilter,
});
export type QuarterRow = z.infer<typeof QuarterRow>;

export const ExecutionQuery = z
  .object({
    yearId: id('年度'),
    /** Omitted = the department consolidated (all units). */
    unitId: id('单位').optional(),
    compareLastYear: z.boolean().optional(),
  })
  .strict();
export type ExecutionQuery = z.infer<typeof ExecutionQuery>;

export const ExecutionOverview = z.object({
  yearId: z.number().int(),
  year: z.number().int(),
  unitId: z.number().int().nullable(),
  scopeLabel: z.string(),
  lastYear: z.number().int().nullable(),
  totals: ExecutionTotals,
  adjustment: AdjustmentRate,
  byUnit: z.array(BreakdownRow),
  byCategory: z.array(BreakdownRow),
  byFundingSource: z.array(BreakdownRow),
  byProject: z.array(BreakdownRow),
  byEconClass: z.array(BreakdownRow),
  byEconItem: z.array(BreakdownRow),
  byFuncClass: z.array(BreakdownRow),
  byFuncItem: z.array(BreakdownRow),
  byMonth: z.array(MonthRow),
  byQuarter: z.array(QuarterRow),
  /** Spending dated outside the fiscal year (also a 审核 finding). */
  outsideYear: z.object({ actualFen: z.number().int(), txnCount: z.number().int() }),
  unmatched: z.object({ actualFen: z.number().int(), txnCount: z.number().int() }),
});
export type ExecutionOverview = z.infer<typeof ExecutionOverview>;

export const BudgetLineExecutionQuery = z.object({ yearId: id('年度'), unitId: id('单位').optional() }).strict();
export type BudgetLineExecutionQuery = z.infer<typeof BudgetLineExecutionQuery>;

export const BudgetLineExecutionRow = BreakdownRow.extend({
  budgetLineId: z.number().int(),
  unitId: z.number().int(),
  category: z.enum(CATEGORIES),
  fundingSource: z.enum(FUNDING_SOURCES),
  projectId: z.number().int().nullable(),
  econCode: z.string(),
  funcCode: z.string(),
});
export type BudgetLineExecutionRow = z.infer<typeof BudgetLineExecutionRow>;

export const ExecutionTargetsInput = z
  .object({
    yearId: id('年度'),
    targets: z
      .array(
        z
          .object({
            quarter: z.number().int().min(1, { error: '季度应为 1 至 4' }).max(4, { error: '季度应为 1 至 4' }),
            targetBp: z
              .number({ error: '进度目标必须是数字' })
              .int({ error: '进度目标精确到 0.01%' })
              .min(0, { error: '进度目标不能小于 0%' })
              .max(10000, { error: '进度目标不能超过 100%' }),
          })
          .strict(),
      )
      .length(4, { error: '需要填写 4 个季度的进度目标' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    const qs = v.targets.map((t) => t.quarter).sort();
    if (qs.join(',') !== '1,2,3,4') ctx.addIssue({ code: 'custom', message: '进度目标必须是第 1 至第 4 季度各一个', path: ['targets'] });
    const byQ = [...v.targets].sort((a, b) => a.quarter - b.quarter);
    for (let i = 1; i < byQ.length; i++) {
      if (byQ[i]!.targetBp < byQ[i - 1]!.targetBp) {
        ctx.addIssue({
          code: 'custom',
          message: `第 ${byQ[i]!.quarter} 季度的累计进度目标不能低于第 ${byQ[i - 1]!.quarter} 季度`,
          path: ['targets', i, 'targetBp'],
        });
      }
    }
  });
export type ExecutionTargetsInput = z.infer<typeof ExecutionTargetsInput>;

export const ExecutionTargets = z.object({
  yearId: z.number().int(),
  /** True when the year has no saved targets and the defaults (25/50/75/100 %) apply. */
  isDefault: z.boolean(),
  targets: z.array(z.object({ quarter: z.number().int(), targetBp: z.number().int() })),
});
export type ExecutionTargets = z.infer<typeof ExecutionTargets>;

export const LinkResult = z.object({
  /** Spending rows linked now because exactly one budget line matched. */
  linked: z.number().int(),
  /** Unlinked rows for which several lines match (the user picks one). */
  ambiguous: z.number().int(),
  /** Unlinked rows for which no line matches. */
  noMatch: z.number().int(),
});
export type LinkResult = z.infer<typeof LinkResult>;

export const SetTransactionLineInput = z
  .object({ yearId: id('年度'), txnId: id('支出记录'), budgetLineId: id('预算指标').nullable() })
  .strict();
export type SetTransactionLineInput = z.infer<typeof SetTransactionLineInput>;
export const SetTransactionLineResult = z.object({ txnId: z.number().int(), budgetLineId: z.number().int().nullable() });
export type SetTransactionLineResult = z.infer<typeof SetTransactionLineResult>;

export const UnmatchedGroup = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  category: z.enum(LEDGER_CATEGORIES),
  fundingSource: z.enum(FUNDING_SOURCES),
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  econCode: z.string(),
  funcCode: z.string(),
  txnCount: z.number().int(),
  actualFen: z.number().int(),
  /** Budget lines with the same unit, funding source, category, project and codes: 0 or ≥ 2. */
  candidateLineIds: z.array(z.number().int()),
  filter: DrillFilter,
});
export type UnmatchedGroup = z.infer<typeof UnmatchedGroup>;

export const RevenueExpenditureText = z.object({
  text: z.string(),
  budgetFen: z.number().int(),
  actualFen: z.number().int(),
  basicFen: z.number().int(),
  projectFen: z.number().int(),
  budgetByFundingSource: z.array(z.object({ fundingSource: z.enum(BUDGET_FUNDING_SOURCES), finalFen: z.number().int() })),
});
export type RevenueExpenditureText = z.infer<typeof RevenueExpenditureText>;

// `selfeval summary --json`: field names are a published interface, keep them stable.
const CliAmounts = { budgetFen: z.number().int(), actualFen: z.number().int(), executionRate: z.number().nullable() };
export const CliSummary = z.object({
  year: z.number().int(),
  budgetFen: z.number().int(),
  actualFen: z.number().int(),
  basicFen: z.number().int(),
  projectFen: z.number().int(),
  executionRate: z.number().nullable(),
  initialBudgetFen: z.number().int(),
  adjustmentFen: z.number().int(),
  /** 上年结转结余 within budgetFen (全年预算数); executionRate counts it, adjustmentRate does not. */
  carryOverFen: z.number().int(),
  adjustmentRate: z.number().nullable(),
  /** Spending no one has classified yet (未分类): neither basic nor project. */
  unclassifiedFen: z.number().int(),
  byCategory: z.array(z.object({ category: z.enum(LEDGER_CATEGORIES), ...CliAmounts })),
  byFundingSource: z.array(z.object({ fundingSource: z.enum(BUDGET_FUNDING_SOURCES), ...CliAmounts })),
  byEconClass: z.array(z.object({ econClass: z.string(), name: z.string(), ...CliAmounts })),
  byUnit: z.array(z.object({ name: z.string(), ...CliAmounts })),
  /** Project spending by project; unit is the project's unit name ('' when it names none). */
  byProject: z.array(z.object({ name: z.string(), unit: z.string(), ...CliAmounts })),
  byMonth: z.array(
    z.object({ month: z.number().int(), actualFen: z.number().int(), cumulativeFen: z.number().int(), cumulativeRate: z.number().nullable() }),
  ),
});
export type CliSummary = z.infer<typeof CliSummary>;

export const YearRef = z.object({ yearId: id('年度') }).strict();
