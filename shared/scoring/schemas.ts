import { z } from 'zod';
import { FrameworkDocSchema, SCORE_COLUMNS } from './framework-doc.ts';
import { RULE_TYPES, RuleSpecSchema } from './rule-spec.ts';
import { BANDS } from './rules/qualitative-bands.ts';
import { VALUE_SOURCES } from './value-sources.ts';

// The scoring service's inputs and outputs, for the typed API contract. Every score and weight is
// integer centi-points (12.8 分 = 1280); the renderer formats them with formatPoints().

const id = z.number().int().positive();
const centi = z.number().int();
const centiRange = z.object({ min: centi, max: centi });

export const BandSchema = z.enum(BANDS);
export const ValueSourceSchema = z.enum(VALUE_SOURCES);

export const ScoreInputSchema = z.object({
  targetValue: z.string().nullable(),
  actualValue: z.string().nullable(),
  band: BandSchema.nullable(),
  chosenScoreCenti: centi.nullable(),
  overrideScoreCenti: centi.nullable(),
  basis: z.string(),
});

export const ScoreRowSchema = z.object({
  indicatorId: id,
  parentId: id.nullable(),
  level: z.number().int().min(1),
  code: z.string(),
  name: z.string(),
  /** "管理效能 / 资金管理 / 预算执行率". */
  path: z.string(),
  isLeaf: z.boolean(),
  selfScored: z.boolean(),
  /** 核心指标 (MOF-style 自评表). */
  core: z.boolean(),
  weightCenti: centi,
  rule: RuleSpecSchema.nullable(),
  ruleType: z.enum(RULE_TYPES).nullable(),
  /** "正向指标", "定性指标", … */
  ruleLabel: z.string(),
  valueSource: ValueSourceSchema,
  /** "来自预算执行", "手工填报", … */
  sourceLabel: z.string(),
  definition: z.string(),
  criteria: z.string(),
  targetText: z.string().nullable(),
  actualText: z.string().nullable(),
  valueDetail: z.string(),
  /** The stored input, for the edit form. */
  input: ScoreInputSchema,
  /** For 定性指标: the allowed scores per band (null where a band holds no whole 0.01 分). */
  bandRanges: z.record(BandSchema, centiRange.nullable()).nullable(),
  computedScoreCenti: centi.nullable(),
  /** Leaves: the score that counts. Parents: the sum of their children's known scores. */
  scoreCenti: centi.nullable(),
  deductionCenti: centi.nullable(),
  overridden: z.boolean(),
  reason: z.string(),
  condition: z.string().nullable(),
  note: z.string(),
  /** What the user still has to enter here (leaves) — empty when complete. */
  missing: z.array(z.string()),
  /** Leaves: nothing missing. Parents: every self-scored leaf below is complete. */
  complete: z.boolean(),
});
export type ScoreRow = z.infer<typeof ScoreRowSchema>;

export const PendingItemSchema = z.object({
  indicatorId: id,
  code: z.string(),
  path: z.string(),
  messages: z.array(z.string()),
});
export type PendingItem = z.infer<typeof PendingItemSchema>;

export const DeductionSchema = z.object({
  indicatorId: id,
  code: z.string(),
  indicator: z.string(),
  path: z.string(),
  /** The 一级指标 the deduction falls under. */
  blockId: id,
  blockName: z.string(),
  pointsCenti: centi,
  reason: z.string(),
  condition: z.string().nullable(),
  note: z.string(),
  overridden: z.boolean(),
});
export type Deduction = z.infer<typeof DeductionSchema>;

export const FrameworkIssueSchema = z.object({ code: z.string().optional(), message: z.string() });

