import type { NarrativeKey } from './input.ts';
import { NARRATIVE_TITLES } from './narrative-sources.ts';
import { chineseNumeral } from './numbering.ts';
import type { ContentKey, OutlineDoc, OutlineSection } from './outline.ts';

// The report prose edited on the 报告 page (other prose — duties, goals, work summaries — is edited
// where its data lives). Generated sections follow the data until the user edits them, and can be
// reset to the generated text at any time.
export const GENERATED_SECTION_KEYS = ['budget_paragraph', 'evaluation_summary'] as const;
export type GeneratedSectionKey = (typeof GENERATED_SECTION_KEYS)[number];
export type SectionKey = NarrativeKey | GeneratedSectionKey;

export const EDITABLE_SECTIONS: Array<{ key: SectionKey; title: string; generated: boolean }> = [
  { key: 'budget_paragraph', title: '部门整体收支情况', generated: true },
  { key: 'performance_goal_management', title: NARRATIVE_TITLES.performance_goal_management, generated: false },
  { key: 'indicator_management', title: NARRATIVE_TITLES.indicator_management, generated: false },
  { key: 'performance_monitoring', title: NARRATIVE_TITLES.performance_monitoring, generated: false },
  { key: 'evaluation_overview', title: NARRATIVE_TITLES.evaluation_overview, generated: false },
  { key: 'evaluation_summary', title: '自评得分情况（根据评分生成）', generated: true },
  { key: 'problems', title: NARRATIVE_TITLES.problems, generated: false },
  { key: 'improvements', title: NARRATIVE_TITLES.improvements, generated: false },
];

/**
 * Where each editable section sits in the year's outline, as the 报告 page names it:
 * "一（四）1. 绩效目标管理", "三、存在的主要问题". A section that holds only this text is named by its
 * heading; one that holds more is named by the text's own title. Numbers count every numbered
 * heading, including optional ones the printed report may leave out when they are empty.
 */
export function editableSectionTitles(outline: OutlineDoc): Map<SectionKey, string> {
  const own = new Map(EDITABLE_SECTIONS.map((s) => [s.key as ContentKey, s.title]));
  const out = new Map<SectionKey, string>();
  const label = (level: number, n: number, last: boolean): string => {
    if (level === 1) return last ? `${chineseNumeral(n)}、` : chineseNumeral(n);
    if (level === 2) return `（${chineseNumeral(n)}）`;
    if (level === 3) return `${n}. `;
    return `（${n}）`;
  };
  const walk = (sections: readonly OutlineSection[], level: number, path: Array<{ level: number; n: number }>) => {
    let n = 0;
    for (const s of sections) {
      const here = s.numbered === false ? path : [...path, { level, n: ++n }];
      const prefix = here.map((p, i) => label(p.level, p.n, i === here.length - 1)).join('');
      for (const item of s.content) {
        if (!('key' in item)) continue;
        const title = own.get(item.key);
        if (title === undefined) continue;
        out.set(item.key as SectionKey, `${prefix}${s.content.length === 1 ? s.heading : title}`);
      }
      walk(s.children ?? [], level + 1, here);
    }
  };
  walk(outline.sections, 1, []);
  for (const s of EDITABLE_SECTIONS) if (!out.has(s.key)) out.set(s.key, `${s.title}（当前提纲未使用）`);
  return out;
}
