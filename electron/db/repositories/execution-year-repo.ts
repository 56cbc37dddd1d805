import type { YearStatus } from '../../../shared/domain/enums.ts';
import type { Db } from '../open.ts';

// Year, unit and project facts the 预算执行 and 审核 services need beside the figures.

export interface ExecutionYear {
  id: number;
  year: number;
  status: YearStatus;
  departmentId: number;
  departmentName: string;
}

export function executionYear(db: Db, yearId: number): ExecutionYear | null {
  const r = db
    .prepare(
      `SELECT y.id, y.year, y.status, y.department_id AS departmentId, d.name AS departmentName
         FROM fiscal_year y JOIN department d ON d.id = y.department_id WHERE y.id = ?`,
    )
    .get(yearId) as ExecutionYear | undefined;
  return r ?? null;
}

/** The same department's fiscal year one year earlier, if it exists. */
export function previousExecutionYear(db: Db, yearId: number): ExecutionYear | null {
  const r = db
    .prepare(
      `SELECT p.id, p.year, p.status, p.department_id AS departmentId, d.name AS departmentName
         FROM fiscal_year y
         JOIN fiscal_year p ON p.department_id = y.department_id AND p.year = y.year - 1
         JOIN department d ON d.id = p.department_id
        WHERE y.id = ?`,
    )
    .get(yearId) as ExecutionYear | undefined;
  return r ?? null;
}

export interface UnitName {
  id: number;
  name: string;
}

/** Units in display order: 本级 first, then by sort order. */
export function unitNames(db: Db, departmentId: number): UnitName[] {
  return db
    .prepare('SELECT id, name FROM unit WHERE department_id = ? ORDER BY is_primary DESC, sort_order, id')
    .all(departmentId) as UnitName[];
}

export interface ProjectName {
  id: number;
  code: string;
  name: string;
}

export function projectNames(db: Db, yearId: number): ProjectName[] {
  return db.prepare('SELECT id, code, name FROM project WHERE year_id = ? ORDER BY sort_order, id').all(yearId) as ProjectName[];
}

/** Each project's unit name, by project id (as breakdown keys are text). */
export function projectUnitNames(db: Db, yearId: number): Map<string, string> {
  const rows = db
    .prepare('SELECT p.id, u.name FROM project p JOIN unit u ON u.id = p.unit_id WHERE p.year_id = ?')
    .all(yearId) as Array<{ id: number; name: string }>;
  return new Map(rows.map((r) => [String(r.id), r.name]));
}

/** Names typed on budget lines, the fallback for codes the shipped code lists do not have. */
export function budgetCodeNames(db: Db, yearId: number): { econ: Map<string, string>; func: Map<string, string> } {
  const rows = db
    .prepare(
      `SELECT 'econ' AS kind, econ_code AS code, max(econ_name) AS name FROM budget_line WHERE year_id = ? AND econ_name <> '' GROUP BY econ_code
       UNION ALL
       SELECT 'func', func_code, max(func_name) FROM budget_line WHERE year_id = ? AND func_name <> '' GROUP BY func_code`,
    )
    .all(yearId, yearId) as Array<{ kind: 'econ' | 'func'; code: string; name: string }>;
  const econ = new Map<string, string>();
  const func = new Map<string, string>();
  for (const r of rows) (r.kind === 'econ' ? econ : func).set(r.code, r.name);
  return { econ, func };
}
