import { AppError } from '../../shared/api/app-error.ts';
import type { Measure, MeasureInput, Task, TaskInput, WorkArea, WorkAreaInput } from '../../shared/domain/work.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import * as repo from '../db/repositories/work-repo.ts';
import type { Db } from '../db/open.ts';
import { inTransaction } from './transaction.ts';
import { requireWritableYear, requireYear } from './year-guard.ts';

export function workTree(db: Db, yearId: number): WorkArea[] {
  requireYear(db, yearId);
  return repo.getWorkTree(db, yearId);
}

function yearOfAreaOrFail(db: Db, areaId: number): number {
  const y = repo.yearOfArea(db, areaId);
  if (y === null) throw new AppError('NOT_FOUND', `找不到该工作领域（编号 ${areaId}）。`);
  return y;
}

function yearOfTaskOrFail(db: Db, taskId: number): number {
  const y = repo.yearOfTask(db, taskId);
  if (y === null) throw new AppError('NOT_FOUND', `找不到该工作任务（编号 ${taskId}）。`);
  return y;
}

export function saveArea(db: Db, input: WorkAreaInput): WorkArea {
  return inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    const { id, ...fields } = input;
    let areaId = id;
    if (areaId === undefined) areaId = repo.insertArea(db, fields);
    else {
      if (yearOfAreaOrFail(db, areaId) !== input.yearId) throw new AppError('VALIDATION', '工作领域不属于该年度。');
      repo.updateArea(db, areaId, fields);
    }
    const after = repo.getArea(db, areaId)!;
    writeAudit(db, { action: id === undefined ? 'create' : 'update', entity: 'work_area', entityId: areaId, yearId: input.yearId, after: { ...after, tasks: undefined } });
    return after;
  });
}

export function deleteArea(db: Db, id: number): { deleted: true } {
  return inTransaction(db, () => {
    const yearId = yearOfAreaOrFail(db, id);
    requireWritableYear(db, yearId);
    const before = repo.getArea(db, id);
    repo.deleteArea(db, id);
    writeAudit(db, { action: 'delete', entity: 'work_area', entityId: id, yearId, before });
    return { deleted: true };
  });
}

export function saveTask(db: Db, input: TaskInput): Task {
  return inTransaction(db, () => {
    const yearId = yearOfAreaOrFail(db, input.areaId);
    requireWritableYear(db, yearId);
    const { id, ...fields } = input;
    let taskId = id;
    let before: Task | null = null;
    if (taskId === undefined) taskId = repo.insertTask(db, fields);
    else {
      before = repo.findTask(db, taskId);
      if (!before || yearOfTaskOrFail(db, taskId) !== yearId) throw new AppError('NOT_FOUND', `找不到该工作任务（编号 ${taskId}）。`);
      repo.updateTask(db, taskId, fields);
    }
    const after = repo.findTask(db, taskId)!;
    writeAudit(db, { action: before ? 'update' : 'create', entity: 'work_task', entityId: taskId, yearId, before: before ?? undefined, after });
    return after;
  });
}

export function deleteTask(db: Db, id: number): { deleted: true } {
  return inTransaction(db, () => {
    const yearId = yearOfTaskOrFail(db, id);
    requireWritableYear(db, yearId);
    const before = repo.findTask(db, id);
    repo.deleteTask(db, id);
    writeAudit(db, { action: 'delete', entity: 'work_task', entityId: id, yearId, before });
    return { deleted: true };
  });
}

export function saveMeasure(db: Db, input: MeasureInput): Measure {
  return inTransaction(db, () => {
    const yearId = yearOfTaskOrFail(db, input.taskId);
    requireWritableYear(db, yearId);
    const { id, ...fields } = input;
    let measureId = id;
    let before: Measure | null = null;
    if (measureId === undefined) measureId = repo.insertMeasure(db, fields);
    else {
      before = repo.findMeasure(db, measureId);
      if (!before) throw new AppError('NOT_FOUND', `找不到该指标（编号 ${measureId}）。`);
      repo.updateMeasure(db, measureId, fields);
    }
    const after = repo.findMeasure(db, measureId)!;
    writeAudit(db, { action: before ? 'update' : 'create', entity: 'task_measure', entityId: measureId, yearId, before: before ?? undefined, after });
    return after;
  });
}

export function deleteMeasure(db: Db, id: number): { deleted: true } {
  return inTransaction(db, () => {
    const before = repo.findMeasure(db, id);
    if (!before) throw new AppError('NOT_FOUND', `找不到该指标（编号 ${id}）。`);
    const yearId = yearOfTaskOrFail(db, before.taskId);
    requireWritableYear(db, yearId);
    repo.deleteMeasure(db, id);
    writeAudit(db, { action: 'delete', entity: 'task_measure', entityId: id, yearId, before });
    return { deleted: true };
  });
}
