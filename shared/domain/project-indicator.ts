import { z } from 'zod';
import { decimalText, id, oneOf, requiredText, text } from '../api/fields.ts';

// A project's own performance indicators (产出 / 效益 / 满意度), with target and actual as typed.
export const PROJECT_INDICATOR_KINDS = ['output', 'outcome', 'satisfaction'] as const;
export type ProjectIndicatorKind = (typeof PROJECT_INDICATOR_KINDS)[number];
export const PROJECT_INDICATOR_KIND_LABELS: Record<ProjectIndicatorKind, string> = {
  output: '产出指标',
  outcome: '效益指标',
  satisfaction: '满意度指标',
};

// Which way is good: 正向 (数量、达标率、满意度) is met at actual ≥ target; 反向 (成本、时限、投诉率)
// at actual ≤ target. The codes are those of a task measure's direction (task_measure.direction).
export const PROJECT_INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export type ProjectIndicatorDirection = (typeof PROJECT_INDICATOR_DIRECTIONS)[number];
export const PROJECT_INDICATOR_DIRECTION_LABELS: Record<ProjectIndicatorDirection, string> = {
  higher: '正向（越大越好，≥目标）',
  lower: '反向（越小越好，≤目标）',
};
/** The sign a target is printed with: "≥95", "≤15". */
export const PROJECT_INDICATOR_DIRECTION_SIGNS: Record<ProjectIndicatorDirection, string> = { higher: '≥', lower: '≤' };

/** 定量 indicators score by target and actual; 定性 ones by a grade (达成 / 部分达成 / 未达成). */
export const PROJECT_INDICATOR_NATURES = ['quantitative', 'qualitative'] as const;
export type ProjectIndicatorNature = (typeof PROJECT_INDICATOR_NATURES)[number];
export const PROJECT_INDICATOR_NATURE_LABELS: Record<ProjectIndicatorNature, string> = { quantitative: '定量', qualitative: '定性' };

/** The grade a 定性 indicator was judged at; the percentage each earns is in the project-eval rules. */
export const QUALITATIVE_GRADES = ['achieved', 'partial', 'not_achieved'] as const;
export type QualitativeGrade = (typeof QUALITATIVE_GRADES)[number];

export const ProjectIndicator = z.object({
  id: id(),
  projectId: id('项目'),
  kind: oneOf(PROJECT_INDICATOR_KINDS, '指标类型'),
  name: requiredText('指标名称'),
  direction: z.enum(PROJECT_INDICATOR_DIRECTIONS, { error: '指标方向必须是“正向”（higher）或“反向”（lower）' }),
  unit: text('计量单位', 20),
  targetValue: decimalText('指标值').nullable(),
  actualValue: decimalText('实际完成值').nullable(),
  // Fields of the 项目支出绩效自评表 (schema 6); callers written before it may leave them out.
  level2: text('二级指标', 50).default(''),
  nature: oneOf(PROJECT_INDICATOR_NATURES, '指标性质').default('quantitative'),
  /** 分值 in centi-points; null = an even share of the 一级 weight. */
  weightCenti: z.number().int({ error: '分值最多两位小数' }).min(0, { error: '分值不能为负数' }).max(10000, { error: '分值不能超过 100 分' }).nullable().default(null),
  grade: oneOf(QUALITATIVE_GRADES, '定性指标完成档次').nullable().default(null),
  /** The 年度指标值 of a 定性 indicator, in words ("服务质量有效提升"). */
  targetText: text('年度指标值（定性）', 200).default(''),
  deviationReason: text('偏差原因分析及改进措施', 1000).default(''),
});
export type ProjectIndicator = z.infer<typeof ProjectIndicator>;
export const ProjectIndicatorInput = ProjectIndicator.omit({ id: true }).extend({ id: id().optional() }).strict();
export type ProjectIndicatorInput = z.infer<typeof ProjectIndicatorInput>;

/** A target as printed: "≥95", "≤15"; null when there is none. */
export function targetWithSign(direction: ProjectIndicatorDirection, target: string | null): string | null {
  return target === null ? null : `${PROJECT_INDICATOR_DIRECTION_SIGNS[direction]}${target}`;
}
