import type { z } from 'zod';
import { AppError } from '../../shared/api/app-error.ts';
import { adjustmentRate } from '../../shared/budget/adjustment-rate.ts';
import {
  addActual,
  addBudget,
  breakdownRow,
  type KeyedActual,
  type KeyedBudget,
  mergeBreakdown,
  NO_ACTUAL,
  NO_BUDGET,
  orderBy,
} from '../../shared/budget/breakdown-rows.ts';
import { monthOfPeriod } from '../../shared/budget/fiscal-periods.ts';
import { lastYearProjectKeys, rekey } from '../../shared/budget/project-key-map.ts';
import { DEFAULT_EXECUTION_TARGETS_BP, type MonthActual, monthRows, quarterRows } from '../../shared/budget/quarter-progress.ts';
import { revenueExpenditureParagraph } from '../../shared/report/revenue-expenditure-paragraph.ts';
import { type IdentityDimension, type RowNames, rowIdentity } from '../../shared/budget/row-identity.ts';
import {
  type BreakdownRow,
  BudgetLineExecutionQuery,
  type BudgetLineExecutionRow,
  type CliSummary,
  ExecutionQuery,
  type ExecutionOverview,
  type ExecutionTargets,
  ExecutionTargetsInput,
  type LinkResult,
  type RevenueExpenditureText,
  SetTransactionLineInput,
  type SetTransactionLineResult,
  TransactionQuery,
  type TransactionPage,
  type UnmatchedGroup,
} from '../../shared/budget/schemas.ts';
import { BUDGET_FUNDING_SOURCES, type BudgetFundingSource, CATEGORY_LABELS, LEDGER_CATEGORIES, LEDGER_CATEGORY_LABELS, type LedgerCategory } from '../../shared/domain/enums.ts';
import { percentNumber } from '../../shared/money/rate.ts';
import type { Db } from '../db/open.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { actualBy, budgetBy, type Dimension } from '../db/repositories/execution-breakdown-repo.ts';
import { lineFacts } from '../db/repositories/execution-check-repo.ts';
import {
  autoLinkTransactions,
  budgetLinesByKey,
  budgetLineYear,
  lineKey,
  setTxnBudgetLine,
  txnLinkFacts,
  unlinkedGroups,
} from '../db/repositories/execution-link-repo.ts';
import { departmentTotals } from '../db/repositories/execution-repo.ts';
import { getTxn } from '../db/repositories/ledger-repo.ts';
import { listExecutionTargets, replaceExecutionTargets } from '../db/repositories/execution-target-repo.ts';
import { countTransactions, listTransactions as listTransactionRows } from '../db/repositories/execution-transactions-repo.ts';
import {
  budgetCodeNames,
  type ExecutionYear,
  executionYear,
  previousExecutionYear,
  projectNames,
  projectUnitNames,
  unitNames,
} from '../db/repositories/execution-year-repo.ts';
import { officeCodes } from './code-list-service.ts';
import { inTransaction } from './transaction.ts';

// 预算执行: budget against spending for the department or one unit, every breakdown aggregated in
// SQL (ledger_rollup, budget_line) and assembled into rows here, in the main process.

export function requireExecutionYear(db: Db, yearId: number): ExecutionYear {
  const y = executionYear(db, yearId);
  if (!y) throw new AppError('NOT_FOUND', `找不到该年度（编号 ${yearId}），可能已被删除。`);
  return y;
}

export function requireWritableExecutionYear(db: Db, yearId: number): ExecutionYear {
  const y = requireExecutionYear(db, yearId);
  if (y.status === 'final') {
    throw new AppError('LOCKED', `${y.year} 年度报告已定稿，数据已锁定。如需修改，请先在“报告”页重新打开该年度。`);
  }
  return y;
}

// The dispatcher validates against the contract first; the CLI and other services call in directly.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new AppError('VALIDATION', `输入有误：${[...new Set(details.map((d) => d.message))].slice(0, 5).join('；')}`, details);
}

interface Side {
  budget: KeyedBudget[];
  actual: KeyedActual[];
}

