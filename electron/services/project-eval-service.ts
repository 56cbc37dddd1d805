import projectEvalRulesFile from '../../resources/frameworks/project-eval.json' with { type: 'json' };
import { AppError } from '../../shared/api/app-error.ts';
import { formatWan } from '../../shared/money/fen.ts';
import type { CopyLastYearIndicatorsResult, ProjectEvalTable, ProjectEvalYear, SaveProjectEvalInput } from '../../shared/project-eval/api-schemas.ts';
import { evaluateProject, type ProjectEvalResult } from '../../shared/project-eval/evaluate-project.ts';
import { ProjectEvalRules } from '../../shared/project-eval/rules.ts';
import { budgetWeightedAverage } from '../../shared/project-eval/weighted-average.ts';
import type { DataValue } from '../../shared/scoring/data-values.ts';
import { formatRational } from '../../shared/scoring/rational.ts';
import type { z } from 'zod';
import type { Db } from '../db/open.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { getProject } from '../db/repositories/budget-repo.ts';
import { getDepartment, listUnits } from '../db/repositories/organization-repo.ts';
import * as repo from '../db/repositories/project-eval-repo.ts';
import { insertProjectIndicator, listIndicatorsOfProject, listProjectIndicators } from '../db/repositories/project-indicator-repo.ts';
import { createHash } from 'node:crypto';
import type { RenderedFile } from '../../shared/report/api-schemas.ts';
import { buildProjectEvalGrid } from '../../shared/project-eval/table-grid.ts';
import { renderProjectEvalXlsx, sheetNames } from '../export/xlsx/render-project-eval-xlsx.ts';
import { inTransaction } from './transaction.ts';
import { requireWritableYear, requireYear } from './year-guard.ts';

// 项目支出绩效自评: one table per project, scored by shared/project-eval from the year's budget,
// ledger and project indicators. The service reads the figures and owns the transactions.

export const DEFAULT_PROJECT_EVAL_RULES: ProjectEvalRules = ProjectEvalRules.parse(projectEvalRulesFile);

/** The year's own rules if it keeps a copy, else the shipped defaults. */
export function projectEvalRules(db: Db, yearId: number): { rules: ProjectEvalRules; edited: boolean } {
  const json = repo.getProjectEvalRulesJson(db, yearId);
  if (json === null) return { rules: DEFAULT_PROJECT_EVAL_RULES, edited: false };
  const parsed = ProjectEvalRules.safeParse(JSON.parse(json));
  if (!parsed.success) {
    throw new AppError('VALIDATION', `本年度的项目自评规则无效（${parsed.error.issues[0]?.message ?? ''}）：请在“项目自评”中恢复默认规则`);
  }
  return { rules: parsed.data, edited: true };
}

function statusOf(r: ProjectEvalResult): ProjectEvalTable['status'] {
  if (r.findings.some((f) => f.kind === 'missing')) return 'pending';
  return r.findings.length > 0 ? 'advisory' : 'done';
}

function toTable(r: ProjectEvalResult, lastYearProjectId: number | null): ProjectEvalTable {
  return {
    ...r,
    funds: r.funds.map(({ rate, ...f }) => ({ ...f, rateText: rate === null ? null : formatRational(rate) })),
    status: statusOf(r),
    lastYearProjectId,
  };
}

function evaluateAll(db: Db, yearId: number, rules: ProjectEvalRules): ProjectEvalTable[] {
  const department = getDepartment(db);
  const primaryUnit = department ? (listUnits(db, department.id).find((u) => u.isPrimary)?.name ?? null) : null;
  const funds = repo.projectFunds(db, yearId);
  const indicators = listProjectIndicators(db, yearId);
  const lastYear = repo.lastYearProjectIds(db, yearId);
  return repo.listProjectEvalRecords(db, yearId).map((p) =>
    toTable(
      evaluateProject(
        {
          projectId: p.projectId,
          name: p.name,
          departmentName: department?.name ?? '',
          unitName: p.unitName ?? primaryUnit ?? department?.name ?? '',
          funds: funds.get(p.projectId) ?? [],
          goal: p.goal,
          achievement: p.achievement,
          weights: p.weights,
          indicators: indicators.filter((i) => i.projectId === p.projectId),
        },
        rules,
      ),
      lastYear.get(p.projectId) ?? null,
    ),
  );
}

function averageOf(projects: ProjectEvalTable[]) {
  return budgetWeightedAverage(projects.map((p) => ({ totalCenti: p.totalCenti, finalFen: p.funds[0]!.finalFen })));
}

/** Every project's 项目支出绩效自评表 for the year, with the budget-weighted average. */
export function projectEvalYear(db: Db, yearId: number): ProjectEvalYear {
  const year = requireYear(db, yearId);
  const { rules, edited } = projectEvalRules(db, yearId);
  const projects = evaluateAll(db, yearId, rules);
  const average = averageOf(projects);
  return {
    year: year.year,
    draft: year.status !== 'final',
    rules,
    rulesEdited: edited,
    projects,
    averageText: average === null ? null : formatRational(average),
  };
}

