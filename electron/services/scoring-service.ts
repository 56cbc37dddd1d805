import defaultFrameworkFile from '../../resources/frameworks/default.json' with { type: 'json' };
import mofFrameworkFile from '../../resources/frameworks/mof-execution-90.json' with { type: 'json' };
import threeLevelFrameworkFile from '../../resources/frameworks/three-level-provincial.json' with { type: 'json' };
import { AppError } from '../../shared/api/app-error.ts';
import { selfNameOf } from '../../shared/domain/self-reference.ts';
import type { KeyTaskIndicatorFact } from '../../shared/checks/check-input.ts';
import type { FiscalYear } from '../../shared/domain/organization.ts';
import { formatWan } from '../../shared/money/fen.ts';
import { applyScoreInput } from '../../shared/scoring/apply-score-input.ts';
import { computeScoreSheet } from '../../shared/scoring/compute-score-sheet.ts';
import type { DataValues } from '../../shared/scoring/data-values.ts';
import type { FrameworkDoc, ScoreColumn } from '../../shared/scoring/framework-doc.ts';
import {
  type FrameworkParseResult,
  parseFrameworkData,
  parseFrameworkDoc,
  parseFrameworkFile,
  serializeFrameworkFile,
} from '../../shared/scoring/framework-file.ts';
import { docToNodes, type FrameworkMeta, type FrameworkNode, nodesToDoc } from '../../shared/scoring/framework-tree.ts';
import { formatPoints, pointsNumber } from '../../shared/scoring/points.ts';
import { percentOf } from '../../shared/scoring/rational.ts';
import { ruleFromColumns, ruleToColumns } from '../../shared/scoring/rule-spec.ts';
import { bandRange } from '../../shared/scoring/rules/qualitative-bands.ts';
import { CHECKLIST_YES, emptyInput, type ScoreInputRow } from '../../shared/scoring/score-input.ts';
import { describeLostScore, type LostScore, scoresLostBySave } from '../../shared/scoring/framework-changes.ts';
import { projectIndicatorRate } from '../../shared/scoring/project-indicator-completion.ts';
import type {
  FinalizeCheck,
  FrameworkSummary,
  ImportFrameworkInput,
  SaveScoreInput,
  ScoreSheet,
} from '../../shared/scoring/schemas.ts';
import { generateSelfEvalSummary } from '../../shared/scoring/self-eval-summary.ts';
import { VALUE_SOURCES, type ValueSource } from '../../shared/scoring/value-sources.ts';
import { SHIPPED_FRAMEWORK_IDS, type ShippedFrameworkId } from '../../shared/scoring/shipped-framework-ids.ts';
import type { Db } from '../db/open.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { departmentTotals } from '../db/repositories/execution-repo.ts';
import * as frameworks from '../db/repositories/framework-repo.ts';
import { getProcurement } from '../db/repositories/ledger-repo.ts';
import { getDepartment } from '../db/repositories/organization-repo.ts';
import { listProjectIndicators } from '../db/repositories/project-indicator-repo.ts';
import * as scores from '../db/repositories/score-repo.ts';
import { projectEvalAverageValue } from './project-eval-service.ts';
import { inTransaction } from './transaction.ts';
import { requireWritableYear, requireYear } from './year-guard.ts';

// Indicator frameworks and scoring: the service owns the transactions; the numbers come from the
// pure functions in shared/scoring so every caller (page, report, CLI, tests) gets the same result.

function requireYearFramework(db: Db, year: FiscalYear): frameworks.FrameworkRecord {
  const f = frameworks.findYearFramework(db, year.id);
  if (!f) {
    throw new AppError('NOT_FOUND', `${year.year} 年度尚未设置评价指标体系：请在“绩效评分”中选用默认指标体系或导入指标体系文件`);
  }
  return f;
}

