import type { YearTable } from '../../../shared/api/contract.ts';
import type { Department, DepartmentInput, FiscalYear, Unit, UnitInput } from '../../../shared/domain/organization.ts';
import type { Db } from '../open.ts';

interface UnitRow {
  id: number;
  name: string;
  code: string;
  kind: Unit['kind'];
  is_primary: number;
  head_name: string;
  finance_head_name: string;
  preparer_name: string;
  phone: string;
  sort_order: number;
}

const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  name: r.name,
  code: r.code,
  kind: r.kind,
  isPrimary: r.is_primary === 1,
  headName: r.head_name,
  financeHeadName: r.finance_head_name,
  preparerName: r.preparer_name,
  phone: r.phone,
  sortOrder: r.sort_order,
});

// The app keeps one department per data file; the first row is it.
export function getDepartment(db: Db): Department | null {
  return (
    (db.prepare('SELECT id, name, code, self_name AS selfName FROM department ORDER BY id LIMIT 1').get() as Department | undefined) ?? null
  );
}

export function insertDepartment(db: Db, d: DepartmentInput): Department {
  const r = db.prepare('INSERT INTO department (name, code, self_name) VALUES (?, ?, ?)').run(d.name, d.code, d.selfName ?? '');
  return { id: Number(r.lastInsertRowid), name: d.name, code: d.code, selfName: d.selfName ?? '' };
}

export function updateDepartment(db: Db, id: number, d: DepartmentInput): void {
  db.prepare('UPDATE department SET name = ?, code = ?, self_name = ? WHERE id = ?').run(d.name, d.code, d.selfName ?? '', id);
}

export function listUnits(db: Db, departmentId: number): Unit[] {
  const rows = db
    .prepare('SELECT * FROM unit WHERE department_id = ? ORDER BY is_primary DESC, sort_order, id')
    .all(departmentId) as UnitRow[];
  return rows.map(toUnit);
}

export function getUnit(db: Db, id: number): Unit | null {
  const r = db.prepare('SELECT * FROM unit WHERE id = ?').get(id) as UnitRow | undefined;
  return r ? toUnit(r) : null;
}

function unitParams(u: Omit<UnitInput, 'id'>) {
  return [u.name, u.code, u.kind, u.isPrimary ? 1 : 0, u.headName, u.financeHeadName, u.preparerName, u.phone, u.sortOrder];
}

export function insertUnit(db: Db, departmentId: number, u: Omit<UnitInput, 'id'>): number {
  const r = db
    .prepare(
      `INSERT INTO unit (name, code, kind, is_primary, head_name, finance_head_name, preparer_name, phone, sort_order, department_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...unitParams(u), departmentId);
  return Number(r.lastInsertRowid);
}

export function updateUnit(db: Db, id: number, u: Omit<UnitInput, 'id'>): void {
  db.prepare(
    `UPDATE unit SET name = ?, code = ?, kind = ?, is_primary = ?, head_name = ?, finance_head_name = ?,
            preparer_name = ?, phone = ?, sort_order = ? WHERE id = ?`,
  ).run(...unitParams(u), id);
}

export function clearPrimaryUnit(db: Db, departmentId: number, exceptId: number): void {
  db.prepare('UPDATE unit SET is_primary = 0 WHERE department_id = ? AND id <> ?').run(departmentId, exceptId);
}

export function deleteUnit(db: Db, id: number): void {
  db.prepare('DELETE FROM unit WHERE id = ?').run(id);
}

interface YearRow {
  id: number;
  year: number;
  status: FiscalYear['status'];
  finalized_at: string | null;
}
const toYear = (r: YearRow): FiscalYear => ({ id: r.id, year: r.year, status: r.status, finalizedAt: r.finalized_at });

export function listYears(db: Db, departmentId: number): FiscalYear[] {
  const rows = db
    .prepare('SELECT id, year, status, finalized_at FROM fiscal_year WHERE department_id = ? ORDER BY year DESC')
    .all(departmentId) as YearRow[];
  return rows.map(toYear);
}

export function getYear(db: Db, id: number): FiscalYear | null {
  const r = db.prepare('SELECT id, year, status, finalized_at FROM fiscal_year WHERE id = ?').get(id) as YearRow | undefined;
  return r ? toYear(r) : null;
}

export function findYear(db: Db, departmentId: number, year: number): FiscalYear | null {
  const r = db
    .prepare('SELECT id, year, status, finalized_at FROM fiscal_year WHERE department_id = ? AND year = ?')
    .get(departmentId, year) as YearRow | undefined;
  return r ? toYear(r) : null;
}

export function insertYear(db: Db, departmentId: number, year: number): number {
  return Number(db.prepare('INSERT INTO fiscal_year (department_id, year) VALUES (?, ?)').run(departmentId, year).lastInsertRowid);
}

export function deleteYear(db: Db, id: number): void {
  db.prepare('DELETE FROM fiscal_year WHERE id = ?').run(id);
}

/** Budget lines and ledger transactions of the unit. */
export function unitRowCount(db: Db, unitId: number): number {
  return (
    db
      .prepare('SELECT (SELECT count(*) FROM budget_line WHERE unit_id = @id) + (SELECT count(*) FROM ledger_txn WHERE unit_id = @id) AS n')
      .get({ id: unitId }) as { n: number }
  ).n;
}

// The year of a row, for the dispatcher's one check that a write does not change a final year.
const YEAR_OF: Record<YearTable, string> = {
  fiscal_year: 'SELECT id AS y FROM fiscal_year WHERE id = ?',
  project: 'SELECT year_id AS y FROM project WHERE id = ?',
  project_indicator: 'SELECT p.year_id AS y FROM project_indicator i JOIN project p ON p.id = i.project_id WHERE i.id = ?',
  budget_line: 'SELECT year_id AS y FROM budget_line WHERE id = ?',
  ledger_txn: 'SELECT year_id AS y FROM ledger_txn WHERE id = ?',
  work_area: 'SELECT year_id AS y FROM work_area WHERE id = ?',
  work_task: 'SELECT a.year_id AS y FROM work_task t JOIN work_area a ON a.id = t.area_id WHERE t.id = ?',
  task_measure:
    'SELECT a.year_id AS y FROM task_measure m JOIN work_task t ON t.id = m.task_id JOIN work_area a ON a.id = t.area_id WHERE m.id = ?',
  import_batch: 'SELECT year_id AS y FROM import_batch WHERE id = ?',
  audit_log: 'SELECT year_id AS y FROM audit_log WHERE id = ?',
};

/** The fiscal year the row belongs to; null when there is no such row or it belongs to none. */
export function yearOfRow(db: Db, table: YearTable, id: number): number | null {
  const row = db.prepare(YEAR_OF[table]).get(id) as { y: number | null } | undefined;
  return row?.y ?? null;
}
