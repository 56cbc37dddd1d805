import { AppError } from '../../shared/api/app-error.ts';
import type { ProjectIndicator, ProjectIndicatorInput } from '../../shared/domain/project-indicator.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { getProject } from '../db/repositories/budget-repo.ts';
import * as repo from '../db/repositories/project-indicator-repo.ts';
import type { Db } from '../db/open.ts';
import { inTransaction } from './transaction.ts';
import { requireWritableYear, requireYear } from './year-guard.ts';

export function listIndicators(db: Db, yearId: number): ProjectIndicator[] {
  requireYear(db, yearId);
  return repo.listProjectIndicators(db, yearId);
}

function yearOfProject(db: Db, projectId: number): number {
  const p = getProject(db, projectId);
  if (!p) throw new AppError('NOT_FOUND', `找不到该项目（编号 ${projectId}）。`);
  return p.yearId;
}

export function saveIndicator(db: Db, input: ProjectIndicatorInput): ProjectIndicator {
  return inTransaction(db, () => {
    const yearId = yearOfProject(db, input.projectId);
    requireWritableYear(db, yearId);
    const { id, ...fields } = input;
    const before = id === undefined ? null : repo.getProjectIndicator(db, id);
    if (id !== undefined && !before) throw new AppError('NOT_FOUND', `找不到该项目指标（编号 ${id}）。`);
    const savedId = id ?? repo.insertProjectIndicator(db, fields);
    if (id !== undefined) repo.updateProjectIndicator(db, id, fields);
    const after = repo.getProjectIndicator(db, savedId)!;
    writeAudit(db, { action: before ? 'update' : 'create', entity: 'project_indicator', entityId: savedId, yearId, before: before ?? undefined, after });
    return after;
  });
}

export function deleteIndicator(db: Db, id: number): { deleted: true } {
  return inTransaction(db, () => {
    const before = repo.getProjectIndicator(db, id);
    if (!before) throw new AppError('NOT_FOUND', `找不到该项目指标（编号 ${id}）。`);
    const yearId = yearOfProject(db, before.projectId);
    requireWritableYear(db, yearId);
    repo.deleteProjectIndicator(db, id);
    writeAudit(db, { action: 'delete', entity: 'project_indicator', entityId: id, yearId, before });
    return { deleted: true };
  });
}
