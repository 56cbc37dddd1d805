import { z } from 'zod';
import { PROJECT_INDICATOR_KINDS, QUALITATIVE_GRADES } from '../domain/project-indicator.ts';

// The scoring rules of the 项目支出绩效自评表 as data (resources/frameworks/project-eval.json, a
// year may keep its own copy). Points and percentages are decimal text, read exactly.

const points = z.number({ error: '分值必须是数字' }).min(0, { error: '分值不能为负数' }).max(100, { error: '分值不能超过 100' });
const percentText = z.string().regex(/^\d+(\.\d{1,2})?$/, { error: '百分比必须是不小于 0 的数字，最多两位小数' });

export const ProjectEvalRules = z
  .object({
    format: z.literal('selfeval-project-eval-rules', { error: '不是项目支出绩效自评规则文件' }),
    formatVersion: z.literal(1, { error: '项目支出绩效自评规则文件的版本不受支持' }),
    name: z.string().max(200),
    source: z.string().max(2000),
    execution: z.object({ weight: points }).strict(),
    levels: z
      .array(
        z
          .object({
            kind: z.enum(PROJECT_INDICATOR_KINDS),
            name: z.string().min(1).max(50),
            weight: points,
            level2: z.array(z.string().min(1).max(50)).min(1),
          })
          .strict(),
      )
      .length(PROJECT_INDICATOR_KINDS.length, { error: '一级指标必须是产出、效益、满意度三项' })
      .refine((ls) => new Set(ls.map((l) => l.kind)).size === ls.length, { error: '一级指标不能重复' }),
    qualitative: z
      .array(z.object({ grade: z.enum(QUALITATIVE_GRADES), label: z.string().min(1).max(50), percent: percentText }).strict())
      .length(QUALITATIVE_GRADES.length, { error: '定性指标必须有达成、部分达成、未达成三档' })
      .refine((gs) => new Set(gs.map((g) => g.grade)).size === gs.length, { error: '定性指标档次不能重复' })
      .refine((gs) => gs.every((g) => Number(g.percent) <= 100), { error: '定性指标档次的得分比例不能超过 100%' }),
    grades: z
      .array(z.object({ name: z.string().min(1).max(10), min: percentText }).strict())
      .min(1)
      .refine((gs) => gs.every((g, i) => i === 0 || Number(g.min) < Number(gs[i - 1]!.min)), { error: '评价等次的分数线必须从高到低排列' })
      .refine((gs) => Number(gs[gs.length - 1]!.min) === 0, { error: '最低一档评价等次的分数线必须是 0' }),
    /** Execution below this percent with every indicator met asks which of budget and targets is wrong. */
    lowSpending: z.object({ below: percentText }).strict(),
    /** Funding-source codes of the 财政拨款 and 上年结转 rows; every other source is 其他资金. */
    fundingRows: z.object({ fiscal: z.array(z.string()), carryover: z.array(z.string()) }).strict(),
  })
  .strict();
export type ProjectEvalRules = z.infer<typeof ProjectEvalRules>;
