import type { BudgetLine, BudgetLineInput, Project, ProjectInput } from '../../../shared/domain/budget-line.ts';
import type { Category } from '../../../shared/domain/enums.ts';
import type { Amounts } from '../../../shared/domain/totals.ts';
import type { Db } from '../open.ts';
import { storedBudgetSource } from './budget-source.ts';

interface LineRow {
  id: number;
  year_id: number;
  unit_id: number;
  budget_source: BudgetLine['fundingSource'];
  category: BudgetLine['category'];
  project_id: number | null;
  project_name: string | null;
  func_code: string;
  func_name: string;
  econ_code: string;
  econ_name: string;
  initial_fen: number;
  adjustment_fen: number;
  final_fen: number;
  doc_no: string;
  note: string;
  batch_id: number | null;
}

const toLine = (r: LineRow): BudgetLine => ({
  id: r.id,
  yearId: r.year_id,
  unitId: r.unit_id,
  fundingSource: r.budget_source,
  category: r.category,
  projectId: r.project_id,
  projectName: r.project_name,
  funcCode: r.func_code,
  funcName: r.func_name,
  econCode: r.econ_code,
  econName: r.econ_name,
  initialFen: r.initial_fen,
  adjustmentFen: r.adjustment_fen,
  finalFen: r.final_fen,
  docNo: r.doc_no,
  note: r.note,
  batchId: r.batch_id,
});

const LINE_SELECT = `SELECT b.*, p.name AS project_name FROM budget_line b LEFT JOIN project p ON p.id = b.project_id`;

export function listBudgetLines(db: Db, yearId: number): BudgetLine[] {
  return (db.prepare(`${LINE_SELECT} WHERE b.year_id = ? ORDER BY b.sort_order, b.id`).all(yearId) as LineRow[]).map(toLine);
}

export function getBudgetLine(db: Db, id: number): BudgetLine | null {
  const r = db.prepare(`${LINE_SELECT} WHERE b.id = ?`).get(id) as LineRow | undefined;
  return r ? toLine(r) : null;
}

function lineParams(l: BudgetLineInput) {
  const stored = storedBudgetSource(l.fundingSource);
  return [
    l.yearId,
    l.unitId,
    stored.fundingSource,
    stored.carryOver,
    l.category,
    l.projectId,
    l.funcCode,
    l.funcName,
    l.econCode,
    l.econName,
    l.initialFen,
    l.adjustmentFen,
    l.docNo,
    l.note,
  ];
}

export function insertBudgetLine(db: Db, l: BudgetLineInput): number {
  return Number(
    db
      .prepare(
        `INSERT INTO budget_line (year_id, unit_id, funding_source, carry_over, category, project_id, func_code, func_name,
           econ_code, econ_name, initial_fen, adjustment_fen, doc_no, note, sort_order)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
           (SELECT coalesce(max(sort_order), 0) + 1 FROM budget_line WHERE year_id = ?))`,
      )
      .run(...lineParams(l), l.yearId).lastInsertRowid,
  );
}

export function updateBudgetLine(db: Db, id: number, l: BudgetLineInput): void {
  db.prepare(
    `UPDATE budget_line SET year_id = ?, unit_id = ?, funding_source = ?, carry_over = ?, category = ?, project_id = ?, func_code = ?,
       func_name = ?, econ_code = ?, econ_name = ?, initial_fen = ?, adjustment_fen = ?, doc_no = ?, note = ?,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = ?`,
  ).run(...lineParams(l), id);
}

export function deleteBudgetLine(db: Db, id: number): void {
  db.prepare('DELETE FROM budget_line WHERE id = ?').run(id);
}

interface AmountRow {
  category: Category;
  initial: number;
  adjustment: number;
  final: number;
  actual: number;
}

export function categoryAmounts(db: Db, yearId: number): Array<Amounts & { category: Category }> {
  const rows = db
    .prepare(
      `WITH b AS (SELECT category, sum(initial_fen) AS initial, sum(adjustment_fen) AS adjustment, sum(final_fen) AS final
                    FROM budget_line WHERE year_id = @yearId GROUP BY category),
            a AS (SELECT category, sum(amount_fen) AS actual
                    FROM ledger_rollup WHERE year_id = @yearId AND direction = 'out' GROUP BY category),
            c(category, ord) AS (VALUES ('personnel', 1), ('public', 2), ('project', 3))
       SELECT c.category, coalesce(b.initial, 0) AS initial, coalesce(b.adjustment, 0) AS adjustment,
              coalesce(b.final, 0) AS final, coalesce(a.actual, 0) AS actual
         FROM c LEFT JOIN b ON b.category = c.category LEFT JOIN a ON a.category = c.category ORDER BY c.ord`,
    )
    .all({ yearId }) as AmountRow[];
  return rows.map((r) => ({
    category: r.category,
    initialFen: r.initial,
    adjustmentFen: r.adjustment,
    finalFen: r.final,
    actualFen: r.actual,
  }));
}

export function listProjects(db: Db, yearId: number): Project[] {
  return db
    .prepare(
      `SELECT id, year_id AS yearId, unit_id AS unitId, code, name, description FROM project
        WHERE year_id = ? ORDER BY sort_order, id`,
    )
    .all(yearId) as Project[];
}

export function getProject(db: Db, id: number): Project | null {
  return (
    (db
      .prepare('SELECT id, year_id AS yearId, unit_id AS unitId, code, name, description FROM project WHERE id = ?')
      .get(id) as Project | undefined) ?? null
  );
}

export function findProjectByName(db: Db, yearId: number, name: string): Project | null {
  return (
    (db.prepare('SELECT id, year_id AS yearId, unit_id AS unitId, code, name, description FROM project WHERE year_id = ? AND name = ?').get(yearId, name) as
      | Project
      | undefined) ?? null
  );
}

export function insertProject(db: Db, p: Omit<ProjectInput, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO project (year_id, unit_id, code, name, description, sort_order)
         VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM project WHERE year_id = ?))`,
      )
      .run(p.yearId, p.unitId, p.code, p.name, p.description, p.yearId).lastInsertRowid,
  );
}

export function updateProject(db: Db, id: number, p: Omit<ProjectInput, 'id'>): void {
  db.prepare('UPDATE project SET unit_id = ?, code = ?, name = ?, description = ? WHERE id = ?').run(
    p.unitId,
    p.code,
    p.name,
    p.description,
    id,
  );
}

export function deleteProject(db: Db, id: number): void {
  db.prepare('DELETE FROM project WHERE id = ?').run(id);
}

/** The year's 调整后预算 over all its lines. */
export function budgetFinalFen(db: Db, yearId: number): number {
  return (db.prepare('SELECT coalesce(sum(final_fen), 0) AS s FROM budget_line WHERE year_id = ?').get(yearId) as { s: number }).s;
}
