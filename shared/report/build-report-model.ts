import { buildBudgetTable } from './annex-budget-table.ts';
import { buildProjectIndicatorTable } from './annex-project-indicator-table.ts';
import { buildScoreTable } from './annex-score-table.ts';
import { buildExplanationTable } from './annex-explanation-table.ts';
import { buildTaskTable } from './annex-task-table.ts';
import { formatChineseDate } from './format-date.ts';
import type { ReportInput } from './input.ts';
import { NARRATIVE_TITLES, splitParagraphs } from './narrative-sources.ts';
import { HeadingCounter, type HeadingLevel, ordinalLead } from './numbering.ts';
import { type ContentKey, MAX_OUTLINE_DEPTH, type OutlineSection, type TableKey } from './outline.ts';
import { DEFAULT_OUTLINE } from './shipped-outlines.ts';
import { placeholderCatalogue, placeholderValues, resolvePlaceholders } from './placeholders.ts';
import { buildSignatureBlock, type SignatureBlockModel } from './signature-block.ts';
import type { ReportTable } from './table-model.ts';
import type { ProjectEvalGrid } from '../project-eval/table-grid.ts';

// The report as an ordered list of blocks: the year's outline says which sections there are and
// what each prints; numbering and generated sentences live here once, and the PDF, Word and
// preview renderers only decide how each block looks.

export type ReportBlock =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; level: HeadingLevel; number: string; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; key: TableKey; table: ReportTable }
  | { kind: 'annexNote'; items: string[] }
  | { kind: 'signature'; signature: SignatureBlockModel }
  | { kind: 'annex'; label: string; key: TableKey; table: ReportTable }
  /** One project's 项目支出绩效自评表, printed as the standalone 项目自评 exports print it. */
  | { kind: 'projectEvalAnnex'; label: string; project: string; grid: ProjectEvalGrid };

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

type DraftBlock = ReportBlock | { kind: 'draftHeading'; level: number; numbered: boolean; text: string };

