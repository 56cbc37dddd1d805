import { buildBudgetTable } from './annex-budget-table.ts';
import { buildProjectIndicatorTable } from './annex-project-indicator-table.ts';
import { buildScoreTable } from './annex-score-table.ts';
import { buildExplanationTable, buildTaskTable } from './annex-task-table.ts';
import { formatChineseDate } from './format-date.ts';
import type { ReportInput } from './input.ts';
import { NARRATIVE_TITLES, splitParagraphs } from './narrative-sources.ts';
import { HeadingCounter, type HeadingLevel, ordinalLead } from './numbering.ts';
import { placeholderCatalogue, placeholderValues, resolvePlaceholders } from './placeholders.ts';
import type { ReportTable } from './table-model.ts';

// The report as an ordered list of blocks: section order, numbering and generated sentences live
// here once, and the PDF, Word and preview renderers only decide how each block looks.

export interface SignatureView {
  persons: { label: string; value: string }[];
  sealLabel: string;
  sealingUnit: string;
  /** "2022年3月15日", or "" for a date to be written by hand. */
  dateText: string;
}

export type ReportBlock =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; level: HeadingLevel; number: string; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'annexNote'; items: string[] }
  | { kind: 'signature'; signature: SignatureView }
  | { kind: 'annex'; label: string; table: ReportTable };

export interface PlaceholderIssue {
  /** Chinese name of the section the body belongs to. */
  section: string;
  key: string;
}

export interface ReportModel {
  year: number;
  unitName: string;
  title: string;
  blocks: ReportBlock[];
  /** Unknown placeholders, left visible in the text. */
  issues: PlaceholderIssue[];
  /** Date the document is dated with (ISO), also its fixed PDF creation date. */
  documentDate: string;
}

function ensureFullStop(s: string): string {
  return /[。！？；：”）]$/.test(s) ? s : `${s}。`;
}

export function buildReportModel(input: ReportInput): ReportModel {
  const values = placeholderValues(placeholderCatalogue(input));
  const issues: PlaceholderIssue[] = [];
  const blocks: ReportBlock[] = [];
  const counter = new HeadingCounter();

  const resolve = (section: string, body: string): string => {
    const r = resolvePlaceholders(body, values);
    for (const key of r.unknown) issues.push({ section, key });
    return r.text;
  };
  const heading = (level: HeadingLevel, text: string) =>
    blocks.push({ kind: 'heading', level, number: counter.next(level), text });
  const paragraphs = (section: string, body: string) => {
    for (const p of splitParagraphs(resolve(section, body))) blocks.push({ kind: 'paragraph', text: p });
  };

  const title = `${input.unitName}${input.year}年度部门整体支出绩效自评报告`;
  blocks.push({ kind: 'title', lines: [`${input.unitName}${input.year}年度`, '部门整体支出绩效自评报告'] });

  // 一、基本情况
  heading(1, '基本情况');
  heading(2, '部门概况');
  heading(3, '部门主要职责');
  input.profile.duties.forEach((d, i) => {
    const duty = resolve('部门主要职责', d).trim();
    if (duty !== '') blocks.push({ kind: 'paragraph', text: `（${i + 1}）${duty}` });
  });
  heading(3, '机构设置');
  const p = input.profile;
  let org = `${input.unitName}共有独立编制机构 ${p.adminUnitCount + p.institutionUnitCount} 个，其中行政单位 ${p.adminUnitCount} 个、事业单位 ${p.institutionUnitCount} 个。`;
  if (p.internalOffices.length > 0) {
    org += `内设机构 ${p.internalOffices.length} 个，分别为${p.internalOffices.join('、')}。`;
  }
  blocks.push({ kind: 'paragraph', text: org });

  heading(2, '年度总体工作和重点工作任务');
  heading(3, '总体工作目标');
  paragraphs('总体工作目标', input.overallGoal);
  heading(3, '主要工作情况及成效');
  input.workAreas.forEach((area) => {
    heading(4, area.title);
    paragraphs(`主要工作情况及成效·${area.title}`, area.summary);
  });

  heading(2, '部门整体收支情况');
  paragraphs('部门整体收支情况', input.budgetParagraph);

  heading(2, '部门整体绩效管理情况');
  for (const key of ['performance_goal_management', 'indicator_management', 'performance_monitoring'] as const) {
    const body = input.narratives[key] ?? '';
    if (body.trim() === '') continue;
    heading(3, NARRATIVE_TITLES[key]);
    paragraphs(NARRATIVE_TITLES[key], body);
  }

  // 二、综合评价分析
  heading(1, '综合评价分析');
  heading(2, NARRATIVE_TITLES.evaluation_overview);
  paragraphs(NARRATIVE_TITLES.evaluation_overview, input.narratives.evaluation_overview ?? '');
  // The score breakdown paragraph comes generated from the score sheet (scoring's 自评综述), so the
  // report and the 绩效评分 page always say the same thing.
  paragraphs('自评得分情况', input.evaluationSummary);

  heading(2, '工作任务绩效目标完成情况');
  input.workAreas.forEach((area, i) => {
    let text = `${i + 1}.${ensureFullStop(area.title)}`;
    area.tasks.forEach((t, j) => {
      const desc = resolve(`工作任务绩效目标完成情况·${t.title}`, t.description).trim().replace(/\s*\n\s*/g, '');
      text += desc === '' ? `${ordinalLead(j + 1)}${ensureFullStop(t.title)}` : `${ordinalLead(j + 1)}${t.title}，${ensureFullStop(desc)}`;
    });
    blocks.push({ kind: 'paragraph', text });
  });

  heading(1, NARRATIVE_TITLES.problems);
  paragraphs(NARRATIVE_TITLES.problems, input.narratives.problems ?? '');
  heading(1, NARRATIVE_TITLES.improvements);
  paragraphs(NARRATIVE_TITLES.improvements, input.narratives.improvements ?? '');

  const annexTables: ReportTable[] = [buildScoreTable(input.scoreSheet), buildBudgetTable(input.budget)];
  if (input.workAreas.some((a) => a.tasks.length > 0)) annexTables.push(buildTaskTable(input.workAreas));
  if (input.projectIndicators && input.projectIndicators.length > 0) annexTables.push(buildProjectIndicatorTable(input.projectIndicators));
  if (input.checkExplanations.length > 0) annexTables.push(buildExplanationTable(input.checkExplanations));
  blocks.push({ kind: 'annexNote', items: annexTables.map((t, i) => `${i + 1}.${t.title}`) });

  const sig = input.signature;
  blocks.push({
    kind: 'signature',
    signature: {
      persons: [
        { label: '单位负责人（签字）', value: sig.unitHead },
        { label: '财务负责人', value: sig.financeHead },
        { label: '填报人', value: sig.preparer },
        { label: '联系电话', value: sig.phone },
      ],
      sealLabel: '单位（盖章）',
      sealingUnit: sig.sealingUnit === '' ? input.unitName : sig.sealingUnit,
      dateText: sig.reportDate === null ? '' : formatChineseDate(sig.reportDate),
    },
  });
  annexTables.forEach((table, i) => {
    blocks.push({ kind: 'annex', label: `附件${i + 1}`, table });
  });

  return {
    year: input.year,
    unitName: input.unitName,
    title,
    blocks,
    issues,
    documentDate: sig.reportDate ?? `${input.year + 1}-01-01`,
  };
}
