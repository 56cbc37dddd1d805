import { z } from 'zod';
import { pointsNumberToCenti } from './points.ts';
import { RuleSpecSchema } from './rule-spec.ts';
import { VALUE_SOURCES } from './value-sources.ts';

// The framework as a document: the JSON file a finance bureau's framework is loaded from, the shape
// the framework editor works on, and what export writes. Weights are points (12.8), as people write
// them; they become integer centi when stored.

export const FRAMEWORK_FILE_FORMAT = 'selfeval-framework';
export const FRAMEWORK_FILE_VERSION = 1;
export const MAX_LEVEL = 3;

export const SCORE_COLUMNS = ['coefficient', 'core'] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

const weightPoints = z
  .number()
  .nonnegative({ message: '权重不能为负数' })
  .refine((n) => pointsNumberToCenti(n) !== null, { message: '权重最多保留两位小数' });

export interface IndicatorDoc {
  code: string;
  name: string;
  /** Points, at most two decimals. */
  weight: number;
  selfScored?: boolean;
  rule?: z.infer<typeof RuleSpecSchema>;
  valueSource?: (typeof VALUE_SOURCES)[number];
  definition?: string;
  criteria?: string;
  /** 核心指标 (printed in the 核心指标 column when the framework asks for it). */
  core?: boolean;
  children?: IndicatorDoc[];
}

export const IndicatorDocSchema: z.ZodType<IndicatorDoc> = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, { message: '指标编号不能为空' })
    .max(40)
    .regex(/^[0-9A-Za-z._-]+$/, { message: '指标编号只能包含数字、字母、点、下划线和短横线' }),
  name: z.string().trim().min(1, { message: '指标名称不能为空' }).max(100),
  weight: weightPoints,
  selfScored: z.boolean().optional(),
  rule: RuleSpecSchema.optional(),
  valueSource: z.enum(VALUE_SOURCES).optional(),
  definition: z.string().max(2000).optional(),
  criteria: z.string().max(2000).optional(),
  core: z.boolean().optional(),
  get children() {
    return z.array(IndicatorDocSchema).optional();
  },
});

export const FrameworkDocSchema = z.strictObject({
  name: z.string().trim().min(1, { message: '指标体系名称不能为空' }).max(200),
  version: z.string().max(100).default(''),
  source: z.string().max(1000).default(''),
  /** The framework's 满分; when given, the 一级 weights must add up to it. */
  total: weightPoints.optional(),
  /** Extra 自评表 columns: 得分系数 (score ÷ weight) and 核心指标. */
  columns: z.array(z.enum(SCORE_COLUMNS, { message: `未知的自评表列，可用的有：${SCORE_COLUMNS.join('、')}` })).max(SCORE_COLUMNS.length).optional(),
  indicators: z.array(IndicatorDocSchema).min(1, { message: '指标体系至少要有一个一级指标' }),
});
export type FrameworkDoc = z.infer<typeof FrameworkDocSchema>;

export const FrameworkFileSchema = FrameworkDocSchema.extend({
  format: z.literal(FRAMEWORK_FILE_FORMAT, { message: `不是本程序的指标体系文件（format 应为 ${FRAMEWORK_FILE_FORMAT}）` }),
  formatVersion: z.literal(FRAMEWORK_FILE_VERSION, {
    message: `指标体系文件版本不受支持（本程序支持 formatVersion ${FRAMEWORK_FILE_VERSION}）`,
  }),
});
