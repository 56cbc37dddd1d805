import { AppError } from '../../../shared/api/app-error.ts';
import type { YearDocument } from '../../../shared/domain/year-document.ts';
import type { Db } from '../open.ts';

type Cell = string | number | null | { base64: string };
type Row = Record<string, Cell>;

interface TableSpec {
  table: string;
  /** SQL selecting the year's rows, with parameters @yearId and @departmentId. */
  select: string;
  /** Columns that reference another exported table's id. */
  refs: Record<string, string>;
  /** How an imported row finds an existing row instead of inserting (department and units). */
  matchBy?: string[];
}

// Order matters: a table comes after every table it references. Self-references (indicator.parent_id)
// are satisfied by exporting parents first (ORDER BY level).
const TABLES: TableSpec[] = [
  // One department per data file: an imported year joins the department already there.
  { table: 'department', select: 'SELECT * FROM department WHERE id = @departmentId', refs: {}, matchBy: [] },
  { table: 'unit', select: 'SELECT * FROM unit WHERE department_id = @departmentId ORDER BY id', refs: { department_id: 'department' }, matchBy: ['department_id', 'name'] },
  { table: 'fiscal_year', select: 'SELECT * FROM fiscal_year WHERE id = @yearId', refs: { department_id: 'department' } },
  { table: 'department_profile', select: 'SELECT * FROM department_profile WHERE year_id = @yearId', refs: { year_id: 'fiscal_year' } },
  { table: 'work_area', select: 'SELECT * FROM work_area WHERE year_id = @yearId ORDER BY id', refs: { year_id: 'fiscal_year' } },
  {
    table: 'work_task',
    select: 'SELECT t.* FROM work_task t JOIN work_area a ON a.id = t.area_id WHERE a.year_id = @yearId ORDER BY t.id',
    refs: { area_id: 'work_area' },
  },
  {
    table: 'task_measure',
    select:
      'SELECT m.* FROM task_measure m JOIN work_task t ON t.id = m.task_id JOIN work_area a ON a.id = t.area_id WHERE a.year_id = @yearId ORDER BY m.id',
    refs: { task_id: 'work_task' },
  },
  { table: 'project', select: 'SELECT * FROM project WHERE year_id = @yearId ORDER BY id', refs: { year_id: 'fiscal_year', unit_id: 'unit' } },
  {
    table: 'project_indicator',
    select: 'SELECT i.* FROM project_indicator i JOIN project p ON p.id = i.project_id WHERE p.year_id = @yearId ORDER BY i.id',
    refs: { project_id: 'project' },
  },
  {
    table: 'project_eval',
    select: 'SELECT e.* FROM project_eval e JOIN project p ON p.id = e.project_id WHERE p.year_id = @yearId ORDER BY e.project_id',
    refs: { project_id: 'project' },
  },
  { table: 'project_eval_rules', select: 'SELECT * FROM project_eval_rules WHERE year_id = @yearId', refs: { year_id: 'fiscal_year' } },
  {
    table: 'import_batch',
    select: 'SELECT *, NULL AS profile_id FROM import_batch WHERE year_id = @yearId ORDER BY id',
    refs: { year_id: 'fiscal_year', unit_id: 'unit' },
  },
  {
    table: 'budget_line',
    select: 'SELECT * FROM budget_line WHERE year_id = @yearId ORDER BY id',
    refs: { year_id: 'fiscal_year', unit_id: 'unit', project_id: 'project', batch_id: 'import_batch' },
  },
  {
    table: 'ledger_txn',
    select: 'SELECT * FROM ledger_txn WHERE year_id = @yearId ORDER BY id',
    refs: { year_id: 'fiscal_year', unit_id: 'unit', project_id: 'project', budget_line_id: 'budget_line', batch_id: 'import_batch' },
  },
  { table: 'procurement_summary', select: 'SELECT * FROM procurement_summary WHERE year_id = @yearId', refs: { year_id: 'fiscal_year' } },
  { table: 'procurement_item', select: 'SELECT * FROM procurement_item WHERE year_id = @yearId ORDER BY id', refs: { year_id: 'fiscal_year' } },
  { table: 'execution_target', select: 'SELECT * FROM execution_target WHERE year_id = @yearId ORDER BY quarter', refs: { year_id: 'fiscal_year' } },
  { table: 'check_explanation', select: 'SELECT * FROM check_explanation WHERE year_id = @yearId', refs: { year_id: 'fiscal_year' } },
  { table: 'framework', select: 'SELECT * FROM framework WHERE year_id = @yearId', refs: { year_id: 'fiscal_year' } },
  {
    table: 'indicator',
    select: 'SELECT i.* FROM indicator i JOIN framework f ON f.id = i.framework_id WHERE f.year_id = @yearId ORDER BY i.level, i.id',
    refs: { framework_id: 'framework', parent_id: 'indicator' },
  },
  {
    table: 'indicator_score',
    select: 'SELECT * FROM indicator_score WHERE year_id = @yearId',
    refs: { year_id: 'fiscal_year', indicator_id: 'indicator' },
  },
  { table: 'report_section', select: 'SELECT * FROM report_section WHERE year_id = @yearId', refs: { year_id: 'fiscal_year' } },
  { table: 'report_outline', select: 'SELECT * FROM report_outline WHERE year_id = @yearId', refs: { year_id: 'fiscal_year' } },
  { table: 'signature_block', select: 'SELECT * FROM signature_block WHERE year_id = @yearId', refs: { year_id: 'fiscal_year' } },
  { table: 'report_snapshot', select: 'SELECT * FROM report_snapshot WHERE year_id = @yearId ORDER BY id', refs: { year_id: 'fiscal_year' } },
];

