import { AppError } from '../../shared/api/app-error.ts';
import { withOwnNames } from '../../shared/budget/code-list.ts';
import { type KeyedActual, type KeyedBudget, NO_ACTUAL, NO_BUDGET } from '../../shared/budget/breakdown-rows.ts';
import { monthOfPeriod, monthPeriod } from '../../shared/budget/fiscal-periods.ts';
import type { CategoryAmounts, CheckInput, UnclassifiedFact, YearActuals } from '../../shared/checks/check-input.ts';
import { checkDefinition } from '../../shared/checks/definitions.ts';
import { definitionInfos, evaluateChecks, explainedFindings } from '../../shared/checks/run-checks.ts';
import {
  type CheckRun,
  type CheckRunInput,
  DeleteExplanationInput,
  type ExplainedFinding,
  SetExplanationInput,
  type StoredExplanation,
} from '../../shared/checks/schemas.ts';
import type { FundingSource } from '../../shared/domain/enums.ts';
import type { Db } from '../db/open.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { budgetFinalFen } from '../db/repositories/budget-repo.ts';
import { listUnits } from '../db/repositories/organization-repo.ts';
import { actualBy, budgetBy, type Dimension } from '../db/repositories/execution-breakdown-repo.ts';
import {
  categoryEconFacts,
  codeUseFacts,
  lineFacts,
  negativeSpendingFacts,
  outsidePeriodFacts,
  unmatchedFacts,
} from '../db/repositories/execution-check-repo.ts';
import { deleteExplanation, getExplanation, listExplanations, upsertExplanation } from '../db/repositories/execution-explanation-repo.ts';
import { departmentTotals, ledgerSpendingFen } from '../db/repositories/execution-repo.ts';
import { budgetCodeNames, type ExecutionYear, previousExecutionYear, projectNames } from '../db/repositories/execution-year-repo.ts';
import { parseInput, requireExecutionYear, requireWritableExecutionYear, savedTargetsByQuarter } from './execution-service.ts';
import { officeCodes } from './code-list-service.ts';
import { inTransaction } from './transaction.ts';
import { unwrittenSectionList } from '../../shared/report/unwritten-sections.ts';
import { NARRATIVE_KEYS, type ReportInput } from '../../shared/report/input.ts';
import { getProfile } from '../db/repositories/profile-repo.ts';
import { listSections } from '../db/repositories/report-repo.ts';
import { getWorkTree } from '../db/repositories/work-repo.ts';
import { outlineDocOf } from './outline-service.ts';
import { keyTaskIndicatorScores } from './scoring-service.ts';

// 审核: gathers the year's facts (aggregates only, so a run stays cheap on every edit), evaluates
// the check table in shared/checks, and keeps 出错说明 for 提示 findings.

const byCategory = (rows: Array<{ key: string; amount: number }>): CategoryAmounts => {
  const out: CategoryAmounts = { personnel: 0, public: 0, project: 0, unclassified: 0 };
  for (const r of rows) if (r.key in out) out[r.key as keyof CategoryAmounts] += r.amount;
  return out;
};

const actualAmounts = (rows: KeyedActual[]) => rows.map((r) => ({ key: r.key, amount: r.actualFen }));
const record = (rows: KeyedActual[]): Record<string, number> => Object.fromEntries(rows.map((r) => [r.key, r.actualFen]));
const sumActual = (rows: KeyedActual[]) => rows.reduce((s, r) => s + r.actualFen, 0);

function yearActuals(db: Db, y: ExecutionYear): YearActuals {
  const cats = actualBy(db, y.id, 'category');
  return {
    year: y.year,
    totalFen: sumActual(cats),
    byCategory: byCategory(actualAmounts(cats)),
    byFundingSource: record(actualBy(db, y.id, 'fundingSource')) as Partial<Record<FundingSource, number>>,
    byEconClass: record(actualBy(db, y.id, 'econClass')),
  };
}

function named(budget: KeyedBudget[], actual: KeyedActual[], name: (key: string) => string | null) {
  const keys = new Set([...budget.map((b) => b.key), ...actual.map((a) => a.key)]);
  const out = [];
  for (const key of keys) {
    const n = name(key);
    if (n === null) continue;
    out.push({
      id: Number(key),
      name: n,
      finalFen: (budget.find((b) => b.key === key) ?? NO_BUDGET).finalFen,
      actualFen: (actual.find((a) => a.key === key) ?? NO_ACTUAL).actualFen,
    });
  }
  return out.sort((a, b) => a.id - b.id);
}

function unclassifiedFacts(rows: KeyedActual[], units: Map<string, string>): UnclassifiedFact[] {
  return rows
    .filter((r) => r.key.endsWith(':unclassified') && r.txnCount > 0)
    .map((r) => {
      const unitId = r.key.slice(0, r.key.indexOf(':'));
      return { unitId: Number(unitId), unitName: units.get(unitId) ?? `单位 ${unitId}`, count: r.txnCount, amountFen: r.actualFen };
    });
}

/**
 * The report side of the 审核: indicators scored from the key tasks, the tasks without any target,
 * and the outline's sections the office has not written yet.
 */
