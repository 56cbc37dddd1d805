import { z } from 'zod';
import { decimalText, id, oneOf, requiredText, text } from '../api/fields.ts';
import { TASK_STATUSES } from './enums.ts';

// 年度工作: areas → tasks → measurable results. Measure values are decimal text as typed.

export const MEASURE_DIRECTIONS = ['higher', 'lower', 'equal'] as const;

export const Measure = z.object({
  id: id(),
  taskId: id('任务'),
  key: text('引用名', 50).regex(/^[A-Za-z0-9_]*$/, { error: '引用名只能包含字母、数字和下划线' }),
  name: requiredText('指标名称'),
  unit: text('计量单位', 20),
  targetValue: decimalText('目标值').nullable(),
  actualValue: decimalText('实际值').nullable(),
  direction: oneOf(MEASURE_DIRECTIONS, '方向'),
});
export type Measure = z.infer<typeof Measure>;
export const MeasureInput = Measure.omit({ id: true }).extend({ id: id().optional() });
export type MeasureInput = z.infer<typeof MeasureInput>;

export const Task = z.object({
  id: id(),
  areaId: id('工作领域'),
  title: requiredText('任务名称', 500),
  description: text('任务说明', 5000),
  status: oneOf(TASK_STATUSES, '完成情况'),
  evidence: text('佐证材料说明', 2000),
  measures: z.array(Measure),
});
export type Task = z.infer<typeof Task>;
export const TaskInput = Task.omit({ id: true, measures: true }).extend({ id: id().optional() });
export type TaskInput = z.infer<typeof TaskInput>;

export const WorkArea = z.object({
  id: id(),
  yearId: id('年度'),
  title: requiredText('工作领域名称', 200),
  summary: text('工作概述', 5000),
  tasks: z.array(Task),
});
export type WorkArea = z.infer<typeof WorkArea>;
export const WorkAreaInput = WorkArea.omit({ id: true, tasks: true }).extend({ id: id().optional() });
export type WorkAreaInput = z.infer<typeof WorkAreaInput>;
