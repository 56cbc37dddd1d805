import { z } from 'zod';
import { BUDGET_FUNDING_SOURCES, LEDGER_CATEGORIES, TASK_STATUSES } from '../domain/enums.ts';
import { PROJECT_INDICATOR_DIRECTIONS, PROJECT_INDICATOR_KINDS, PROJECT_INDICATOR_NATURES, QUALITATIVE_GRADES } from '../domain/project-indicator.ts';
import { SCORE_COLUMNS } from '../scoring/framework-doc.ts';
import type { ProjectEvalGrid } from '../project-eval/table-grid.ts';
import { OutlineDocSchema } from './outline.ts';

// Everything the report needs, already computed by the report service. The renderers never touch
// the database: the same ReportInput always gives the same document (and the same PDF bytes).
// Amounts are integer fen, scores integer centi-points, rates exact ratios.

const fen = z.number().int('金额必须是整数分').refine(Number.isSafeInteger, '金额超出范围');
const centi = z.number().int('分数必须以百分之一分为单位的整数表示').min(0, '分数不能为负');
const text = z.string().max(100_000, '文字过长（超过 10 万字）');
const shortText = z.string().max(500, '文字过长（超过 500 字）');
const ratioSchema = z.object({ num: fen, den: fen });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), '日期无效');

export const measureSchema = z.object({
  /** Stable key used by placeholders: {{measure.<key>}}. Empty = not offered as a placeholder. */
  key: z.string().regex(/^[A-Za-z0-9_]*$/, '指标键只能包含字母、数字和下划线'),
  name: shortText.min(1, '指标名称不能为空'),
  unit: shortText,
  /** Decimal text as typed ("23.36"), printed as is. */
  target: shortText.nullable(),
  actual: shortText.nullable(),
});

export const taskSchema = z.object({
  title: shortText.min(1, '任务名称不能为空'),
  description: text,
  status: z.enum(TASK_STATUSES),
  measures: z.array(measureSchema),
});

export const workAreaSchema = z.object({
  title: shortText.min(1, '工作领域名称不能为空'),
  /** 主要工作情况及成效 for this area (一（二）2.); may hold placeholders. */
  summary: text,
  tasks: z.array(taskSchema),
});

export const amountRowSchema = z.object({
  label: shortText.min(1, '名称不能为空'),
  initialFen: fen,
  finalFen: fen,
  actualFen: fen,
});

export const categoryRowSchema = amountRowSchema.extend({ category: z.enum(LEDGER_CATEGORIES) });
export const fundingRowSchema = amountRowSchema.extend({ source: z.enum(BUDGET_FUNDING_SOURCES) });
export const projectRowSchema = amountRowSchema.extend({ code: shortText });

export const budgetSchema = z.object({
  initialFen: fen,
  adjustmentFen: fen,
  finalFen: fen,
  actualFen: fen,
  /** 实际支出 split: 人员经费 + 公用经费 = 基本支出; 项目支出. */
  personnelFen: fen,
  publicFen: fen,
  projectFen: fen,
  /** Spending still 未分类 when the report was made (审核 blocks finalizing with any). */
  unclassifiedFen: fen.default(0),
  byFundingSource: z.array(fundingRowSchema),
  byCategory: z.array(categoryRowSchema),
  byProject: z.array(projectRowSchema),
  executionRate: ratioSchema.nullable(),
  /** 预算调整率 = 调整数 / 年初预算数; null when there was no initial budget. */
  adjustmentRate: ratioSchema.nullable(),
  procurement: z
    .object({ plannedFen: fen, actualFen: fen, rate: ratioSchema.nullable() })
    .nullable(),
});

export interface ScoreNode {
  code: string;
  name: string;
  /** 分值 (the node's maximum, printed as 权重/分值). */
  maxCenti: number;
  /** null = not self-scored (e.g. a block the finance bureau scores). */
  scoreCenti: number | null;
  /** maxCenti − scoreCenti for scored nodes; 0 otherwise. */
  deductionCenti: number;
  /** 扣分原因 / 偏差说明. */
  reason: string;
  /** 得分依据. */
  basis: string;
  target: string | null;
  actual: string | null;
  /** Self-scored but not yet fully scored: printed as 待填, never as a score of 0. */
  pending?: boolean;
  /** 核心指标; printed only where the framework asks for the column. */
  core?: boolean | undefined;
  children: ScoreNode[];
}

