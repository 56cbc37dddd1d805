import { z } from 'zod';
import { NARRATIVE_TITLES } from './narrative-sources.ts';

// A report outline is data, like an indicator framework: the sections with their headings, what
// each section prints (generated paragraphs and tables by key, or the year's own text) and which
// tables go to the annexes. The generated pieces stay functions in shared/report; the outline only
// places them.

export const OUTLINE_FILE_FORMAT = 'selfeval-outline';
export const OUTLINE_FILE_VERSION = 1;
/** 一、 → （一） → 1. → （1）: official documents number four levels. */
export const MAX_OUTLINE_DEPTH = 4;

export const TABLE_KEYS = ['score_table', 'budget_table', 'task_table', 'project_indicator_table', 'check_explanation_table'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export const TEXT_KEYS = [
  'duties',
  'organization',
  'overall_goal',
  'work_results',
  'budget_paragraph',
  'performance_goal_management',
  'indicator_management',
  'performance_monitoring',
  'evaluation_overview',
  'evaluation_summary',
  'task_completion',
  'problems',
  'improvements',
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export const CONTENT_KEYS = [...TEXT_KEYS, ...TABLE_KEYS] as const;
export type ContentKey = (typeof CONTENT_KEYS)[number];

/** What each key prints, in the words the outline editor shows. */
export const CONTENT_LABELS: Record<ContentKey, string> = {
  duties: '部门主要职责（逐条编号）',
  organization: '机构设置（根据单位信息生成）',
  overall_goal: '总体工作目标',
  work_results: '主要工作情况及成效（每个工作领域一个小标题）',
  budget_paragraph: '部门整体收支情况（根据预算执行生成）',
  performance_goal_management: NARRATIVE_TITLES.performance_goal_management,
  indicator_management: NARRATIVE_TITLES.indicator_management,
  performance_monitoring: NARRATIVE_TITLES.performance_monitoring,
  evaluation_overview: NARRATIVE_TITLES.evaluation_overview,
  evaluation_summary: '自评得分情况（根据评分生成）',
  task_completion: '工作任务绩效目标完成情况（根据年度工作生成）',
  problems: NARRATIVE_TITLES.problems,
  improvements: NARRATIVE_TITLES.improvements,
  score_table: '表：部门整体支出绩效自评表',
  budget_table: '表：预算执行情况表',
  task_table: '表：重点工作任务完成情况表',
  project_indicator_table: '表：项目绩效指标完成情况表',
  check_explanation_table: '表：审核提示说明',
};

/**
 * What the annexes can hold: any of the tables, or every project's 项目支出绩效自评表 (one annex
 * per project, the same tables the 项目自评 exports print). The shipped outlines leave the latter
 * out, so a year prints it only when the office chooses it.
 */
export const ANNEX_KEYS = [...TABLE_KEYS, 'project_eval_tables'] as const;
export type AnnexKey = (typeof ANNEX_KEYS)[number];
export const ANNEX_LABELS: Record<AnnexKey, string> = {
  ...CONTENT_LABELS,
  project_eval_tables: '表：项目支出绩效自评表（每个项目一张）',
};

export function isTableKey(key: ContentKey): key is TableKey {
  return (TABLE_KEYS as readonly string[]).includes(key);
}

const zhKeyList = CONTENT_KEYS.join('、');

export const OutlineItemSchema = z.union([
  z.strictObject({
    key: z.enum(CONTENT_KEYS, { message: `未知的内容键，可用的有：${zhKeyList}` }),
  }),
  z.strictObject({
    /** The year's own text (placeholders allowed), one paragraph per line. */
    text: z.string().max(20_000, { message: '自定义文字过长（超过 2 万字）' }),
  }),
]);
export type OutlineItem = z.infer<typeof OutlineItemSchema>;

export interface OutlineSection {
  heading: string;
  /** false: the heading prints without 一、/（一）/1. and does not take a number from its siblings. */
  numbered?: boolean | undefined;
  /** Leave the heading out when nothing below it prints (optional narratives). */
  omitWhenEmpty?: boolean | undefined;
  content: OutlineItem[];
  children?: OutlineSection[] | undefined;
}

export const OutlineSectionSchema: z.ZodType<OutlineSection> = z.strictObject({
  heading: z.string().trim().min(1, { message: '标题不能为空' }).max(100, { message: '标题过长（超过 100 字）' }),
  numbered: z.boolean().optional(),
  omitWhenEmpty: z.boolean().optional(),
  content: z.array(OutlineItemSchema).max(50),
  get children() {
    return z.array(OutlineSectionSchema).max(50).optional();
  },
});

export const OutlineDocSchema = z.strictObject({
  name: z.string().trim().min(1, { message: '提纲名称不能为空' }).max(200),
  version: z.string().max(100).default(''),
  source: z.string().max(1000).default(''),
  /** Second title line ("部门整体支出绩效自评报告"); the first is the unit name and year. */
  titleSuffix: z.string().trim().min(1, { message: '报告标题不能为空' }).max(60),
  sections: z.array(OutlineSectionSchema).min(1, { message: '提纲至少要有一个一级标题' }).max(30),
  annexes: z.array(z.enum(ANNEX_KEYS, { message: `未知的附件，可用的有：${ANNEX_KEYS.join('、')}` })).max(ANNEX_KEYS.length),
});
export type OutlineDoc = z.infer<typeof OutlineDocSchema>;

export const OutlineFileSchema = OutlineDocSchema.extend({
  format: z.literal(OUTLINE_FILE_FORMAT, { message: `不是本程序的报告提纲文件（format 应为 ${OUTLINE_FILE_FORMAT}）` }),
  formatVersion: z.literal(OUTLINE_FILE_VERSION, {
    message: `报告提纲文件版本不受支持（本程序支持 formatVersion ${OUTLINE_FILE_VERSION}）`,
  }),
});

export interface OutlineIssue {
  /** Where: "sections 第 2 节（综合评价分析）› 第 1 小节". */
  where: string;
  message: string;
}

/** Structural rules the schema cannot say: depth, each key placed once, each annex once. */
export function validateOutline(doc: OutlineDoc): OutlineIssue[] {
  const issues: OutlineIssue[] = [];
  const placed = new Map<ContentKey, string>();
  const walk = (sections: readonly OutlineSection[], depth: number, prefix: string) => {
    sections.forEach((s, i) => {
      const where = `${prefix}第 ${i + 1} ${depth === 1 ? '节' : '小节'}（${s.heading}）`;
      if (depth > MAX_OUTLINE_DEPTH) issues.push({ where, message: `位于第 ${depth} 级，提纲最多 ${MAX_OUTLINE_DEPTH} 级标题` });
      for (const item of s.content) {
        if (!('key' in item)) continue;
        const first = placed.get(item.key);
        if (first) issues.push({ where, message: `内容“${CONTENT_LABELS[item.key]}”已放在 ${first}，每项内容只能出现一次` });
        else placed.set(item.key, where);
      }
      walk(s.children ?? [], depth + 1, `${where} › `);
    });
  };
  walk(doc.sections, 1, 'sections ');
  const seen = new Set<AnnexKey>();
  doc.annexes.forEach((key, i) => {
    if (seen.has(key)) issues.push({ where: `annexes 第 ${i + 1} 项`, message: `附件“${ANNEX_LABELS[key]}”重复` });
    seen.add(key);
  });
  return issues;
}
