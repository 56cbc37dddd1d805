import type { ProcurementItem, ProcurementItemInput } from '../../../shared/domain/procurement.ts';
import type { Db } from '../open.ts';

const COLUMNS = 'id, year_id AS yearId, name, kind, planned_fen AS plannedFen, actual_fen AS actualFen, note';

export function listProcurementItems(db: Db, yearId: number): ProcurementItem[] {
  return db.prepare(`SELECT ${COLUMNS} FROM procurement_item WHERE year_id = ? ORDER BY id`).all(yearId) as ProcurementItem[];
}

export function getProcurementItem(db: Db, id: number): ProcurementItem | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM procurement_item WHERE id = ?`).get(id) as ProcurementItem | undefined) ?? null;
}

/** Inserts the item; an `id` given (an undo restoring a deleted item) is kept. */
export function insertProcurementItem(db: Db, i: ProcurementItemInput): number {
  return Number(
    db
      .prepare('INSERT INTO procurement_item (id, year_id, name, kind, planned_fen, actual_fen, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(i.id ?? null, i.yearId, i.name, i.kind, i.plannedFen, i.actualFen, i.note).lastInsertRowid,
  );
}

export function updateProcurementItem(db: Db, id: number, i: ProcurementItemInput): void {
  db.prepare('UPDATE procurement_item SET name = ?, kind = ?, planned_fen = ?, actual_fen = ?, note = ? WHERE id = ?').run(
    i.name,
    i.kind,
    i.plannedFen,
    i.actualFen,
    i.note,
    id,
  );
}

export function deleteProcurementItem(db: Db, id: number): void {
  db.prepare('DELETE FROM procurement_item WHERE id = ?').run(id);
}

/** The items' sums, or null where the year has none (its totals are then entered as totals). */
export function procurementItemTotals(db: Db, yearId: number): { plannedFen: number; actualFen: number; count: number } | null {
  const r = db
    .prepare('SELECT count(*) AS count, coalesce(sum(planned_fen), 0) AS plannedFen, coalesce(sum(actual_fen), 0) AS actualFen FROM procurement_item WHERE year_id = ?')
    .get(yearId) as { count: number; plannedFen: number; actualFen: number };
  return r.count > 0 ? r : null;
}
