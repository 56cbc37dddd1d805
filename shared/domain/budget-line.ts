import { z } from 'zod';
import { fen, id, nonNegativeFen, oneOf, text } from '../api/fields.ts';
import { BUDGET_FUNDING_SOURCES, CATEGORIES } from './enums.ts';

const lineFields = {
  id: id().optional(),
  yearId: id('年度'),
  unitId: id('单位'),
  fundingSource: oneOf(BUDGET_FUNDING_SOURCES, '资金来源'),
  category: oneOf(CATEGORIES, '支出类别'),
  funcCode: text('功能分类编码', 20).regex(/^\d*$/, { error: '功能分类编码只能是数字' }),
  funcName: text('功能分类名称', 100),
  econCode: text('经济分类编码', 20).regex(/^\d*$/, { error: '经济分类编码只能是数字' }),
  econName: text('经济分类名称', 100),
  initialFen: nonNegativeFen('年初预算'),
  adjustmentFen: fen('调整数'),
  docNo: text('指标文号', 100),
  note: text('备注', 500),
};
const PROJECT_NEEDS_CATEGORY = '只有“项目支出”类别的指标才能关联项目';

export const BudgetLineInput = z
  .object({ ...lineFields, projectId: id('项目').nullable() })
  .refine((l) => l.projectId === null || l.category === 'project', { error: PROJECT_NEEDS_CATEGORY, path: ['projectId'] });
export type BudgetLineInput = z.infer<typeof BudgetLineInput>;

/** A line as typed in the grid: its project by name ('' for none), found or created in the same transaction. */
export const NamedProjectLineInput = z
  .object({ ...lineFields, projectName: text('项目名称', 200).trim() })
  .strict()
  .refine((l) => l.projectName === '' || l.category === 'project', { error: PROJECT_NEEDS_CATEGORY, path: ['projectName'] });
export type NamedProjectLineInput = z.infer<typeof NamedProjectLineInput>;

export const CopyLinesInput = z
  .object({
    fromYearId: id('来源年度'),
    toYearId: id('年度'),
    /** 'lastFinal': 年初预算 starts from last year's final budget; 'zero': it starts at 0. */
    amounts: z.enum(['zero', 'lastFinal']),
  })
  .strict();
export type CopyLinesInput = z.infer<typeof CopyLinesInput>;
export const CopyLinesResult = z.object({
  copied: z.number().int(),
  /** Lines the year already has (same unit, source, category, project and codes). */
  skipped: z.number().int(),
});
export type CopyLinesResult = z.infer<typeof CopyLinesResult>;

export const BudgetLine = z.object({
  id: id(),
  yearId: id('年度'),
  unitId: id('单位'),
  fundingSource: oneOf(BUDGET_FUNDING_SOURCES, '资金来源'),
  category: oneOf(CATEGORIES, '支出类别'),
  projectId: id('项目').nullable(),
  projectName: z.string().nullable(),
  funcCode: z.string(),
  funcName: z.string(),
  econCode: z.string(),
  econName: z.string(),
  initialFen: fen('年初预算'),
  adjustmentFen: fen('调整数'),
  finalFen: fen('调整后预算'),
  docNo: z.string(),
  note: z.string(),
  batchId: z.number().int().nullable(),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Project = z.object({
  id: id(),
  yearId: id('年度'),
  unitId: id('单位').nullable(),
  code: text('项目编码', 50),
  name: text('项目名称', 200).trim().min(1, { error: '项目名称不能为空' }),
  description: text('项目说明', 2000),
});
export type Project = z.infer<typeof Project>;
export const ProjectInput = Project.omit({ id: true }).extend({ id: id().optional() });
export type ProjectInput = z.infer<typeof ProjectInput>;