function recordToNode(r: frameworks.IndicatorRecord): FrameworkNode {
  const parsed = ruleFromColumns(r.ruleType, r.ruleParamsJson);
  const sourceKnown = (VALUE_SOURCES as readonly string[]).includes(r.valueSource);
  const node: FrameworkNode = {
    id: r.id,
    parentId: r.parentId,
    level: r.level,
    code: r.code,
    name: r.name,
    weightCenti: r.weightCenti,
    selfScored: r.selfScored,
    rule: 'rule' in parsed ? parsed.rule : null,
    valueSource: sourceKnown ? (r.valueSource as ValueSource) : 'manual',
    definition: r.definition,
    criteria: r.criteria,
    sortOrder: r.sortOrder,
    core: r.isCore,
  };
  if ('error' in parsed) node.ruleError = parsed.error;
  else if (!sourceKnown) {
    node.rule = null;
    node.ruleError = `取值来源“${r.valueSource}”无法识别`;
  }
  return node;
}

function loadNodes(db: Db, frameworkId: number): FrameworkNode[] {
  return frameworks.listIndicators(db, frameworkId).map(recordToNode);
}

/** The values indicators take from the year's records, each with the figures behind it. */
export function readDataValues(db: Db, yearId: number): DataValues {
  const t = departmentTotals(db, yearId);
  // 预算调整率 is defined on this year's money: carry-over is neither 年初预算 nor 调整.
  const adjustment = Math.abs(t.thisYearAdjustmentFen);
  const proc = getProcurement(db, yearId);
  const tasks = scores.workTaskCounts(db, yearId);
  const projectRate = projectIndicatorRate(listProjectIndicators(db, yearId));
  return {
    budget_execution: {
      value: percentOf(t.actualFen, t.finalBudgetFen),
      detail: `支出 ${formatWan(t.actualFen)} 万元 ÷ 全年预算数 ${formatWan(t.finalBudgetFen)} 万元${t.carryOverFen !== 0 ? `（含上年结转结余 ${formatWan(t.carryOverFen)} 万元）` : ''}`,
    },
    budget_adjustment: {
      value: percentOf(adjustment, t.thisYearInitialFen),
      detail: `预算调整 ${formatWan(adjustment)} 万元 ÷ 年初预算 ${formatWan(t.thisYearInitialFen)} 万元（不含上年结转结余）`,
    },
    procurement: {
      value: percentOf(proc.actualFen, proc.plannedFen),
      detail: `实际采购 ${formatWan(proc.actualFen)} 万元 ÷ 采购计划 ${formatWan(proc.plannedFen)} 万元`,
    },
    work_tasks: {
      value: percentOf(tasks.done, tasks.total),
      detail: `已完成 ${tasks.done} 项 ÷ 共 ${tasks.total} 项`,
    },
    project_indicators: {
      value: projectRate.value,
      detail: `达到指标值 ${projectRate.met} 项 ÷ 已填实际值的项目绩效指标 ${projectRate.counted} 项`,
    },
    project_eval_average: projectEvalAverageValue(db, yearId),
  };
}

function buildSheet(db: Db, year: FiscalYear): ScoreSheet {
  const f = requireYearFramework(db, year);
  return computeScoreSheet(
    { yearId: year.id, year: year.year, frameworkId: f.id, framework: metaOf(f) },
    loadNodes(db, f.id),
    scores.listScoreInputs(db, year.id),
    readDataValues(db, year.id),
  );
}

/** The year's score sheet: every indicator's value and source, score, deduction and reason. */
export function getScoreSheet(db: Db, input: { yearId: number }): ScoreSheet {
  return buildSheet(db, requireYear(db, input.yearId));
}

/**
 * The self-scored indicators that count the year's key tasks (value source 年度工作) with their
 * scores, for the 审核; none while the year has no framework yet.
 */
export function keyTaskIndicatorScores(db: Db, yearId: number): KeyTaskIndicatorFact[] {
  const year = requireYear(db, yearId);
  if (!frameworks.findYearFramework(db, year.id)) return [];
  return buildSheet(db, year)
    .rows.filter((r) => r.isLeaf && r.selfScored && r.valueSource === 'work_tasks')
    .map((r) => ({ code: r.code, name: r.name, weightCenti: r.weightCenti, scoreCenti: r.scoreCenti }));
}

