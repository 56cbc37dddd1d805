import { AppError } from '../../shared/api/app-error.ts';
import type { AuditEntry, AuditQuery } from '../../shared/domain/audit.ts';
import type { BudgetLine, Project } from '../../shared/domain/budget-line.ts';
import type { Procurement, Txn } from '../../shared/domain/ledger.ts';
import type { ProcurementItem } from '../../shared/domain/procurement.ts';
import * as procurementRepo from '../db/repositories/procurement-repo.ts';
import type { Profile } from '../../shared/domain/profile.ts';
import type { Measure, Task, WorkArea } from '../../shared/domain/work.ts';
import type { ScoreInputRow } from '../../shared/scoring/score-input.ts';
import { type AuditRow, getAudit, latestAuditId, listAudit, writeAudit } from '../db/repositories/audit-repo.ts';
import * as budget from '../db/repositories/budget-repo.ts';
import * as ledger from '../db/repositories/ledger-repo.ts';
import { deleteProfile, profileRow, upsertProfile } from '../db/repositories/profile-repo.ts';
import * as projectIndicators from '../db/repositories/project-indicator-repo.ts';
import * as reports from '../db/repositories/report-repo.ts';
import * as projectEval from '../db/repositories/project-eval-repo.ts';
import type { ProjectIndicator } from '../../shared/domain/project-indicator.ts';
import * as scores from '../db/repositories/score-repo.ts';
import * as work from '../db/repositories/work-repo.ts';
import { currentYearFrameworkState, restoreYearFrameworkState, type YearFrameworkState } from './scoring-service.ts';
import type { Db } from '../db/open.ts';
import { inTransaction } from './transaction.ts';
import { requireWritableYear } from './year-guard.ts';
import { getOutlineJson } from '../db/repositories/outline-repo.ts';
import type { OutlineDoc } from '../../shared/report/outline.ts';
import { restoreOutlineState } from './outline-service.ts';

/**
 * How to put one kind of entity back into a recorded state. `restore(state)` makes the entity equal
 * `state` (recreating it if it was deleted) and returns its id; `remove` deletes it; `current`
 * reads it now, for the undo's own audit entry.
 */
interface UndoAdapter {
  current(db: Db, id: string): unknown;
  restore(db: Db, id: string, state: never): string;
  remove(db: Db, id: string): void;
  /** Which entity ids name one entity; records under any other id (summaries) are not undone. */
  ids?: RegExp;
}

const ROW_ID = /^\d+$/;

function restoreMeasures(db: Db, taskId: number, measures: Measure[]): void {
  for (const m of measures) work.insertMeasure(db, { ...m, taskId });
}

function restoreTask(db: Db, areaId: number, t: Task): number {
  const id = work.insertTask(db, { ...t, areaId });
  restoreMeasures(db, id, t.measures);
  return id;
}

