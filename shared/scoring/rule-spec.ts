import { z } from 'zod';

// A scoring rule is data: its type plus parameters, stored in indicator.rule_type and
// indicator.rule_params_json, and written the same way in framework JSON files.

const decimalText = z
  .string()
  .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, { message: '必须是数字，例如 100 或 12.5' });

const nonNegativeDecimalText = z.string().regex(/^(\d+(\.\d*)?|\.\d+)$/, { message: '必须是不小于 0 的数字' });

const unit = z.string().max(20).optional();

export const RULE_TYPES = ['none', 'positive', 'equal', 'reverse', 'steps', 'bands', 'qualitative', 'checklist', 'manual'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const RULE_TYPE_LABELS: Record<RuleType, string> = {
  none: '按下级指标合计',
  positive: '正向指标',
  equal: '等于指标',
  reverse: '反向指标',
  steps: '按百分点扣分',
  bands: '区间计分',
  qualitative: '定性指标',
  checklist: '是否判断',
  manual: '手工评分',
};

export const NoneRuleSchema = z.strictObject({
  type: z.literal('none'),
  /** Sentence the 自评综述 prints for a block that got full marks, instead of listing its items. */
  summaryWhenFull: z.string().max(200).optional(),
});

export const PositiveRuleSchema = z.strictObject({
  type: z.literal('positive'),
  /** Default target; a year's input may replace it. */
  target: nonNegativeDecimalText.optional(),
  unit,
});

export const EqualRuleSchema = z.strictObject({
  type: z.literal('equal'),
  target: nonNegativeDecimalText.optional(),
  unit,
});

export const ReverseRuleSchema = z.strictObject({
  type: z.literal('reverse'),
  target: nonNegativeDecimalText.optional(),
  unit,
  /** Above this value a written explanation (basis) is required, e.g. 预算调整率 over 30 %. */
  explainAbove: decimalText.optional(),
});

export const StepsRuleSchema = z.strictObject({
  type: z.literal('steps'),
  target: decimalText.optional(),
  unit,
  /** 'below': deduct for each step under the target; 'above': for each step over it. */
  direction: z.enum(['below', 'above']),
  /** Size of one step in the value's unit (one percentage point = "1"). */
  step: z.string().regex(/^(\d+(\.\d*)?|\.\d+)$/).refine((s) => Number(s) > 0, { message: '每档大小必须大于 0' }),
  /** Points deducted per step ("0.1"). */
  pointsPerStep: nonNegativeDecimalText,
  /** 'proportional': 2.5 steps deduct 2.5 × k; 'whole': only completed steps count. */
  counting: z.enum(['proportional', 'whole']).default('proportional'),
});

/** One end of a 区间计分 range; `inclusive` says whether the value itself belongs to the range. */
export const BandBoundSchema = z.strictObject({ value: decimalText, inclusive: z.boolean() });

export const ScoreBandSchema = z.strictObject({
  /** Lower end; absent = no lower limit. */
  from: BandBoundSchema.optional(),
  /** Upper end; absent = no upper limit. */
  to: BandBoundSchema.optional(),
  /** Points for a value in this range. */
  points: nonNegativeDecimalText,
});
export type ScoreBand = z.infer<typeof ScoreBandSchema>;

/**
 * 区间计分: the value's range gives the points, e.g. 0 → 8; (0,10%] → 6; (10%,20%] → 4;
 * (20%,30%] → 2; > 30% → 0. Ranges must not overlap; a value in no range is not scored.
 */
export const BandsRuleSchema = z.strictObject({
  type: z.literal('bands'),
  unit,
  bands: z.array(ScoreBandSchema).min(1, { message: '区间计分至少要有一个区间' }).max(20),
});

export const QualitativeRuleSchema = z.strictObject({ type: z.literal('qualitative') });

export const ChecklistRuleSchema = z.strictObject({
  type: z.literal('checklist'),
  /** The yes/no question shown to the user. */
  question: z.string().max(500).optional(),
  /** Deduction reason printed when the answer is no and the user gave none. */
  failReason: z.string().max(200).optional(),
});

export const ManualRuleSchema = z.strictObject({ type: z.literal('manual') });

export const RuleSpecSchema = z.discriminatedUnion('type', [
  NoneRuleSchema,
  PositiveRuleSchema,
  EqualRuleSchema,
  ReverseRuleSchema,
  StepsRuleSchema,
  BandsRuleSchema,
  QualitativeRuleSchema,
  ChecklistRuleSchema,
  ManualRuleSchema,
]);
export type RuleSpec = z.infer<typeof RuleSpecSchema>;

/** Rules that score a numeric value against a target (and so may take it from data). */
export type NumericRule = Extract<RuleSpec, { type: 'positive' | 'equal' | 'reverse' | 'steps' | 'bands' }>;

export function isNumericRule(rule: RuleSpec): rule is NumericRule {
  return rule.type === 'positive' || rule.type === 'equal' || rule.type === 'reverse' || rule.type === 'steps' || rule.type === 'bands';
}

/** Splits a rule into the two stored columns. */
export function ruleToColumns(rule: RuleSpec): { ruleType: RuleType; paramsJson: string } {
  const { type, ...params } = rule;
  return { ruleType: type, paramsJson: JSON.stringify(params) };
}

/** Reads the stored columns back; an unknown type or bad params comes back as an error message. */
export function ruleFromColumns(ruleType: string, paramsJson: string): { rule: RuleSpec } | { error: string } {
  let params: unknown;
  try {
    params = JSON.parse(paramsJson);
  } catch {
    return { error: `评分规则参数不是有效的 JSON：${paramsJson}` };
  }
  const parsed = RuleSpecSchema.safeParse({ ...(params as object), type: ruleType });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `评分规则“${ruleType}”的参数无效：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() };
  }
  return { rule: parsed.data };
}
