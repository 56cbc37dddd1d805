import type { NarrativeKey } from './input.ts';
import { NARRATIVE_TITLES } from './narrative-sources.ts';

// The report prose edited on the 报告 page (other prose — duties, goals, work summaries — is edited
// where its data lives). Generated sections follow the data until the user edits them, and can be
// reset to the generated text at any time.
export const GENERATED_SECTION_KEYS = ['budget_paragraph', 'evaluation_summary'] as const;
export type GeneratedSectionKey = (typeof GENERATED_SECTION_KEYS)[number];
export type SectionKey = NarrativeKey | GeneratedSectionKey;

export const EDITABLE_SECTIONS: Array<{ key: SectionKey; title: string; generated: boolean }> = [
  { key: 'budget_paragraph', title: '一（三）部门整体收支情况', generated: true },
  { key: 'performance_goal_management', title: `一（四）1. ${NARRATIVE_TITLES.performance_goal_management}`, generated: false },
  { key: 'indicator_management', title: `一（四）2. ${NARRATIVE_TITLES.indicator_management}`, generated: false },
  { key: 'performance_monitoring', title: `一（四）3. ${NARRATIVE_TITLES.performance_monitoring}`, generated: false },
  { key: 'evaluation_overview', title: `二（一）${NARRATIVE_TITLES.evaluation_overview}`, generated: false },
  { key: 'evaluation_summary', title: '二（一）自评得分情况（根据评分生成）', generated: true },
  { key: 'problems', title: `三、${NARRATIVE_TITLES.problems}`, generated: false },
  { key: 'improvements', title: `四、${NARRATIVE_TITLES.improvements}`, generated: false },
];
