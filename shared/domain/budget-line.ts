import { z } from 'zod';
import { fen, id, oneOf, text } from '../api/fields.ts';
import { BUDGET_FUNDING_SOURCES, CATEGORIES } from './enums.ts';

export const BudgetLineInput = z
  .object({
    id: id().optional(),
    yearId: id('年度'),
    unitId: id('单位'),
    fundingSource: oneOf(BUDGET_FUNDING_SOURCES, '资金来源'),
    category: oneOf(CATEGORIES, '支出类别'),
    projectId: id('项目').nullable(),
    funcCode: text('功能分类编码', 20).regex(/^\d*$/, { error: '功能分类编码只能是数字' }),
    funcName: text('功能分类名称', 100),
    econCode: text('经济分类编码', 20).regex(/^\d*$/, { error: '经济分类编码只能是数字' }),
    econName: text('经济分类名称', 100),
    initialFen: fen('年初预算'),
    adjustmentFen: fen('调整数'),
    docNo: text('指标文号', 100),
    note: text('备注', 500),
  })
  .refine((l) => l.projectId === null || l.category === 'project', {
    error: '只有“项目支出”类别的指标才能关联项目',
    path: ['projectId'],
  });
export type BudgetLineInput = z.infer<typeof BudgetLineInput>;

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