export const ScoreSheetSchema = z.object({
  yearId: id,
  year: z.number().int(),
  frameworkId: id,
  frameworkName: z.string(),
  frameworkVersion: z.string(),
  /** Extra 自评表 columns the framework asks for (得分系数, 核心指标). */
  scoreColumns: z.array(z.enum(SCORE_COLUMNS)),
  /** Sum of the self-scored 一级指标 scores known so far. */
  totalCenti: centi,
  /** Sum of the self-scored 一级指标 weights (the self-evaluation's 满分). */
  maxCenti: centi,
  /** Sum of all 一级指标 weights, self-scored or not. */
  frameworkMaxCenti: centi,
  /** Nothing pending and the framework is valid: the year may be finalised. */
  complete: z.boolean(),
  /** Indicators still needing the user's input, in tree order — show these first. */
  pending: z.array(PendingItemSchema),
  rows: z.array(ScoreRowSchema),
  deductions: z.array(DeductionSchema),
  frameworkIssues: z.array(FrameworkIssueSchema),
});
export type ScoreSheet = z.infer<typeof ScoreSheetSchema>;

// ── Service inputs ────────────────────────────────────────────────────────────────────────────

/**
 * Saves one indicator's input. Fields left out are unchanged; null clears. `answer` is the 是否判断
 * reply. `basis` is the 得分依据 of an override, or the reason for a judged score below full marks.
 */
export const SaveScoreInputSchema = z.strictObject({
  yearId: id,
  indicatorId: id,
  targetValue: z.string().max(40).nullable().optional(),
  actualValue: z.string().max(40).nullable().optional(),
  band: BandSchema.nullable().optional(),
  chosenScoreCenti: centi.nullable().optional(),
  answer: z.enum(['yes', 'no']).nullable().optional(),
  overrideScoreCenti: centi.nullable().optional(),
  basis: z.string().max(2000).optional(),
});
export type SaveScoreInput = z.infer<typeof SaveScoreInputSchema>;

export const FinalizeCheckSchema = z.object({
  ok: z.boolean(),
  totalCenti: centi,
  maxCenti: centi,
  pending: z.array(PendingItemSchema),
  frameworkIssues: z.array(FrameworkIssueSchema),
  /** One Chinese sentence for the finalise dialog. */
  message: z.string(),
});
export type FinalizeCheck = z.infer<typeof FinalizeCheckSchema>;

export const FrameworkSummarySchema = z.object({
  frameworkId: id,
  yearId: id.nullable(),
  name: z.string(),
  version: z.string(),
  source: z.string(),
  indicatorCount: z.number().int(),
  totalWeightCenti: centi,
});
export type FrameworkSummary = z.infer<typeof FrameworkSummarySchema>;

export const GetFrameworkDocInputSchema = z.object({ frameworkId: id });
export const FrameworkDocOutputSchema = FrameworkDocSchema;

/**
 * Codes whose stored score inputs the caller agrees to lose (indicator removed or its rule type
 * changed). A save that would lose any other input is refused with the list (CONFLICT).
 */
const confirmDrop = z.array(z.string().max(40)).max(1000).optional();

export const SaveYearFrameworkInputSchema = z.object({ yearId: id, doc: FrameworkDocSchema, confirmDrop });

export const CopyFrameworkToYearInputSchema = z.object({ sourceFrameworkId: id, yearId: id, confirmDrop });

export const ImportFrameworkInputSchema = z.object({
  /** The file's text (the caller reads the file). */
  json: z.string().max(5_000_000),
  /** Where the framework goes: a year (replacing its framework, keeping inputs of matching codes) or a new template. */
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('year'), yearId: id }),
    z.object({ kind: z.literal('template') }),
  ]),
  confirmDrop,
});
export type ImportFrameworkInput = z.infer<typeof ImportFrameworkInputSchema>;

export const ExportFrameworkOutputSchema = z.object({ fileName: z.string(), json: z.string() });

export const SelfEvalSummaryInputSchema = z.object({ yearId: id });
export const SelfEvalSummaryOutputSchema = z.object({ text: z.string(), complete: z.boolean() });