export const scoreNodeSchema: z.ZodType<ScoreNode> = z.lazy(() =>
  z
    .object({
      code: shortText,
      name: shortText.min(1, '指标名称不能为空'),
      maxCenti: centi,
      scoreCenti: centi.nullable(),
      deductionCenti: centi,
      reason: text,
      basis: text,
      target: shortText.nullable(),
      actual: shortText.nullable(),
      pending: z.boolean().optional(),
      core: z.boolean().optional(),
      children: z.array(scoreNodeSchema),
    })
    .superRefine((n, ctx) => {
      if (n.scoreCenti !== null && n.scoreCenti > n.maxCenti) {
        ctx.addIssue({ code: 'custom', message: `指标“${n.name}”得分超过分值`, path: ['scoreCenti'] });
      }
      const expected = n.scoreCenti === null ? 0 : n.maxCenti - n.scoreCenti;
      if (n.deductionCenti !== expected) {
        ctx.addIssue({ code: 'custom', message: `指标“${n.name}”扣分应等于分值减得分`, path: ['deductionCenti'] });
      }
    }),
);

export const scoreSheetSchema = z.object({
  totalMaxCenti: centi,
  totalScoreCenti: centi,
  groups: z.array(scoreNodeSchema),
  /** Extra columns of a MOF-style 自评表; absent or empty for the plain one. */
  columns: z.array(z.enum(SCORE_COLUMNS)).optional(),
});

/** A project's own 产出/效益/满意度 indicator, printed in the 项目绩效指标完成情况表 annex. */
export const projectIndicatorSchema = z.object({
  project: shortText.min(1, '项目名称不能为空'),
  /** The unit the project belongs to; null when the project names none. */
  projectUnit: shortText.nullable().optional(),
  kind: z.enum(PROJECT_INDICATOR_KINDS),
  name: shortText.min(1, '指标名称不能为空'),
  /** 正向 (met at actual ≥ target) or 反向 (met at actual ≤ target). */
  direction: z.enum(PROJECT_INDICATOR_DIRECTIONS),
  unit: shortText,
  /** Decimal text as typed, printed as is (the target with its ≥/≤ sign). */
  target: shortText.nullable(),
  actual: shortText.nullable(),
  /** 定性 indicators are judged by a grade, not by target and actual figures; absent = 定量. */
  nature: z.enum(PROJECT_INDICATOR_NATURES).optional(),
  /** A 定性 indicator's grade (null = not judged yet) and its label in the year's project-eval rules. */
  grade: z.enum(QUALITATIVE_GRADES).nullable().optional(),
  gradeLabel: shortText.optional(),
  /** A 定性 indicator's 年度指标值 in words. */
  targetText: shortText.optional(),
});

const gridCellSchema = z.object({
  row: z.number().int().min(0),
  col: z.number().int().min(0),
  rowSpan: z.number().int().min(1),
  colSpan: z.number().int().min(1),
  text: z.string().max(5000, '表格单元格文字过长'),
  style: z.enum(['label', 'header', 'text', 'number', 'total']),
  number: z.number().nullable().optional(),
  numberFormat: z.string().max(200).optional(),
  formula: z.string().max(2000).optional(),
});

/** A project's 项目支出绩效自评表, laid out by shared/project-eval/table-grid.ts. */
export const projectEvalAnnexSchema = z.object({
  project: shortText.min(1, '项目名称不能为空'),
  grid: z.object({
    title: shortText,
    subtitle: shortText,
    unitLine: shortText,
    rows: z.number().int().min(1),
    cells: z.array(gridCellSchema),
  }) satisfies z.ZodType<ProjectEvalGrid>,
});

export const signatureSchema = z.object({
  unitHead: shortText,
  financeHead: shortText,
  preparer: shortText,
  phone: shortText,
  sealingUnit: shortText,
  /** 报送日期; null prints a blank date line to fill by hand. */
  reportDate: isoDate.nullable(),
  /** Print the people's names under the date; absent or false leaves the lines blank to sign. */
  printNames: z.boolean().optional(),
});

export const checkExplanationSchema = z.object({
  checkId: shortText,
  /** The check's Chinese name as printed ("预算调整率超过 30%"). */
  checkTitle: shortText,
  subject: shortText,
  explanation: text,
});

/** Narrative bodies the user edits; each may hold {{placeholder}} keys. */
export const NARRATIVE_KEYS = [
  'performance_goal_management',
  'indicator_management',
  'performance_monitoring',
  'evaluation_overview',
  'problems',
  'improvements',
] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];