/** Saves one indicator's input and returns the recomputed sheet (subtotals included). */
export function saveScoreInput(db: Db, input: SaveScoreInput): ScoreSheet {
  const year = requireWritableYear(db, input.yearId);
  const f = requireYearFramework(db, year);
  const node = loadNodes(db, f.id).find((n) => n.id === input.indicatorId);
  if (!node) throw new AppError('NOT_FOUND', `${year.year} 年度的指标体系中没有编号为 ${input.indicatorId} 的指标`);
  const before = scores.getScoreInput(db, year.id, node.id);
  const result = applyScoreInput(node, before ?? emptyInput(node.id), input);
  if (!result.ok) {
    throw new AppError(
      'VALIDATION',
      result.errors[0]!,
      result.errors.map((message) => ({ path: node.code, message })),
    );
  }
  inTransaction(db, () => {
    scores.upsertScoreInput(db, year.id, result.row);
    writeAudit(db, {
      action: before ? 'update' : 'create',
      entity: 'indicator_score',
      entityId: `${year.id}:${node.id}`,
      yearId: year.id,
      before: before ?? null,
      after: result.row,
    });
  });
  return buildSheet(db, year);
}

/** Whether the year's scoring allows finalising: a valid framework and nothing missing. */
export function finalizeCheck(db: Db, input: { yearId: number }): FinalizeCheck {
  const year = requireYear(db, input.yearId);
  const f = frameworks.findYearFramework(db, year.id);
  if (!f) {
    return {
      ok: false,
      totalCenti: 0,
      maxCenti: 0,
      pending: [],
      frameworkIssues: [{ message: `${year.year} 年度尚未设置评价指标体系` }],
      message: `${year.year} 年度尚未设置评价指标体系，不能定稿`,
    };
  }
  const sheet = buildSheet(db, year);
  const problems: string[] = [];
  if (sheet.frameworkIssues.length > 0) problems.push(`指标体系有 ${sheet.frameworkIssues.length} 处问题`);
  if (sheet.pending.length > 0) problems.push(`尚有 ${sheet.pending.length} 项指标待填报`);
  return {
    ok: sheet.complete,
    totalCenti: sheet.totalCenti,
    maxCenti: sheet.maxCenti,
    pending: sheet.pending,
    frameworkIssues: sheet.frameworkIssues,
    message: sheet.complete
      ? `评分已完成：自评得分 ${formatPoints(sheet.totalCenti)} 分（自评满分 ${formatPoints(sheet.maxCenti)} 分），可以定稿`
      : `${problems.join('，')}，不能定稿`,
  };
}

/** The generated 自评综述 score paragraph. */
export function getSelfEvalSummary(db: Db, input: { yearId: number }): { text: string; complete: boolean } {
  const year = requireYear(db, input.yearId);
  const sheet = buildSheet(db, year);
  return { text: generateSelfEvalSummary(sheet, { year: year.year, selfName: selfNameOf(getDepartment(db)) }), complete: sheet.complete };
}

// ── Frameworks ─────────────────────────────────────────────────────────────────────────────────

function summarize(db: Db, frameworkId: number): FrameworkSummary {
  const rec = frameworks.listFrameworks(db).find((f) => f.id === frameworkId);
  if (!rec) throw new AppError('NOT_FOUND', `找不到指标体系（编号 ${frameworkId}）`);
  return {
    frameworkId: rec.id,
    yearId: rec.yearId,
    name: rec.name,
    version: rec.version,
    source: rec.source,
    indicatorCount: rec.indicatorCount,
    totalWeightCenti: rec.totalWeightCenti,
  };
}

export function listFrameworks(db: Db): FrameworkSummary[] {
  return frameworks.listFrameworks(db).map((rec) => ({
    frameworkId: rec.id,
    yearId: rec.yearId,
    name: rec.name,
    version: rec.version,
    source: rec.source,
    indicatorCount: rec.indicatorCount,
    totalWeightCenti: rec.totalWeightCenti,
  }));
}

function metaOf(f: frameworks.FrameworkRecord): FrameworkMeta {
  return {
    name: f.name,
    version: f.version,
    source: f.source,
    total: f.totalCenti === null ? undefined : pointsNumber(f.totalCenti),
    columns: f.scoreColumns === '' ? undefined : (f.scoreColumns.split(',') as ScoreColumn[]),
  };
}

