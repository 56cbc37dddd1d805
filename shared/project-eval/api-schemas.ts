import { z } from 'zod';
import { id, text } from '../api/fields.ts';
import { PROJECT_INDICATOR_DIRECTIONS, PROJECT_INDICATOR_KINDS, PROJECT_INDICATOR_NATURES } from '../domain/project-indicator.ts';
import { ProjectEvalRules } from './rules.ts';

// What the 项目自评 methods carry. Scores and weights are centi-points, money is fen; exact ratios
// travel as their display text (rounded half up to two places) since they are only shown.

const centi = z.number().int();

export const ProjectEvalFundRow = z.object({
  key: z.enum(['total', 'fiscal', 'carryover', 'other']),
  label: z.string(),
  initialFen: z.number().int(),
  finalFen: z.number().int(),
  actualFen: z.number().int(),
  /** "91.06"; null without a budget. */
  rateText: z.string().nullable(),
});

export const ProjectEvalIndicatorRow = z.object({
  id: id('项目指标'),
  kind: z.enum(PROJECT_INDICATOR_KINDS),
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  nature: z.enum(PROJECT_INDICATOR_NATURES),
  direction: z.enum(PROJECT_INDICATOR_DIRECTIONS),
  target: z.string(),
  actual: z.string(),
  targetValue: z.string().nullable(),
  actualValue: z.string().nullable(),
  unit: z.string(),
  weightCenti: centi,
  weightTyped: z.boolean(),
  scoreCenti: centi.nullable(),
  reason: z.string(),
});

export const ProjectEvalFinding = z.object({
  kind: z.enum(['missing', 'advisory']),
  indicatorId: z.number().int().nullable(),
  message: z.string(),
});

export const PROJECT_EVAL_STATUSES = ['pending', 'advisory', 'done'] as const;
export const PROJECT_EVAL_STATUS_LABELS: Record<(typeof PROJECT_EVAL_STATUSES)[number], string> = {
  pending: '待填报',
  advisory: '有提示',
  done: '已完成',
};

export const ProjectEvalTable = z.object({
  projectId: id('项目'),
  name: z.string(),
  departmentName: z.string(),
  unitName: z.string(),
  funds: z.array(ProjectEvalFundRow),
  executionWeightCenti: centi,
  executionScoreCenti: centi.nullable(),
  goal: z.string(),
  achievement: z.string(),
  levels: z.array(
    z.object({ kind: z.enum(PROJECT_INDICATOR_KINDS), label: z.string(), weightCenti: centi, defaultWeightCenti: centi, typed: z.boolean() }),
  ),
  indicators: z.array(ProjectEvalIndicatorRow),
  totalCenti: centi,
  maxCenti: centi,
  grade: z.string(),
  findings: z.array(ProjectEvalFinding),
  status: z.enum(PROJECT_EVAL_STATUSES),
  /** Whether last year has a project of the same name whose indicators can be copied. */
  lastYearProjectId: z.number().int().nullable(),
});
export type ProjectEvalTable = z.infer<typeof ProjectEvalTable>;

export const ProjectEvalYear = z.object({
  year: z.number().int(),
  draft: z.boolean(),
  rules: ProjectEvalRules,
  /** Whether the year keeps its own copy of the rules. */
  rulesEdited: z.boolean(),
  projects: z.array(ProjectEvalTable),
  /** 项目自评平均分 weighted by 全年预算数, "97.63"; null when no project has a budget. */
  averageText: z.string().nullable(),
});
export type ProjectEvalYear = z.infer<typeof ProjectEvalYear>;

const weight = (label: string) =>
  z.number({ error: `${label}必须是数字` }).int({ error: `${label}最多两位小数` }).min(0, { error: `${label}不能为负数` }).max(10000, { error: `${label}不能超过 100 分` }).nullable();

export const SaveProjectEvalInput = z
  .object({
    projectId: id('项目'),
    goal: text('年度总体目标（预期目标）', 2000),
    achievement: text('年度总体目标（实际完成情况）', 2000),
    weights: z.object({ output: weight('产出指标权重'), outcome: weight('效益指标权重'), satisfaction: weight('满意度指标权重') }).strict(),
  })
  .strict();
export type SaveProjectEvalInput = z.infer<typeof SaveProjectEvalInput>;

export const SaveProjectEvalRulesInput = z.object({ yearId: id('年度'), rules: ProjectEvalRules.nullable() }).strict();

export const CopyLastYearIndicatorsInput = z.object({ projectId: id('项目') }).strict();
export const CopyLastYearIndicatorsResult = z.object({ copied: z.number().int(), skipped: z.array(z.string()) });

