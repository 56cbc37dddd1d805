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

export const ProjectIndicator = z.object({
  id: id(),
  projectId: id('项目'),
  kind: oneOf(PROJECT_INDICATOR_KINDS, '指标类型'),
  name: requiredText('指标名称'),
  unit: text('计量单位', 20),
  targetValue: decimalText('指标值').nullable(),
  actualValue: decimalText('实际完成值').nullable(),
});
export type ProjectIndicator = z.infer<typeof ProjectIndicator>;
export const ProjectIndicatorInput = ProjectIndicator.omit({ id: true }).extend({ id: id().optional() }).strict();
export type ProjectIndicatorInput = z.infer<typeof ProjectIndicatorInput>;
