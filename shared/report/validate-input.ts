import { AppError } from '../api/app-error.ts';
import { type ReportInput, reportInputSchema } from './input.ts';

// Renderers check their input once: a report with sums that do not add up must fail loudly with
// the place named, never print.

export function validateReportInput(input: unknown): ReportInput {
  const r = reportInputSchema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = details[0];
  throw new AppError(
    'VALIDATION',
    `报告数据不完整或不一致，无法生成报告${first ? `：${first.message}（位置：${first.path || '整体'}）` : ''}`,
    details,
  );
}
