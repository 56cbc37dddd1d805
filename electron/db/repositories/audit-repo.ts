import type { Db } from '../open.ts';

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

// Called by services inside the same transaction as the change it records.
export function writeAudit(db: Db, e: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (actor, action, entity, entity_id, year_id, before_json, after_json, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.actor ?? '',
    e.action,
    e.entity,
    String(e.entityId),
    e.yearId ?? null,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
    e.batchId ?? null,
  );
}