function reportFacts(db: Db, yearId: number): Pick<CheckInput, 'keyTaskIndicators' | 'taskCount' | 'untargetedTasks' | 'unwrittenSections'> {
  const work = getWorkTree(db, yearId);
  const tasks = work.flatMap((a) => a.tasks);
  const stored = new Map(listSections(db, yearId).map((s) => [s.key, s.body]));
  const narratives: ReportInput['narratives'] = {};
  for (const key of NARRATIVE_KEYS) narratives[key] = stored.get(key) ?? '';
  const unwritten = unwrittenSectionList({
    narratives,
    overallGoal: getProfile(db, yearId).overallGoal,
    profile: { duties: getProfile(db, yearId).duties },
    workAreas: work.map((a) => ({ title: a.title, summary: a.summary, tasks: [] })),
    outline: outlineDocOf(db, yearId),
  });
  return {
    keyTaskIndicators: keyTaskIndicatorScores(db, yearId),
    taskCount: tasks.length,
    untargetedTasks: tasks.filter((t) => t.measures.every((m) => m.targetValue === null)).map((t) => ({ id: t.id, title: t.title })),
    unwrittenSections: unwritten,
  };
}

export function gatherCheckInput(db: Db, y: ExecutionYear): CheckInput {
  const actual = (dim: Dimension) => actualBy(db, y.id, dim);
  const budgetCats = budgetBy(db, y.id, 'category');
  const thisYear = departmentTotals(db, y.id);
  const actualCats = actual('category');
  const units = new Map(listUnits(db, y.departmentId).map((u) => [String(u.id), u.name]));
  const projects = new Map(projectNames(db, y.id).map((p) => [String(p.id), p.name]));
  const periods = actual('period');
  const monthly = Array.from({ length: 12 }, () => 0);
  for (const p of periods) {
    const m = monthOfPeriod(p.key, y.year);
    if (m !== null) monthly[m - 1]! += p.actualFen;
  }
  const prev = previousExecutionYear(db, y.id);
  return {
    year: y.year,
    codes: withOwnNames(officeCodes(db), budgetCodeNames(db, y.id)),
    budget: {
      // 预算调整率 is defined on this year's money, carry-over left out.
      initialFen: thisYear.thisYearInitialFen,
      adjustmentFen: thisYear.thisYearAdjustmentFen,
      finalFen: budgetFinalFen(db, y.id),
      byCategory: byCategory(budgetCats.map((r) => ({ key: r.key, amount: r.finalFen }))),
    },
    actual: {
      ledgerTotalFen: ledgerSpendingFen(db, y.id),
      byCategory: byCategory(actualAmounts(actualCats)),
      byFundingSource: record(actual('fundingSource')) as Partial<Record<FundingSource, number>>,
      byEconClass: record(actual('econClass')),
    },
    lines: lineFacts(db, y.id),
    units: named(budgetBy(db, y.id, 'unit'), actual('unit'), (k) => units.get(k) ?? null),
    projects: named(budgetBy(db, y.id, 'project'), actual('project'), (k) => (k === '0' ? null : (projects.get(k) ?? null))),
    unmatched: unmatchedFacts(db, y.id),
    unclassified: unclassifiedFacts(actual('unitCategory'), units),
    codeUse: codeUseFacts(db, y.id),
    categoryEcon: categoryEconFacts(db, y.id),
    outsideYear: outsidePeriodFacts(db, y.id, monthPeriod(y.year, 1), monthPeriod(y.year, 12)),
    monthlyActualFen: monthly,
    targetsBp: savedTargetsByQuarter(db, y.id),
    negativeSpending: negativeSpendingFacts(db, y.id),
    lastYear: prev ? yearActuals(db, prev) : null,
    ...reportFacts(db, y.id),
  };
}

export function runChecks(db: Db, input: CheckRunInput): CheckRun {
  const y = requireExecutionYear(db, input.yearId);
  const outcome = evaluateChecks(gatherCheckInput(db, y), listExplanations(db, y.id));
  return { yearId: y.id, year: y.year, ...outcome, definitions: definitionInfos() };
}

/** The explanations printed with the report: findings that fire now and have a 出错说明. */
export function explainedFindingsForExport(db: Db, input: CheckRunInput): ExplainedFinding[] {
  return explainedFindings(runChecks(db, input).findings);
}

export function setCheckExplanation(db: Db, rawInput: SetExplanationInput): StoredExplanation {
  const input = parseInput(SetExplanationInput, rawInput);
  const def = checkDefinition(input.checkId);
  if (!def) throw new AppError('VALIDATION', `没有编号为“${input.checkId}”的审核规则。`, [{ path: 'checkId', message: '审核规则不存在' }]);
  if (def.severity === 'mandatory') {
    throw new AppError('VALIDATION', `“${def.title}”是强制性审核，必须改正数据，不能以出错说明代替。`, [
      { path: 'checkId', message: '强制性审核不接受出错说明' },
    ]);
  }
  return inTransaction(db, () => {
    const y = requireWritableExecutionYear(db, input.yearId);
    const before = getExplanation(db, y.id, input.checkId, input.subjectKey);
    upsertExplanation(db, y.id, input.checkId, input.subjectKey, input.explanation);
    const after = getExplanation(db, y.id, input.checkId, input.subjectKey)!;
    writeAudit(db, {
      action: before ? 'update' : 'create',
      entity: 'check_explanation',
      entityId: `${input.checkId}|${input.subjectKey}`,
      yearId: y.id,
      ...(before ? { before } : {}),
      after,
    });
    return after;
  });
}

export function deleteCheckExplanation(db: Db, rawInput: DeleteExplanationInput): { deleted: true } {
  const input = parseInput(DeleteExplanationInput, rawInput);
  return inTransaction(db, () => {
    const y = requireWritableExecutionYear(db, input.yearId);
    const before = getExplanation(db, y.id, input.checkId, input.subjectKey);
    if (!before) throw new AppError('NOT_FOUND', '该出错说明不存在，可能已被删除。');
    deleteExplanation(db, y.id, input.checkId, input.subjectKey);
    writeAudit(db, { action: 'delete', entity: 'check_explanation', entityId: `${input.checkId}|${input.subjectKey}`, yearId: y.id, before });
    return { deleted: true };
  });
}