function side(db: Db, yearId: number, dim: Dimension, unitId?: number): Side {
  return { budget: budgetBy(db, yearId, dim, unitId), actual: actualBy(db, yearId, dim, unitId) };
}

function rowNames(db: Db, y: ExecutionYear, last: ExecutionYear | null): RowNames {
  const projects = new Map<string, { code: string; name: string }>();
  if (last) for (const p of projectNames(db, last.id)) projects.set(`ly:${p.id}`, p);
  for (const p of projectNames(db, y.id)) projects.set(String(p.id), p);
  return {
    units: new Map(unitNames(db, y.departmentId).map((u) => [u.id, u.name])),
    projects,
    codes: officeCodes(db),
    typedNames: budgetCodeNames(db, y.id),
  };
}

const CATEGORY_ORDER = orderBy(LEDGER_CATEGORIES);
const FUNDING_ORDER = orderBy(BUDGET_FUNDING_SOURCES);

function breakdown(
  db: Db,
  dim: IdentityDimension,
  y: ExecutionYear,
  last: ExecutionYear | null,
  names: RowNames,
  unitId: number | undefined,
  compare?: (a: string, b: string) => number,
): BreakdownRow[] {
  const current = side(db, y.id, dim, unitId);
  let lastYear: Side | undefined;
  if (last) {
    lastYear = side(db, last.id, dim, unitId);
    if (dim === 'project') {
      const map = lastYearProjectKeys(projectNames(db, y.id), projectNames(db, last.id));
      lastYear = {
        budget: rekey(lastYear.budget, map, (a, b) => ({ ...a, ...addBudget(a, b) })),
        actual: rekey(lastYear.actual, map, (a, b) => ({ ...a, ...addActual(a, b) })),
      };
    }
  }
  return mergeBreakdown({
    budget: current.budget,
    actual: current.actual,
    ...(lastYear ? { lastYear } : {}),
    describe: (key) => rowIdentity(dim, key, names),
    ...(compare ? { compare } : {}),
  });
}

function totalsFrom(byCategory: BreakdownRow[], compare: boolean): ExecutionOverview['totals'] {
  const get = (c: string) => byCategory.find((r) => r.key === c);
  const budgetOf = (r: BreakdownRow | undefined) =>
    r ? { initialFen: r.initialFen, adjustmentFen: r.adjustmentFen, finalFen: r.finalFen, lineCount: r.lineCount } : NO_BUDGET;
  const actualOf = (r: BreakdownRow | undefined) => (r ? { actualFen: r.actualFen, txnCount: r.txnCount } : NO_ACTUAL);
  const lastOf = (rows: Array<BreakdownRow | undefined>) =>
    compare ? rows.reduce((s, r) => ({ finalFen: s.finalFen + (r?.lastYear?.finalFen ?? 0), actualFen: s.actualFen + (r?.lastYear?.actualFen ?? 0) }), { finalFen: 0, actualFen: 0 }) : null;
  const row = (key: string, label: string, rows: Array<BreakdownRow | undefined>, filter: BreakdownRow['filter']) =>
    breakdownRow(
      key,
      { label, code: null, filter },
      rows.reduce((s, r) => addBudget(s, budgetOf(r)), NO_BUDGET),
      rows.reduce((s, r) => addActual(s, actualOf(r)), NO_ACTUAL),
      lastOf(rows),
    );
  const [p, u, j, n] = [get('personnel'), get('public'), get('project'), get('unclassified')];
  return {
    total: row('total', '合计', [p, u, j, n], { direction: 'out' }),
    basic: row('basic', '基本支出', [p, u], { category: 'basic', direction: 'out' }),
    personnel: row('personnel', CATEGORY_LABELS.personnel, [p], { category: 'personnel', direction: 'out' }),
    public: row('public', CATEGORY_LABELS.public, [u], { category: 'public', direction: 'out' }),
    project: row('project', CATEGORY_LABELS.project, [j], { category: 'project', direction: 'out' }),
    unclassified: row('unclassified', LEDGER_CATEGORY_LABELS.unclassified, [n], { category: 'unclassified', direction: 'out' }),
  };
}

