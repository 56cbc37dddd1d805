import { AppError } from '../../shared/api/app-error.ts';
import type {
  BudgetLine,
  BudgetLineInput,
  CopyLinesInput,
  CopyLinesResult,
  NamedProjectLineInput,
  Project,
  ProjectInput,
} from '../../shared/domain/budget-line.ts';
import type { CategoryTotals } from '../../shared/domain/totals.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import * as repo from '../db/repositories/budget-repo.ts';
import { getUnit } from '../db/repositories/organization-repo.ts';
import type { Db } from '../db/open.ts';
import { inTransaction } from './transaction.ts';
import { requireAmountsWithinLimits, requireWritableYear, requireYear } from './year-guard.ts';

export function listLines(db: Db, yearId: number): BudgetLine[] {
  requireYear(db, yearId);
  return repo.listBudgetLines(db, yearId);
}

function checkReferences(db: Db, l: BudgetLineInput): void {
  if (!getUnit(db, l.unitId)) throw new AppError('VALIDATION', '所选单位不存在，请重新选择单位。', [{ path: 'unitId', message: '单位不存在' }]);
  if (l.projectId !== null) {
    const p = repo.getProject(db, l.projectId);
    if (!p || p.yearId !== l.yearId) {
      throw new AppError('VALIDATION', '所选项目不属于该年度，请重新选择项目。', [{ path: 'projectId', message: '项目不属于该年度' }]);
    }
  }
}

export function saveLine(db: Db, input: BudgetLineInput): BudgetLine {
  return inTransaction(db, () => writeLine(db, input));
}

/** The project named on the line, in the line's year; created (and audited) when the year has none of that name. */
function projectIdByName(db: Db, yearId: number, name: string, fields: Omit<ProjectInput, 'id' | 'yearId' | 'name'>): number {
  const known = repo.findProjectByName(db, yearId, name);
  if (known) return known.id;
  const id = repo.insertProject(db, { ...fields, yearId, name });
  writeAudit(db, { action: 'create', entity: 'project', entityId: id, yearId, after: repo.getProject(db, id)! });
  return id;
}

/** `budget.saveLineByProjectName`: the line and, if need be, its project — one transaction. */
export function saveLineByProjectName(db: Db, input: NamedProjectLineInput): BudgetLine {
  return inTransaction(db, () => {
    const { projectName, ...line } = input;
    requireWritableYear(db, input.yearId);
    const projectId = projectName === '' ? null : projectIdByName(db, input.yearId, projectName, { unitId: input.unitId, code: '', description: '' });
    return writeLine(db, { ...line, projectId });
  });
}

const lineKey = (l: Pick<BudgetLine, 'unitId' | 'fundingSource' | 'category' | 'projectName' | 'funcCode' | 'econCode'>) =>
  [l.unitId, l.fundingSource, l.category, l.projectName ?? '', l.funcCode, l.econCode].join('|');

/**
 * Copies a previous year's budget lines into this year, all or nothing: unit, source, category,
 * project (found or created by name, with last year's code and description), codes and names.
 * Amounts are either 0 or last year's final budget; 调整数, 文号 and 备注 start empty. Lines the year
 * already has are skipped.
 */
export function copyLinesFromYear(db: Db, input: CopyLinesInput): CopyLinesResult {
  return inTransaction(db, () => {
    requireYear(db, input.fromYearId);
    requireWritableYear(db, input.toYearId);
    if (input.fromYearId === input.toYearId) throw new AppError('VALIDATION', '不能从本年度复制到本年度，请选择其他年度。');
    const lastProjects = new Map(repo.listProjects(db, input.fromYearId).map((p) => [p.id, p]));
    const existing = new Set(repo.listBudgetLines(db, input.toYearId).map(lineKey));
    let copied = 0;
    let skipped = 0;
    for (const l of repo.listBudgetLines(db, input.fromYearId)) {
      const key = lineKey(l);
      if (existing.has(key)) {
        skipped++;
        continue;
      }
      const last = l.projectId === null ? undefined : lastProjects.get(l.projectId);
      const projectId = l.projectName
        ? projectIdByName(db, input.toYearId, l.projectName, { unitId: last?.unitId ?? l.unitId, code: last?.code ?? '', description: last?.description ?? '' })
        : null;
      writeLine(db, {
        yearId: input.toYearId,
        unitId: l.unitId,
        fundingSource: l.fundingSource,
        category: l.category,
        projectId,
        funcCode: l.funcCode,
        funcName: l.funcName,
        econCode: l.econCode,
        econName: l.econName,
        initialFen: input.amounts === 'lastFinal' ? l.finalFen : 0,
        adjustmentFen: 0,
        docNo: '',
        note: '',
      });
      existing.add(key);
      copied++;
    }
    return { copied, skipped };
  });
}

