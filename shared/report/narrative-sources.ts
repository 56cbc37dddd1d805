import type { NarrativeKey, ReportInput } from './input.ts';

// Every piece of user-editable prose in the report, with a stable key and a Chinese title that says
// where it appears. Placeholder resolution and the consistency check both walk this one list.

export interface NarrativeSource {
  key: string;
  title: string;
  text: string;
}

export const NARRATIVE_TITLES: Record<NarrativeKey, string> = {
  performance_goal_management: '绩效目标管理',
  indicator_management: '项目支出绩效指标管理',
  performance_monitoring: '绩效运行监控',
  evaluation_overview: '部门整体支出绩效自评综述',
  problems: '存在的主要问题',
  improvements: '下一步改进措施',
};

export function narrativeSources(input: ReportInput): NarrativeSource[] {
  const out: NarrativeSource[] = [{ key: 'overall_goal', title: '总体工作目标', text: input.overallGoal }];
  input.workAreas.forEach((area, i) => {
    out.push({ key: `work_area.${i}`, title: `主要工作情况及成效·${area.title}`, text: area.summary });
  });
  out.push({ key: 'budget_paragraph', title: '部门整体收支情况', text: input.budgetParagraph });
  for (const key of ['performance_goal_management', 'indicator_management', 'performance_monitoring'] as const) {
    out.push({ key, title: NARRATIVE_TITLES[key], text: input.narratives[key] ?? '' });
  }
  out.push({ key: 'evaluation_overview', title: NARRATIVE_TITLES.evaluation_overview, text: input.narratives.evaluation_overview ?? '' });
  out.push({ key: 'evaluation_summary', title: '自评得分情况', text: input.evaluationSummary });
  input.workAreas.forEach((area, i) => {
    area.tasks.forEach((task, j) => {
      out.push({ key: `task.${i}.${j}`, title: `工作任务绩效目标完成情况·${task.title}`, text: task.description });
    });
  });
  out.push({ key: 'problems', title: NARRATIVE_TITLES.problems, text: input.narratives.problems ?? '' });
  out.push({ key: 'improvements', title: NARRATIVE_TITLES.improvements, text: input.narratives.improvements ?? '' });
  return out;
}

/** Splits a body into paragraphs at line breaks, dropping blank lines and edge whitespace. */
export function splitParagraphs(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