function monthActuals(rows: KeyedActual[], year: number): { months: MonthActual[]; outside: { actualFen: number; txnCount: number } } {
  const months: MonthActual[] = [];
  let outside = { actualFen: 0, txnCount: 0 };
  for (const r of rows) {
    const m = monthOfPeriod(r.key, year);
    if (m === null) outside = addActual(outside, r);
    else months.push({ month: m, actualFen: r.actualFen, txnCount: r.txnCount });
  }
  return { months, outside };
}

/** The quarter targets the office saved, without defaults for the quarters it left unset. */
export function savedTargetsByQuarter(db: Db, yearId: number): Record<number, number> {
  return Object.fromEntries(listExecutionTargets(db, yearId).map((t) => [t.quarter, t.targetBp]));
}

export function targetsByQuarter(db: Db, yearId: number): Record<number, number> {
  const saved = listExecutionTargets(db, yearId);
  const out: Record<number, number> = { ...DEFAULT_EXECUTION_TARGETS_BP };
  for (const t of saved) out[t.quarter] = t.targetBp;
  return out;
}

export function getExecutionOverview(db: Db, rawInput: ExecutionQuery): ExecutionOverview {
  const input = parseInput(ExecutionQuery, rawInput);
  const y = requireExecutionYear(db, input.yearId);
  const unitId = input.unitId;
  const names = rowNames(db, y, null);
  if (unitId !== undefined && !names.units.has(unitId)) throw new AppError('NOT_FOUND', `找不到该单位（编号 ${unitId}）。`);
  const last = input.compareLastYear ? previousExecutionYear(db, y.id) : null;
  const allNames = last ? rowNames(db, y, last) : names;
  const b = (dim: IdentityDimension, compare?: (a: string, b: string) => number) => breakdown(db, dim, y, last, allNames, unitId, compare);

  const byCategory = b('category', CATEGORY_ORDER);
  const totals = totalsFrom(byCategory, last !== null);
  const finalFen = totals.total.finalFen;
  const periods = monthActuals(actualBy(db, y.id, 'period', unitId), y.year);
  const lastMonths = last ? monthActuals(actualBy(db, last.id, 'period', unitId), last.year).months : null;
  const byMonth = monthRows(y.year, finalFen, periods.months, lastMonths);
  const unitOrder = [...names.units.keys()].map(String);
  const unmatched = countTransactions(db, y.id, y.year, { unmatchedOnly: true, ...(unitId !== undefined ? { unitId } : {}) });
  const byFundingSource = b('fundingSource', FUNDING_ORDER);
  // 预算调整率 is defined on this year's money: 上年结转结余 is neither 年初预算 nor 调整.
  const thisYear = byFundingSource.filter((r) => r.key !== 'carry_over');

  return {
    yearId: y.id,
    year: y.year,
    unitId: unitId ?? null,
    scopeLabel: unitId === undefined ? `${y.departmentName}（部门整体）` : (names.units.get(unitId) ?? ''),
    lastYear: last?.year ?? null,
    totals,
    adjustment: adjustmentRate(
      thisYear.reduce((s, r) => s + r.initialFen, 0),
      thisYear.reduce((s, r) => s + r.adjustmentFen, 0),
    ),
    byUnit: b('unit', orderBy(unitOrder)),
    byCategory,
    byFundingSource,
    byProject: b('project', orderBy([...allNames.projects.keys()])),
    byEconClass: b('econClass'),
    byEconItem: b('econItem'),
    byFuncClass: b('funcClass'),
    byFuncItem: b('funcItem'),
    byMonth,
    byQuarter: quarterRows(finalFen, byMonth, targetsByQuarter(db, y.id)),
    outsideYear: periods.outside,
    unmatched: { actualFen: unmatched.spentFen, txnCount: unmatched.total },
  };
}