// Inside the caller's transaction.
function writeLine(db: Db, input: BudgetLineInput): BudgetLine {
  requireWritableYear(db, input.yearId);
  checkReferences(db, input);
  if (input.id === undefined) {
    const id = repo.insertBudgetLine(db, input);
    const after = repo.getBudgetLine(db, id)!;
    writeAudit(db, { action: 'create', entity: 'budget_line', entityId: id, yearId: input.yearId, after });
    requireAmountsWithinLimits(db, input.yearId);
    return after;
  }
  const before = repo.getBudgetLine(db, input.id);
  if (!before || before.yearId !== input.yearId) throw new AppError('NOT_FOUND', `找不到该预算指标（编号 ${input.id}）。`);
  repo.updateBudgetLine(db, input.id, input);
  const after = repo.getBudgetLine(db, input.id)!;
  writeAudit(db, { action: 'update', entity: 'budget_line', entityId: input.id, yearId: input.yearId, before, after });
  requireAmountsWithinLimits(db, input.yearId);
  return after;
}

export function deleteLine(db: Db, id: number): { deleted: true } {
  return inTransaction(db, () => {
    const before = repo.getBudgetLine(db, id);
    if (!before) throw new AppError('NOT_FOUND', `找不到该预算指标（编号 ${id}）。`);
    requireWritableYear(db, before.yearId);
    repo.deleteBudgetLine(db, id);
    writeAudit(db, { action: 'delete', entity: 'budget_line', entityId: id, yearId: before.yearId, before });
    return { deleted: true };
  });
}

export function categoryTotals(db: Db, yearId: number): CategoryTotals {
  requireYear(db, yearId);
  const rows = repo.categoryAmounts(db, yearId);
  const total = rows.reduce(
    (t, r) => ({
      initialFen: t.initialFen + r.initialFen,
      adjustmentFen: t.adjustmentFen + r.adjustmentFen,
      finalFen: t.finalFen + r.finalFen,
      actualFen: t.actualFen + r.actualFen,
    }),
    { initialFen: 0, adjustmentFen: 0, finalFen: 0, actualFen: 0 },
  );
  return { rows, total };
}

export function listProjects(db: Db, yearId: number): Project[] {
  requireYear(db, yearId);
  return repo.listProjects(db, yearId);
}

export function saveProject(db: Db, input: ProjectInput): Project {
  return inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    const { id, ...fields } = input;
    if (id === undefined) {
      const newId = repo.insertProject(db, fields);
      const after = repo.getProject(db, newId)!;
      writeAudit(db, { action: 'create', entity: 'project', entityId: newId, yearId: input.yearId, after });
      return after;
    }
    const before = repo.getProject(db, id);
    if (!before || before.yearId !== input.yearId) throw new AppError('NOT_FOUND', `找不到该项目（编号 ${id}）。`);
    repo.updateProject(db, id, fields);
    const after = repo.getProject(db, id)!;
    writeAudit(db, { action: 'update', entity: 'project', entityId: id, yearId: input.yearId, before, after });
    return after;
  });
}

export function deleteProject(db: Db, id: number): { deleted: true } {
  return inTransaction(db, () => {
    const before = repo.getProject(db, id);
    if (!before) throw new AppError('NOT_FOUND', `找不到该项目（编号 ${id}）。`);
    requireWritableYear(db, before.yearId);
    repo.deleteProject(db, id);
    writeAudit(db, { action: 'delete', entity: 'project', entityId: id, yearId: before.yearId, before });
    return { deleted: true };
  });
}