function docOf(db: Db, frameworkId: number): FrameworkDoc {
  const f = frameworks.getFramework(db, frameworkId);
  if (!f) throw new AppError('NOT_FOUND', `找不到指标体系（编号 ${frameworkId}）`);
  return nodesToDoc(metaOf(f), loadNodes(db, f.id));
}

/** The framework as an editable document (the shape the editor and JSON files use). */
export function getFrameworkDoc(db: Db, input: { frameworkId: number }): FrameworkDoc {
  return docOf(db, input.frameworkId);
}

/**
 * Writes a document into an existing framework, matching indicators by code so a year's inputs
 * survive edits. Inputs of the codes in `dropInputsOf` are deleted (their rule type changed);
 * removed indicators take their inputs with them by cascade.
 */
function writeDoc(db: Db, frameworkId: number, doc: FrameworkDoc, yearId: number | null, dropInputsOf: ReadonlySet<string> = new Set()): void {
  frameworks.updateFrameworkMeta(db, frameworkId, doc);
  const existing = new Map(frameworks.listIndicators(db, frameworkId).map((r) => [r.code, r]));
  const realId = new Map<number, number>();
  const kept = new Set<number>();
  for (const node of docToNodes(doc)) {
    const { ruleType, paramsJson } = ruleToColumns(node.rule ?? { type: 'none' });
    const row: frameworks.IndicatorWrite = {
      parentId: node.parentId === null ? null : realId.get(node.parentId)!,
      level: node.level,
      code: node.code,
      name: node.name,
      weightCenti: node.weightCenti,
      selfScored: node.selfScored,
      ruleType,
      ruleParamsJson: paramsJson,
      valueSource: node.valueSource,
      definition: node.definition,
      criteria: node.criteria,
      sortOrder: node.sortOrder,
      isCore: node.core,
    };
    const old = existing.get(node.code);
    if (old) {
      frameworks.updateIndicator(db, old.id, row);
      if (yearId !== null && dropInputsOf.has(node.code)) scores.deleteScoreInput(db, yearId, old.id);
      realId.set(node.id, old.id);
      kept.add(old.id);
    } else {
      realId.set(node.id, frameworks.insertIndicator(db, frameworkId, row));
    }
  }
  frameworks.deleteIndicators(
    db,
    [...existing.values()].filter((r) => !kept.has(r.id)).map((r) => r.id),
  );
}

function validDoc(result: FrameworkParseResult, what: string): FrameworkDoc {
  if (!result.ok) {
    throw new AppError(
      'VALIDATION',
      `${what}有 ${result.errors.length} 处问题：${result.errors[0]}`,
      result.errors.map((message) => ({ message })),
    );
  }
  return result.doc;
}

/** A stored score input, keyed by its indicator's code so it outlives the indicator's row id. */
type ScoreByCode = Omit<ScoreInputRow, 'indicatorId'> & { code: string };

/**
 * A year's framework as the audit log records it: the document plus the year's score inputs, so
 * undoing an edit can bring back the inputs the edit dropped.
 */
export type YearFrameworkState = FrameworkDoc & { scores: ScoreByCode[] };

function yearFrameworkState(db: Db, frameworkId: number): YearFrameworkState | null {
  const f = frameworks.getFramework(db, frameworkId);
  if (!f) return null;
  const nodes = loadNodes(db, f.id);
  const codeOf = new Map(nodes.map((n) => [n.id, n.code]));
  const inputs = f.yearId === null ? [] : scores.listScoreInputs(db, f.yearId);
  const byCode: ScoreByCode[] = [];
  for (const { indicatorId, ...rest } of inputs) {
    const code = codeOf.get(indicatorId);
    if (code !== undefined) byCode.push({ code, ...rest });
  }
  byCode.sort((a, b) => a.code.localeCompare(b.code));
  return { ...nodesToDoc(metaOf(f), nodes), scores: byCode };
}