export function listBudgetLineExecution(db: Db, rawInput: BudgetLineExecutionQuery): BudgetLineExecutionRow[] {
  const input = parseInput(BudgetLineExecutionQuery, rawInput);
  requireExecutionYear(db, input.yearId);
  return lineFacts(db, input.yearId)
    .filter((l) => input.unitId === undefined || l.unitId === input.unitId)
    .map((l) => ({
      ...breakdownRow(
        `line:${l.id}`,
        {
          label: [l.unitName, l.projectName ?? CATEGORY_LABELS[l.category], l.econName || l.econCode].filter(Boolean).join(' '),
          code: l.econCode,
          filter: { budgetLineId: l.id, direction: 'out' },
        },
        { initialFen: l.initialFen, adjustmentFen: l.adjustmentFen, finalFen: l.finalFen, lineCount: 1 },
        { actualFen: l.actualFen, txnCount: l.txnCount },
      ),
      budgetLineId: l.id,
      unitId: l.unitId,
      category: l.category,
      fundingSource: l.fundingSource,
      projectId: l.projectId,
      econCode: l.econCode,
      funcCode: l.funcCode,
    }));
}

export function listTransactions(db: Db, rawInput: TransactionQuery): TransactionPage {
  const q = parseInput(TransactionQuery, rawInput);
  requireExecutionYear(db, q.yearId);
  return listTransactionRows(db, q);
}

export function getExecutionTargets(db: Db, input: { yearId: number }): ExecutionTargets {
  requireExecutionYear(db, input.yearId);
  const saved = listExecutionTargets(db, input.yearId);
  const merged = targetsByQuarter(db, input.yearId);
  return { yearId: input.yearId, isDefault: saved.length === 0, targets: [1, 2, 3, 4].map((q) => ({ quarter: q, targetBp: merged[q]! })) };
}

export function saveExecutionTargets(db: Db, rawInput: ExecutionTargetsInput): ExecutionTargets {
  const input = parseInput(ExecutionTargetsInput, rawInput);
  return inTransaction(db, () => {
    requireWritableExecutionYear(db, input.yearId);
    const before = getExecutionTargets(db, { yearId: input.yearId });
    const sorted = [...input.targets].sort((a, b) => a.quarter - b.quarter);
    replaceExecutionTargets(db, input.yearId, sorted);
    const after = getExecutionTargets(db, { yearId: input.yearId });
    writeAudit(db, { action: 'update', entity: 'execution_target', entityId: input.yearId, yearId: input.yearId, before, after });
    return after;
  });
}

export function linkTransactions(db: Db, input: { yearId: number }): LinkResult {
  return inTransaction(db, () => {
    requireWritableExecutionYear(db, input.yearId);
    const counts = autoLinkTransactions(db, input.yearId);
    if (counts.linked > 0) {
      // A summary of many rows, not a change of one: recorded under its own entity, which 修改记录
      // shows but does not offer to undo.
      writeAudit(db, { action: 'update', entity: 'ledger_auto_link', entityId: '', yearId: input.yearId, after: counts });
    }
    return counts;
  });
}

export function setTransactionLine(db: Db, rawInput: SetTransactionLineInput): SetTransactionLineResult {
  const input = parseInput(SetTransactionLineInput, rawInput);
  return inTransaction(db, () => {
    requireWritableExecutionYear(db, input.yearId);
    const t = txnLinkFacts(db, input.txnId);
    if (!t || t.yearId !== input.yearId) throw new AppError('NOT_FOUND', `找不到该支出记录（编号 ${input.txnId}），可能已被删除。`);
    if (t.direction !== 'out') throw new AppError('VALIDATION', `支出记录 ${input.txnId} 是收入，不能关联预算指标。`);
    if (input.budgetLineId !== null && budgetLineYear(db, input.budgetLineId) !== input.yearId) {
      throw new AppError('VALIDATION', `预算指标 ${input.budgetLineId} 不属于该年度，请重新选择。`);
    }
    // The whole row before and after, as every other change of a spending row records it: 修改记录
    // puts a row back from its recorded state, and a state of just the link could not be restored.
    const before = getTxn(db, input.txnId);
    setTxnBudgetLine(db, input.txnId, input.budgetLineId);
    writeAudit(db, { action: 'update', entity: 'ledger_txn', entityId: input.txnId, yearId: input.yearId, before, after: getTxn(db, input.txnId) });
    return { txnId: input.txnId, budgetLineId: input.budgetLineId };
  });
}

