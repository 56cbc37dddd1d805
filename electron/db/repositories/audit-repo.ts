import type { Db } from '../open.ts';
import { getSetting } from './settings-repo.ts';

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'import' | 'undo' | 'finalize' | 'reopen' | 'restore';
  entity: string;
  entityId: string | number;
  yearId?: number | null;
  before?: unknown;
  after?: unknown;
  batchId?: number | null;
  actor?: string;
}

let currentActor = '';

/** The OS account running this process: the 修改人 of a change while no 填报人 is set. */
export function setAuditActor(actor: string): void {
  currentActor = actor;
}

/** The 填报人 set in 备份与设置, else the OS account, in words for the 修改记录. */
function actorOf(db: Db): string {
  const preparer = getSetting(db, 'preparerName');
  if (typeof preparer === 'string' && preparer.trim() !== '') return preparer.trim();
  return currentActor ? `系统账户 ${currentActor}` : '';
}

// Called by services inside the same transaction as the change it records.
export function writeAudit(db: Db, e: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (actor, action, entity, entity_id, year_id, before_json, after_json, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.actor ?? actorOf(db),
    e.action,
    e.entity,
    String(e.entityId),
    e.yearId ?? null,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
    e.batchId ?? null,
  );
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  yearId: number | null;
  before: unknown;
  after: unknown;
}

interface RawAudit {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  year_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

const toRow = (r: RawAudit): AuditRow => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  yearId: r.year_id,
  before: r.before_json === null ? null : JSON.parse(r.before_json),
  after: r.after_json === null ? null : JSON.parse(r.after_json),
});

export function listAudit(db: Db, q: { yearId: number | null; entity: string | null; entityId: string | null; limit: number }): AuditRow[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log
        WHERE (@yearId IS NULL OR year_id = @yearId) AND (@entity IS NULL OR entity = @entity)
          AND (@entityId IS NULL OR entity_id = @entityId)
        ORDER BY id DESC LIMIT @limit`,
    )
    .all(q) as RawAudit[];
  return rows.map(toRow);
}

export function getAudit(db: Db, id: number): AuditRow | null {
  const r = db.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as RawAudit | undefined;
  return r ? toRow(r) : null;
}

/** The id of the newest entry about one entity (an undo is only offered for that one). */
export function latestAuditId(db: Db, entity: string, entityId: string): number | null {
  const r = db.prepare('SELECT max(id) AS id FROM audit_log WHERE entity = ? AND entity_id = ?').get(entity, entityId) as { id: number | null };
  return r.id;
}