function putYearFramework(db: Db, year: FiscalYear, doc: FrameworkDoc, action: 'create' | 'update' | 'import', confirmDrop: readonly string[] = []): number {
  return inTransaction(db, () => {
    const current = frameworks.findYearFramework(db, year.id);
    let lost: LostScore[] = [];
    if (current) {
      const stored = new Set(scores.listScoreInputs(db, year.id).map((i) => i.indicatorId));
      lost = scoresLostBySave(loadNodes(db, current.id), doc, (indicatorId) => stored.has(indicatorId));
      const confirmed = new Set(confirmDrop);
      const unconfirmed = lost.filter((l) => !confirmed.has(l.code));
      if (unconfirmed.length > 0) {
        throw new AppError(
          'CONFLICT',
          `保存后以下 ${lost.length} 项指标的已填评分将被删除：${lost.map(describeLostScore).join('；')}。请确认后再保存。`,
          lost.map((l) => ({ path: l.code, message: describeLostScore(l) })),
        );
      }
    }
    const before = current ? yearFrameworkState(db, current.id) : null;
    const id = current?.id ?? frameworks.insertFramework(db, { yearId: year.id, ...doc });
    writeDoc(db, id, doc, year.id, new Set(lost.map((l) => l.code)));
    writeAudit(db, {
      action: current ? action : 'create',
      entity: 'framework',
      entityId: id,
      yearId: year.id,
      before,
      after: yearFrameworkState(db, id),
    });
    return id;
  });
}

/** Undo support: the year's framework and inputs as the audit log records them. */
export function currentYearFrameworkState(db: Db, frameworkId: number): YearFrameworkState | null {
  return yearFrameworkState(db, frameworkId);
}

/**
 * Undo support: puts a year's framework back to a recorded state and brings back the recorded
 * inputs of indicators that have none now (inputs typed since the edit are kept). Runs inside the
 * undo's transaction.
 */
export function restoreYearFrameworkState(db: Db, frameworkId: number, state: YearFrameworkState | FrameworkDoc): void {
  const f = frameworks.getFramework(db, frameworkId);
  if (!f || f.yearId === null) throw new AppError('NOT_FOUND', `找不到年度指标体系（编号 ${frameworkId}）`);
  const { scores: saved = [], ...docPart } = state as Partial<YearFrameworkState> & FrameworkDoc;
  const doc = validDoc(parseFrameworkDoc(docPart), '要恢复的指标体系');
  const stored = new Set(scores.listScoreInputs(db, f.yearId).map((i) => i.indicatorId));
  const lost = scoresLostBySave(loadNodes(db, f.id), doc, (indicatorId) => stored.has(indicatorId));
  writeDoc(db, f.id, doc, f.yearId, new Set(lost.map((l) => l.code)));
  const idOf = new Map(loadNodes(db, f.id).map((n) => [n.code, n.id]));
  const now = new Set(scores.listScoreInputs(db, f.yearId).map((i) => i.indicatorId));
  for (const { code, ...input } of saved) {
    const indicatorId = idOf.get(code);
    if (indicatorId !== undefined && !now.has(indicatorId)) scores.upsertScoreInput(db, f.yearId, { indicatorId, ...input });
  }
}

/** Saves the year's edited framework (weights must add up; lost inputs must be confirmed). */
export function saveYearFramework(db: Db, input: { yearId: number; doc: unknown; confirmDrop?: string[] }): FrameworkSummary {
  const year = requireWritableYear(db, input.yearId);
  const doc = validDoc(parseFrameworkDoc(input.doc), '指标体系');
  return summarize(db, putYearFramework(db, year, doc, 'update', input.confirmDrop));
}

/** Gives a year a copy of a template's (or another year's) framework, replacing its own. */
export function copyFrameworkToYear(db: Db, input: { sourceFrameworkId: number; yearId: number; confirmDrop?: string[] }): FrameworkSummary {
  const year = requireWritableYear(db, input.yearId);
  const doc = validDoc(parseFrameworkDoc(docOf(db, input.sourceFrameworkId)), '源指标体系');
  return summarize(db, putYearFramework(db, year, doc, 'update', input.confirmDrop));
}