const ADAPTERS: Record<string, UndoAdapter> = {
  budget_line: {
    current: (db, id) => budget.getBudgetLine(db, Number(id)),
    restore: (db, id, s: BudgetLine) => {
      if (budget.getBudgetLine(db, Number(id))) {
        budget.updateBudgetLine(db, Number(id), s);
        return id;
      }
      return String(budget.insertBudgetLine(db, s));
    },
    remove: (db, id) => budget.deleteBudgetLine(db, Number(id)),
  },
  ledger_txn: {
    // Older files hold the automatic linking’s summary as ledger_txn "auto-link": not one row.
    ids: ROW_ID,
    current: (db, id) => ledger.getTxn(db, Number(id)),
    restore: (db, id, s: Txn) => {
      if (ledger.getTxn(db, Number(id))) {
        ledger.updateTxn(db, Number(id), s);
        return id;
      }
      return String(ledger.insertTxn(db, s));
    },
    remove: (db, id) => ledger.deleteTxn(db, Number(id)),
  },
  project: {
    current: (db, id) => budget.getProject(db, Number(id)),
    restore: (db, id, s: Project) => {
      if (budget.getProject(db, Number(id))) {
        budget.updateProject(db, Number(id), s);
        return id;
      }
      return String(budget.insertProject(db, s));
    },
    remove: (db, id) => budget.deleteProject(db, Number(id)),
  },
  project_indicator: {
    current: (db, id) => projectIndicators.getProjectIndicator(db, Number(id)),
    restore: (db, id, s: ProjectIndicator) => {
      if (projectIndicators.getProjectIndicator(db, Number(id))) {
        projectIndicators.updateProjectIndicator(db, Number(id), s);
        return id;
      }
      return String(projectIndicators.insertProjectIndicator(db, s));
    },
    remove: (db, id) => projectIndicators.deleteProjectIndicator(db, Number(id)),
  },
  project_eval: {
    current: (db, id) => projectEval.getProjectEvalRecord(db, Number(id)),
    restore: (db, id, s: Omit<projectEval.ProjectEvalRecord, 'name' | 'unitName'>) => {
      projectEval.upsertProjectEval(db, s);
      return id;
    },
    remove: (db, id) => projectEval.deleteProjectEval(db, Number(id)),
  },
  department_profile: {
    current: (db, id) => profileRow(db, Number(id)),
    restore: (db, id, s: Profile) => {
      upsertProfile(db, s);
      return id;
    },
    remove: (db, id) => deleteProfile(db, Number(id)),
  },
  procurement_summary: {
    current: (db, id) => ledger.getProcurement(db, Number(id)),
    restore: (db, id, s: Procurement) => {
      ledger.upsertProcurement(db, s);
      return id;
    },
    remove: (db, id) => ledger.deleteProcurement(db, Number(id)),
  },
  procurement_item: {
    current: (db, id) => procurementRepo.getProcurementItem(db, Number(id)),
    restore: (db, id, s: ProcurementItem) => {
      if (procurementRepo.getProcurementItem(db, Number(id))) {
        procurementRepo.updateProcurementItem(db, Number(id), s);
        return id;
      }
      return String(procurementRepo.insertProcurementItem(db, s));
    },
    remove: (db, id) => procurementRepo.deleteProcurementItem(db, Number(id)),
  },
  work_area: {
    current: (db, id) => work.getArea(db, Number(id)),
    restore: (db, id, s: WorkArea) => {
      if (work.getArea(db, Number(id))) {
        work.updateArea(db, Number(id), s);
        return id;
      }
      const areaId = work.insertArea(db, s);
      for (const t of s.tasks ?? []) restoreTask(db, areaId, t);
      return String(areaId);
    },
    remove: (db, id) => work.deleteArea(db, Number(id)),
  },
  work_task: {
    current: (db, id) => work.findTask(db, Number(id)),
    restore: (db, id, s: Task) => {
      if (work.findTask(db, Number(id))) {
        work.updateTask(db, Number(id), s);
        return id;
      }
      return String(restoreTask(db, s.areaId, s));
    },
    remove: (db, id) => work.deleteTask(db, Number(id)),
  },
  task_measure: {
    current: (db, id) => work.findMeasure(db, Number(id)),
    restore: (db, id, s: Measure) => {
      if (work.findMeasure(db, Number(id))) {
        work.updateMeasure(db, Number(id), s);
        return id;
      }
      return String(work.insertMeasure(db, s));
    },
    remove: (db, id) => work.deleteMeasure(db, Number(id)),
  },
  report_section: {
    // entity id is "<yearId>:<sectionKey>"
    current: (db, id) => {
      const [y, key] = id.split(':');
      const row = reports.getSection(db, Number(y), key!);
      return row ? { body: row.body } : null;
    },
    restore: (db, id, s: { body: string }) => {
      const [y, key] = id.split(':');
      reports.upsertSection(db, Number(y), key!, s.body);
      return id;
    },
    remove: (db, id) => {
      const [y, key] = id.split(':');
      reports.deleteSection(db, Number(y), key!);
    },
  },
  report_outline: {
    // entity id is the year id; a null state is the default outline (no row).
    current: (db, id) => {
      const json = getOutlineJson(db, Number(id));
      return json === null ? null : (JSON.parse(json) as unknown);
    },
    restore: (db, id, s: OutlineDoc) => {
      restoreOutlineState(db, Number(id), s);
      return id;
    },
    remove: (db, id) => restoreOutlineState(db, Number(id), null),
  },
  framework: {
    // A year's framework edit: the recorded state holds the document and the year's inputs by code.
    current: (db, id) => currentYearFrameworkState(db, Number(id)),
    restore: (db, id, s: YearFrameworkState) => {
      restoreYearFrameworkState(db, Number(id), s);
      return id;
    },
    remove: () => {
      throw new AppError('VALIDATION', '年度指标体系的首次设置不能撤销；如需更换，请在“指标体系”中复制其他年度或恢复默认指标体系。');
    },
  },
  indicator_score: {
    // entity id is "<yearId>:<indicatorId>"
    current: (db, id) => {
      const [y, i] = id.split(':').map(Number);
      return scores.getScoreInput(db, y!, i!) ?? null;
    },
    restore: (db, id, s: ScoreInputRow) => {
      scores.upsertScoreInput(db, Number(id.split(':')[0]), s);
      return id;
    },
    remove: (db, id) => {
      const [y, i] = id.split(':').map(Number);
      scores.deleteScoreInput(db, y!, i!);
    },
  },
};

function undoableEntity(row: AuditRow): UndoAdapter | null {
  const adapter = ADAPTERS[row.entity];
  if (!adapter || row.yearId === null || (adapter.ids && !adapter.ids.test(row.entityId))) return null;
  return adapter;
}

function isUndoable(db: Db, row: AuditRow): boolean {
  return undoableEntity(row) !== null && latestAuditId(db, row.entity, row.entityId) === row.id;
}

export function history(db: Db, q: AuditQuery): AuditEntry[] {
  return listAudit(db, q).map((r) => ({ ...r, undoable: isUndoable(db, r) }));
}

/**
 * Reverses one recorded change by putting the entity back into its recorded "before" state. Only
 * the newest change of an entity can be undone, so an undo never silently discards a later edit;
 * the undo is itself recorded (and can be undone in turn).
 */
export function undo(db: Db, auditId: number): AuditEntry {
  return inTransaction(db, () => {
    const row = getAudit(db, auditId);
    if (!row) throw new AppError('NOT_FOUND', `找不到该修改记录（编号 ${auditId}）。`);
    const adapter = undoableEntity(row);
    if (!adapter || row.yearId === null) throw new AppError('VALIDATION', '这类修改不能撤销（如单位、年度、指标体系的结构调整、自动关联的汇总记录）。');
    if (latestAuditId(db, row.entity, row.entityId) !== row.id) {
      throw new AppError('CONFLICT', '该记录之后还有更新的修改，请先撤销更新的修改。');
    }
    requireWritableYear(db, row.yearId);
    const now = adapter.current(db, row.entityId);
    let entityId = row.entityId;
    if (row.before === null || row.before === undefined) adapter.remove(db, row.entityId);
    else entityId = adapter.restore(db, row.entityId, row.before as never);
    const restored = row.before === null || row.before === undefined ? null : adapter.current(db, entityId);
    writeAudit(db, { action: 'undo', entity: row.entity, entityId, yearId: row.yearId, before: now ?? null, after: restored });
    const written = listAudit(db, { yearId: row.yearId, entity: row.entity, entityId, limit: 1 })[0]!;
    return { ...written, undoable: true };
  });
}