/** 项目自评平均分 as a value any numeric rule of the department framework can score. */
export function projectEvalAverageValue(db: Db, yearId: number): DataValue {
  const projects = evaluateAll(db, yearId, projectEvalRules(db, yearId).rules);
  const budget = projects.reduce((a, p) => a + p.funds[0]!.finalFen, 0);
  return {
    value: averageOf(projects),
    detail: `${projects.length} 个项目的自评得分按全年预算数（合计 ${formatWan(budget)} 万元）加权平均`,
  };
}

function yearOfProject(db: Db, projectId: number): number {
  const p = getProject(db, projectId);
  if (!p) throw new AppError('NOT_FOUND', `找不到该项目（编号 ${projectId}）。`);
  return p.yearId;
}

function tableOf(db: Db, yearId: number, projectId: number): ProjectEvalTable {
  return projectEvalYear(db, yearId).projects.find((p) => p.projectId === projectId)!;
}

/** Saves a project's 年度总体目标 and 一级 weights; returns its recomputed table. */
export function saveProjectEval(db: Db, input: SaveProjectEvalInput): ProjectEvalTable {
  return inTransaction(db, () => {
    const yearId = yearOfProject(db, input.projectId);
    requireWritableYear(db, yearId);
    const before = repo.getProjectEvalRecord(db, input.projectId);
    repo.upsertProjectEval(db, input);
    const after = repo.getProjectEvalRecord(db, input.projectId);
    writeAudit(db, { action: before ? 'update' : 'create', entity: 'project_eval', entityId: input.projectId, yearId, before: before ?? undefined, after });
    return tableOf(db, yearId, input.projectId);
  });
}

/** Keeps a copy of the rules for the year (grade thresholds, 定性 percentages…); null returns to the defaults. */
export function saveProjectEvalRules(db: Db, input: { yearId: number; rules: ProjectEvalRules | null }): ProjectEvalYear {
  inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    const before = repo.getProjectEvalRulesJson(db, input.yearId);
    const json = input.rules === null ? null : JSON.stringify(input.rules);
    repo.setProjectEvalRulesJson(db, input.yearId, json);
    writeAudit(db, {
      action: 'update',
      entity: 'project_eval_rules',
      entityId: input.yearId,
      yearId: input.yearId,
      before: before === null ? null : JSON.parse(before),
      after: input.rules,
    });
  });
  return projectEvalYear(db, input.yearId);
}

/**
 * Copies the indicators of last year's project of the same name: what was planned (一级/二级, name,
 * direction, unit, 年度指标值, 分值), not what happened (actual, grade, reason). An indicator the
 * project already has by name is left alone.
 */
export function copyLastYearIndicators(db: Db, input: { projectId: number }): z.infer<typeof CopyLastYearIndicatorsResult> {
  return inTransaction(db, () => {
    const yearId = yearOfProject(db, input.projectId);
    const year = requireWritableYear(db, yearId);
    const lastId = repo.lastYearProjectIds(db, yearId).get(input.projectId);
    const project = getProject(db, input.projectId)!;
    if (lastId === undefined) throw new AppError('NOT_FOUND', `${year.year - 1} 年度没有名为“${project.name}”的项目，无法复制绩效指标`);
    const have = new Set(listIndicatorsOfProject(db, input.projectId).map((i) => i.name));
    const skipped: string[] = [];
    let copied = 0;
    for (const i of listIndicatorsOfProject(db, lastId)) {
      if (have.has(i.name)) {
        skipped.push(i.name);
        continue;
      }
      const { id: _lastId, ...planned } = i;
      const fields = { ...planned, projectId: input.projectId, actualValue: null, grade: null, deviationReason: '' };
      const id = insertProjectIndicator(db, fields);
      writeAudit(db, { action: 'create', entity: 'project_indicator', entityId: id, yearId, after: { id, ...fields } });
      copied += 1;
    }
    return { copied, skipped };
  });
}

const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Every project's table as one document, one table per page (PDF, Word) or per sheet (Excel). */
export async function renderProjectEval(db: Db, input: { yearId: number; format: keyof typeof MIME }): Promise<RenderedFile> {
  const y = projectEvalYear(db, input.yearId);
  const grids = y.projects.map((p) => buildProjectEvalGrid(p, y.rules, y.year));
  const department = getDepartment(db)?.name ?? '';
  const title = `${department}${y.year}年度项目支出绩效自评表`;
  // The date a document carries comes from the data, never the clock, so the same data gives the same bytes.
  const date = `${y.year + 1}-01-01`;
  // The PDF and Word renderers (pdfmake with its fonts, docx) load on first use, not with the service.
  const bytes =
    input.format === 'pdf'
      ? await (await import('../export/pdf/render-project-eval-pdf.ts')).renderProjectEvalPdf({ grids, draft: y.draft, date, title })
      : input.format === 'xlsx'
        ? await renderProjectEvalXlsx({
            grids: sheetNames(y.projects.map((p) => p.name)).map((sheetName, i) => ({ sheetName, grid: grids[i]! })),
            draft: y.draft,
            date,
            headerName: `${department} ${y.year}年度`,
          })
        : await (await import('../export/docx/render-project-eval-docx.ts')).renderProjectEvalDocx({ grids, draft: y.draft, title });
  return {
    fileName: `${y.year}年度项目支出绩效自评表${y.draft ? '（草稿）' : ''}.${input.format}`,
    mimeType: MIME[input.format],
    base64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