/** Stored (non-generated) columns of a table, in order. */
function storedColumns(db: Db, table: string): string[] {
  const cols = db.prepare(`SELECT name, hidden FROM pragma_table_xinfo(?)`).all(table) as Array<{ name: string; hidden: number }>;
  return cols.filter((c) => c.hidden === 0).map((c) => c.name);
}

function encodeCell(v: unknown): Cell {
  if (Buffer.isBuffer(v)) return { base64: v.toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  return v as Cell;
}

function decodeCell(v: Cell): unknown {
  return v !== null && typeof v === 'object' ? Buffer.from(v.base64, 'base64') : v;
}

export function exportYearTables(db: Db, yearId: number, departmentId: number): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const spec of TABLES) {
    const cols = new Set(storedColumns(db, spec.table));
    const rows = db.prepare(spec.select).all({ yearId, departmentId }) as Array<Record<string, unknown>>;
    out[spec.table] = rows.map((r) => {
      const row: Row = {};
      for (const [k, v] of Object.entries(r)) if (cols.has(k)) row[k] = encodeCell(v);
      return row;
    });
  }
  return out;
}

/**
 * Inserts a year document's rows, remapping every id. Runs inside the caller's transaction.
 * Returns the new fiscal_year id.
 */
export function importYearTables(db: Db, doc: YearDocument): number {
  const idMaps = new Map<string, Map<number, number>>();
  for (const spec of TABLES) {
    const rows = doc.tables[spec.table] ?? [];
    const cols = storedColumns(db, spec.table);
    const known = new Set(cols);
    const map = new Map<number, number>();
    idMaps.set(spec.table, map);
    for (const row of rows) {
      for (const k of Object.keys(row)) {
        if (!known.has(k)) throw new AppError('VALIDATION', `年度数据文件中的表 ${spec.table} 含有未知字段 ${k}。`);
      }
      const values: Record<string, unknown> = {};
      for (const c of cols) {
        if (c === 'id' || !(c in row)) continue;
        let v = decodeCell(row[c] as Cell);
        const refTable = spec.refs[c];
        if (refTable && v !== null) {
          const mapped = idMaps.get(refTable)?.get(v as number);
          if (mapped === undefined) {
            throw new AppError('VALIDATION', `年度数据文件不完整：表 ${spec.table} 引用了不存在的 ${refTable} 记录（${String(v)}）。`);
          }
          v = mapped;
        }
        values[c] = v;
      }
      const oldId = row.id as number | undefined;
      let newId: number | undefined;
      if (spec.matchBy) {
        const where = spec.matchBy.map((c) => `${c} = ?`).join(' AND ') || '1 = 1';
        const found = db.prepare(`SELECT id FROM ${spec.table} WHERE ${where} ORDER BY id LIMIT 1`).get(...spec.matchBy.map((c) => values[c])) as
          | { id: number }
          | undefined;
        newId = found?.id;
      }
      if (newId === undefined) {
        const names = Object.keys(values);
        const r = db
          .prepare(`INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
          .run(...names.map((n) => values[n]));
        newId = Number(r.lastInsertRowid);
      }
      if (oldId !== undefined) map.set(oldId, newId);
    }
  }
  const yearIds = [...(idMaps.get('fiscal_year')?.values() ?? [])];
  if (yearIds.length !== 1) throw new AppError('VALIDATION', '年度数据文件必须恰好包含一个年度。');
  return yearIds[0]!;
}