export function buildReportModel(input: ReportInput): ReportModel {
  const outline = input.outline ?? DEFAULT_OUTLINE;
  const values = placeholderValues(placeholderCatalogue(input));
  const issues: PlaceholderIssue[] = [];

  const resolve = (section: string, body: string): string => {
    const r = resolvePlaceholders(body, values);
    for (const key of r.unknown) issues.push({ section, key });
    return r.text;
  };
  const paragraphs = (out: DraftBlock[], section: string, body: string) => {
    for (const p of splitParagraphs(resolve(section, body))) out.push({ kind: 'paragraph', text: p });
  };
  const tableOf = (key: TableKey): ReportTable | null => {
    switch (key) {
      case 'score_table':
        return buildScoreTable(input.scoreSheet);
      case 'budget_table':
        return buildBudgetTable(input.budget);
      case 'task_table':
        return input.workAreas.some((a) => a.tasks.length > 0) ? buildTaskTable(input.workAreas) : null;
      case 'project_indicator_table':
        return input.projectIndicators && input.projectIndicators.length > 0 ? buildProjectIndicatorTable(input.projectIndicators) : null;
      case 'check_explanation_table':
        return input.checkExplanations.length > 0 ? buildExplanationTable(input.checkExplanations) : null;
    }
  };

  /** What one outline key prints, under a heading of `level` (its own sub-headings go one deeper). */
  const emitKey = (out: DraftBlock[], key: ContentKey, level: number) => {
    switch (key) {
      case 'duties':
        input.profile.duties.forEach((d, i) => {
          const duty = resolve('部门主要职责', d).trim();
          if (duty !== '') out.push({ kind: 'paragraph', text: `（${i + 1}）${duty}` });
        });
        return;
      case 'organization': {
        const p = input.profile;
        let org = `${input.unitName}共有独立编制机构 ${p.adminUnitCount + p.institutionUnitCount} 个，其中行政单位 ${p.adminUnitCount} 个、事业单位 ${p.institutionUnitCount} 个。`;
        if (p.internalOffices.length > 0) {
          org += `内设机构 ${p.internalOffices.length} 个，分别为${p.internalOffices.join('、')}。`;
        }
        out.push({ kind: 'paragraph', text: org });
        return;
      }
      case 'overall_goal':
        paragraphs(out, '总体工作目标', input.overallGoal);
        return;
      case 'work_results':
        for (const area of input.workAreas) {
          // Below the fourth level there is no number style left: the area title leads its paragraph.
          if (level < MAX_OUTLINE_DEPTH) out.push({ kind: 'draftHeading', level: level + 1, numbered: true, text: area.title });
          else out.push({ kind: 'paragraph', text: ensureFullStop(area.title) });
          paragraphs(out, `主要工作情况及成效·${area.title}`, area.summary);
        }
        return;
      case 'budget_paragraph':
        paragraphs(out, '部门整体收支情况', input.budgetParagraph);
        return;
      case 'evaluation_summary':
        // The score breakdown paragraph comes generated from the score sheet (scoring's 自评综述), so the
        // report and the 绩效评分 page always say the same thing.
        paragraphs(out, '自评得分情况', input.evaluationSummary);
        return;
      case 'task_completion':
        input.workAreas.forEach((area, i) => {
          let text = `${i + 1}.${ensureFullStop(area.title)}`;
          area.tasks.forEach((t, j) => {
            const desc = resolve(`工作任务绩效目标完成情况·${t.title}`, t.description).trim().replace(/\s*\n\s*/g, '');
            text += desc === '' ? `${ordinalLead(j + 1)}${ensureFullStop(t.title)}` : `${ordinalLead(j + 1)}${t.title}，${ensureFullStop(desc)}`;
          });
          out.push({ kind: 'paragraph', text });
        });
        return;
      case 'performance_goal_management':
      case 'indicator_management':
      case 'performance_monitoring':
      case 'evaluation_overview':
      case 'problems':
      case 'improvements':
        paragraphs(out, NARRATIVE_TITLES[key], input.narratives[key] ?? '');
        return;
      default: {
        const table = tableOf(key);
        if (table) out.push({ kind: 'table', key, table });
      }
    }
  };

  const emitSection = (out: DraftBlock[], section: OutlineSection, level: number) => {
    const body: DraftBlock[] = [];
    for (const item of section.content) {
      if ('key' in item) emitKey(body, item.key, level);
      else paragraphs(body, section.heading, item.text);
    }
    for (const child of section.children ?? []) emitSection(body, child, level + 1);
    if (section.omitWhenEmpty && !body.some((b) => b.kind !== 'draftHeading')) return;
    out.push({ kind: 'draftHeading', level, numbered: section.numbered ?? true, text: section.heading });
    out.push(...body);
  };

  const draft: DraftBlock[] = [];
  for (const section of outline.sections) emitSection(draft, section, 1);

  const title = `${input.unitName}${input.year}年度${outline.titleSuffix}`;
  const blocks: ReportBlock[] = [{ kind: 'title', lines: [`${input.unitName}${input.year}年度`, outline.titleSuffix] }];
  const counter = new HeadingCounter();
  for (const b of draft) {
    if (b.kind !== 'draftHeading') {
      blocks.push(b);
      continue;
    }
    const level = Math.min(b.level, MAX_OUTLINE_DEPTH) as HeadingLevel;
    blocks.push({ kind: 'heading', level, number: b.numbered ? counter.next(level) : '', text: b.text });
  }

  type AnnexPiece = { kind: 'table'; key: TableKey; table: ReportTable; title: string } | { kind: 'projectEval'; project: string; grid: ProjectEvalGrid; title: string };
  const annexPieces = outline.annexes.flatMap((key): AnnexPiece[] => {
    if (key === 'project_eval_tables') {
      return (input.projectEvalAnnexes ?? []).map((a) => ({ kind: 'projectEval', project: a.project, grid: a.grid, title: `${a.grid.title}（${a.project}）` }));
    }
    const table = tableOf(key);
    return table ? [{ kind: 'table', key, table, title: table.title }] : [];
  });
  blocks.push({ kind: 'annexNote', items: annexPieces.map((a, i) => `${i + 1}.${a.title}`) });

  const sig = input.signature;
  blocks.push({
    kind: 'signature',
    signature: buildSignatureBlock({
      unitHead: sig.unitHead,
      financeHead: sig.financeHead,
      preparer: sig.preparer,
      phone: sig.phone,
      sealingUnit: sig.sealingUnit === '' ? input.unitName : sig.sealingUnit,
      dateText: sig.reportDate === null ? '' : formatChineseDate(sig.reportDate),
      printNames: sig.printNames ?? false,
    }),
  });
  annexPieces.forEach((a, i) => {
    const label = `附件${i + 1}`;
    blocks.push(a.kind === 'table' ? { kind: 'annex', label, key: a.key, table: a.table } : { kind: 'projectEvalAnnex', label, project: a.project, grid: a.grid });
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