/** Loads a framework JSON file's text into a year or as a new template. */
export function importFramework(db: Db, input: ImportFrameworkInput): FrameworkSummary {
  const doc = validDoc(parseFrameworkFile(input.json), '指标体系文件');
  if (input.target.kind === 'year') {
    const year = requireWritableYear(db, input.target.yearId);
    return summarize(db, putYearFramework(db, year, doc, 'import', input.confirmDrop));
  }
  const id = inTransaction(db, () => {
    const newId = frameworks.insertFramework(db, { yearId: null, ...doc });
    writeDoc(db, newId, doc, null);
    writeAudit(db, { action: 'import', entity: 'framework', entityId: newId, yearId: null, before: null, after: doc });
    return newId;
  });
  return summarize(db, id);
}

/** The framework as JSON file text, with a suggested file name; the caller writes the file. */
export function exportFramework(db: Db, input: { frameworkId: number }): { fileName: string; json: string } {
  const doc = docOf(db, input.frameworkId);
  const safe = `${doc.name}${doc.version ? `-${doc.version}` : ''}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return { fileName: `${safe}.json`, json: serializeFrameworkFile(doc) };
}


const SHIPPED_FRAMEWORK_FILES: Record<ShippedFrameworkId, unknown> = {
  guangdong: defaultFrameworkFile,
  mof: mofFrameworkFile,
  three_level: threeLevelFrameworkFile,
};

/** One of the frameworks in resources/frameworks (their sources are in the README there). */
export function shippedFrameworkDoc(id: ShippedFrameworkId): FrameworkDoc {
  return validDoc(parseFrameworkData(SHIPPED_FRAMEWORK_FILES[id]), '内置指标体系');
}

export function listShippedFrameworks(): Array<{ id: ShippedFrameworkId; doc: FrameworkDoc }> {
  return SHIPPED_FRAMEWORK_IDS.map((id) => ({ id, doc: shippedFrameworkDoc(id) }));
}

/** The default framework (resources/frameworks/default.json). */
export function defaultFrameworkDoc(): FrameworkDoc {
  return shippedFrameworkDoc('guangdong');
}

/**
 * Makes sure the default template exists and gives the year a copy of it, unless the year already
 * has a framework (then that one is kept). Returns the year's framework id.
 */
export function installDefaultFramework(db: Db, yearId: number, shippedId: ShippedFrameworkId = 'guangdong'): number {
  const year = requireYear(db, yearId);
  const doc = shippedFrameworkDoc(shippedId);
  return inTransaction(db, () => {
    if (!frameworks.findTemplate(db, doc.name, doc.version)) {
      const templateId = frameworks.insertFramework(db, { yearId: null, ...doc });
      writeDoc(db, templateId, doc, null);
      writeAudit(db, { action: 'create', entity: 'framework', entityId: templateId, yearId: null, after: doc });
    }
    const existing = frameworks.findYearFramework(db, year.id);
    if (existing) return existing.id;
    requireWritableYear(db, year.id);
    const id = frameworks.insertFramework(db, { yearId: year.id, ...doc });
    writeDoc(db, id, doc, year.id);
    writeAudit(db, { action: 'create', entity: 'framework', entityId: id, yearId: year.id, after: yearFrameworkState(db, id) });
    return id;
  });
}

/**
 * The example year's judgements: every 定性 indicator 达成年度指标 at full marks and every 是否判断
 * answered yes. Rates are not typed in: they come from the year's budget, ledger, procurement and
 * tasks. For the built-in example year only.
 */
export function seedExampleScores(db: Db, yearId: number): void {
  const year = requireWritableYear(db, yearId);
  const f = requireYearFramework(db, year);
  inTransaction(db, () => {
    for (const node of loadNodes(db, f.id)) {
      if (!node.selfScored || node.rule === null) continue;
      const before = scores.getScoreInput(db, year.id, node.id);
      const row = { ...(before ?? emptyInput(node.id)) };
      if (node.rule.type === 'qualitative' && bandRange('achieved', node.weightCenti)) {
        row.band = 'achieved';
        row.chosenScoreCenti = node.weightCenti;
      } else if (node.rule.type === 'checklist') {
        row.actualValue = CHECKLIST_YES;
      } else continue;
      scores.upsertScoreInput(db, year.id, row);
      writeAudit(db, {
        action: before ? 'update' : 'create',
        entity: 'indicator_score',
        entityId: `${year.id}:${node.id}`,
        yearId: year.id,
        before: before ?? null,
        after: row,
      });
    }
  });
}
