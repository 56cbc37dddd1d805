import { z } from 'zod';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../domain/enums.ts';

// Classification rules: "摘要 contains 工资 → 经济分类 30101", "对方户名 is X → project Y". The file
// format (rules export / import) and the API share these schemas; the first matching rule decides.

export const RULE_FIELDS = ['summary', 'counterparty'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export const RULE_FIELD_LABELS: Record<RuleField, string> = { summary: '摘要', counterparty: '对方户名' };

const codeText = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(20, { error: `${label}不能超过 20 位` })
    .regex(/^\d*$/, { error: `${label}只能是数字` });

const pattern = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(200, { error: `${label}不能超过 200 个字` });

export const RuleWhen = z
  .object({
    field: z.enum(RULE_FIELDS, { error: '条件字段（when.field）只能是 summary（摘要）或 counterparty（对方户名）' }),
    contains: pattern('“包含”的文字（when.contains）').optional(),
    equals: pattern('“等于”的文字（when.equals）').optional(),
  })
  .strict()
  .refine((w) => (w.contains === undefined) !== (w.equals === undefined), {
    error: '条件（when）须有且只有 contains（包含）或 equals（等于）之一',
  });
export type RuleWhen = z.infer<typeof RuleWhen>;

export const RuleSet = z
  .object({
    econCode: codeText('经济分类编码（set.econCode）').optional(),
    funcCode: codeText('功能分类编码（set.funcCode）').optional(),
    category: z.enum(CATEGORIES, { error: '类别（set.category）只能是 personnel、public 或 project' }).optional(),
    project: z.string({ error: '项目（set.project）必须是文字' }).trim().max(200, { error: '项目（set.project）不能超过 200 个字' }).optional(),
  })
  .strict()
  .refine((s) => Boolean(s.econCode || s.funcCode || s.category || s.project), {
    error: '设置（set）至少要有 econCode、funcCode、category、project 之一',
  });
export type RuleSet = z.infer<typeof RuleSet>;

export const Rule = z.object({ when: RuleWhen, set: RuleSet }).strict();
export type Rule = z.infer<typeof Rule>;

/** The rules file (and the whole list the rules page saves), in the order rules are tried. */
export const RulesFile = z.object({ rules: z.array(Rule).max(1000, { error: '规则不能超过 1000 条' }) }).strict();
export type RulesFile = z.infer<typeof RulesFile>;

/** "规则 2（rules[1].when.field）：…" — where in the file a problem is, for a Chinese message. */
export function describeRulesIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path;
  const where = path.length === 0 ? '' : typeof path[1] === 'number' ? `第 ${path[1] + 1} 条规则（${path.map(String).join('.')}）` : path.map(String).join('.');
  return where ? `${where}：${issue.message}` : issue.message;
}

/** What a rule sets, in words: 经济分类 30101；类别 基本支出·人员经费. */
export function describeRuleSet(set: RuleSet): string {
  const parts: string[] = [];
  if (set.econCode) parts.push(`经济分类 ${set.econCode}`);
  if (set.funcCode) parts.push(`功能分类 ${set.funcCode}`);
  if (set.category) parts.push(`类别 ${CATEGORY_LABELS[set.category as Category]}`);
  if (set.project) parts.push(`项目 ${set.project}`);
  return parts.join('；');
}

/** 摘要包含“工资” / 对方户名为“X”. */
export function describeRuleWhen(when: RuleWhen): string {
  const field = RULE_FIELD_LABELS[when.field];
  return when.contains !== undefined ? `${field}包含“${when.contains}”` : `${field}为“${when.equals}”`;
}

export function ruleMatches(when: RuleWhen, row: { summary: string; counterparty: string }): boolean {
  const value = row[when.field].trim();
  if (when.contains !== undefined) return value.includes(when.contains);
  return value === when.equals;
}

/** Index of the first rule that matches, or -1. */
export function firstMatchingRule(rules: readonly Rule[], row: { summary: string; counterparty: string }): number {
  return rules.findIndex((r) => ruleMatches(r.when, row));
}