export function listUnmatchedGroups(db: Db, input: { yearId: number }): UnmatchedGroup[] {
  const y = requireExecutionYear(db, input.yearId);
  const names = rowNames(db, y, null);
  const lines = budgetLinesByKey(db, y.id);
  return unlinkedGroups(db, y.id).map((g) => {
    const projectId = g.projectKey === 0 ? null : g.projectKey;
    return {
      unitId: g.unitId,
      unitName: names.units.get(g.unitId) ?? '',
      category: g.category,
      fundingSource: g.fundingSource,
      projectId,
      projectName: projectId === null ? null : (names.projects.get(String(projectId))?.name ?? null),
      econCode: g.econCode,
      funcCode: g.funcCode,
      txnCount: g.txnCount,
      actualFen: g.actualFen,
      candidateLineIds: lines.get(lineKey(g)) ?? [],
      filter: {
        unitId: g.unitId,
        category: g.category,
        fundingSource: g.fundingSource,
        projectId,
        econCode: g.econCode,
        funcCode: g.funcCode,
        unmatchedOnly: true,
      },
    };
  });
}

export function getRevenueExpenditureText(db: Db, input: { yearId: number }): RevenueExpenditureText {
  requireExecutionYear(db, input.yearId);
  const t = departmentTotals(db, input.yearId);
  const budgetByFundingSource = budgetBy(db, input.yearId, 'fundingSource')
    .filter((r) => r.finalFen !== 0)
    .map((r) => ({ fundingSource: r.key as BudgetFundingSource, finalFen: r.finalFen }))
    .sort((a, b) => BUDGET_FUNDING_SOURCES.indexOf(a.fundingSource) - BUDGET_FUNDING_SOURCES.indexOf(b.fundingSource));
  const basicFen = t.personnelFen + t.publicFen;
  return {
    text: revenueExpenditureParagraph({ budgetByFundingSource, actualFen: t.actualFen, basicFen, projectFen: t.projectFen }),
    budgetFen: t.finalBudgetFen,
    actualFen: t.actualFen,
    basicFen,
    projectFen: t.projectFen,
    budgetByFundingSource,
  };
}

export function getCliSummary(db: Db, yearId: number): CliSummary {
  const o = getExecutionOverview(db, { yearId });
  const projectUnits = projectUnitNames(db, yearId);
  const amounts = (r: BreakdownRow) => ({ budgetFen: r.finalFen, actualFen: r.actualFen, executionRate: r.executionPercent });
  return {
    year: o.year,
    budgetFen: o.totals.total.finalFen,
    actualFen: o.totals.total.actualFen,
    basicFen: o.totals.basic.actualFen,
    projectFen: o.totals.project.actualFen,
    unclassifiedFen: o.totals.unclassified.actualFen,
    executionRate: o.totals.total.executionPercent,
    initialBudgetFen: o.totals.total.initialFen,
    adjustmentFen: o.totals.total.adjustmentFen,
    carryOverFen: o.byFundingSource.find((r) => r.key === 'carry_over')?.finalFen ?? 0,
    adjustmentRate: o.adjustment.percent,
    byCategory: o.byCategory.map((r) => ({ category: r.key as LedgerCategory, ...amounts(r) })),
    byFundingSource: o.byFundingSource.map((r) => ({ fundingSource: r.key as BudgetFundingSource, ...amounts(r) })),
    byEconClass: o.byEconClass.map((r) => ({ econClass: r.key, name: r.label, ...amounts(r) })),
    byUnit: o.byUnit.map((r) => ({ name: r.label, ...amounts(r) })),
    byProject: o.byProject.map((r) => ({ name: r.label, unit: projectUnits.get(r.key) ?? '', ...amounts(r) })),
    byMonth: o.byMonth.map((m) => ({
      month: m.month,
      actualFen: m.actualFen,
      cumulativeFen: m.cumulativeFen,
      cumulativeRate: percentNumber(m.cumulativeRate),
    })),
  };
}