export const reportInputSchema = z
  .object({
    departmentName: shortText.min(1, '部门名称不能为空'),
    /** The reporting unit's name as printed in the title (usually the 本级 unit). */
    unitName: shortText.min(1, '单位名称不能为空'),
    /** Short self-reference used in generated text ("我办", "我局"). */
    selfName: shortText.min(1, '单位简称不能为空'),
    year: z.number().int().min(2000, '年度超出范围').max(2100, '年度超出范围'),
    profile: z.object({
      duties: z.array(text),
      adminUnitCount: z.number().int().min(0),
      institutionUnitCount: z.number().int().min(0),
      internalOffices: z.array(shortText),
    }),
    overallGoal: text,
    workAreas: z.array(workAreaSchema),
    narratives: z.partialRecord(z.enum(NARRATIVE_KEYS), text),
    budget: budgetSchema,
    /** Generated 部门整体收支情况 paragraph (may hold placeholders). */
    budgetParagraph: text,
    scoreSheet: scoreSheetSchema,
    /** Generated opening of 自评综述 (may hold placeholders); the score breakdown is generated here. */
    evaluationSummary: text,
    checkExplanations: z.array(checkExplanationSchema),
    /** Projects' own indicators, in project order; the annex is left out when there are none. */
    projectIndicators: z.array(projectIndicatorSchema).optional(),
    /** Every project's 项目支出绩效自评表, for the outline's project_eval_tables annex (absent: none). */
    projectEvalAnnexes: z.array(projectEvalAnnexSchema).optional(),
    signature: signatureSchema,
    /** The year's outline; absent means the default (Guangdong) one. */
    outline: OutlineDocSchema.optional(),
  })
  .superRefine((r, ctx) => {
    const b = r.budget;
    if (b.initialFen + b.adjustmentFen !== b.finalFen) {
      ctx.addIssue({ code: 'custom', message: '调整后预算数应等于年初预算数加调整数', path: ['budget', 'finalFen'] });
    }
    if (b.personnelFen + b.publicFen + b.projectFen + b.unclassifiedFen !== b.actualFen) {
      ctx.addIssue({
        code: 'custom',
        message: '人员经费、公用经费、项目支出与未分类支出之和应等于全年支出',
        path: ['budget', 'actualFen'],
      });
    }
    const groupsMax = r.scoreSheet.groups.reduce((s, g) => s + g.maxCenti, 0);
    if (groupsMax !== r.scoreSheet.totalMaxCenti) {
      ctx.addIssue({ code: 'custom', message: '各一级指标分值之和应等于总分值', path: ['scoreSheet', 'totalMaxCenti'] });
    }
    const groupsScore = r.scoreSheet.groups.reduce((s, g) => s + (g.scoreCenti ?? 0), 0);
    if (groupsScore !== r.scoreSheet.totalScoreCenti) {
      ctx.addIssue({ code: 'custom', message: '各一级指标得分之和应等于自评总分', path: ['scoreSheet', 'totalScoreCenti'] });
    }
  });

export type ReportMeasure = z.infer<typeof measureSchema>;
export type ReportTask = z.infer<typeof taskSchema>;
export type ReportWorkArea = z.infer<typeof workAreaSchema>;
export type BudgetFigures = z.infer<typeof budgetSchema>;
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;
export type SignatureBlock = z.infer<typeof signatureSchema>;
export type CheckExplanation = z.infer<typeof checkExplanationSchema>;
export type ReportProjectIndicator = z.infer<typeof projectIndicatorSchema>;
export type ProjectEvalAnnex = z.infer<typeof projectEvalAnnexSchema>;
export type ReportInput = z.infer<typeof reportInputSchema>;

/**
 * Optional detail rows for the 支出明细 sheet, passed beside ReportInput as an array or a (sync or
 * async) iterator so 200 000 ledger rows stream straight from the database into the workbook.
 * Text fields are printed as given (labels, not codes); the amount is signed fen.
 */
export interface ExpenseDetailRow {
  date: string;
  voucherNo: string;
  unitName: string;
  summary: string;
  counterparty: string;
  fundingSource: string;
  category: string;
  projectName: string;
  econCode: string;
  amountFen: number;
}

export type ExpenseDetailRows = Iterable<ExpenseDetailRow> | AsyncIterable<ExpenseDetailRow>;
