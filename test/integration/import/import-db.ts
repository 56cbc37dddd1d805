import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../../electron/db/open.ts';
import { insertDepartment, insertUnit, insertYear } from '../../../electron/db/repositories/organization-repo.ts';

export interface ImportTestDb {
  db: Db;
  dir: string;
  yearId: number;
  unitId: number;
  otherUnitId: number;
  /** Closes the database and removes the temp folder. */
  close(): void;
}

/** A real migrated SQLite file in a fresh temp folder with one department, two units and 2021. */
export function openImportTestDb(): ImportTestDb {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-import-'));
  const db = openDatabase(join(dir, 'test.db'));
  const dept = insertDepartment(db, { name: '广州市番禺区某某办公室', code: '' });
  const unit = { code: '', headName: '', financeHeadName: '', preparerName: '', phone: '', sortOrder: 0 };
  const unitId = insertUnit(db, dept.id, { ...unit, name: '本级', kind: 'admin', isPrimary: true });
  const otherUnitId = insertUnit(db, dept.id, { ...unit, name: '某某服务中心', kind: 'institution', isPrimary: false });
  const yearId = insertYear(db, dept.id, 2021);
  const close = () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { db, dir, yearId, unitId, otherUnitId, close };
}

/** Row counts of the tables an import may touch: equal before and after means nothing was written. */
export function importTablesSnapshot(db: Db): string {
  return ['import_batch', 'ledger_txn', 'ledger_rollup', 'ledger_rollup_deferred', 'budget_line', 'project', 'mapping_profile', 'audit_log']
    .map((t) => `${t}:${(db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`)
    .join(',');
}

/**
 * The rows of ledger_rollup that differ from a GROUP BY over ledger_txn (imports roll up per block
 * of rows, not through the trigger), plus any batch still marked as deferring its rollup.
 */
export function rollupDrift(db: Db): unknown[] {
  const drift = db
    .prepare(
      `WITH expected AS (
         SELECT year_id, direction, unit_id, category, funding_source, coalesce(project_id, 0) AS project_key, econ_code,
                func_code, coalesce(budget_line_id, 0) AS line_key, period, sum(amount_fen) AS amount_fen, count(*) AS txn_count
           FROM ledger_txn GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
       SELECT 'missing' AS kind, * FROM (SELECT * FROM expected EXCEPT SELECT * FROM ledger_rollup)
       UNION ALL
       SELECT 'extra', * FROM (SELECT * FROM ledger_rollup EXCEPT SELECT * FROM expected)`,
    )
    .all();
  const deferred = db.prepare('SELECT batch_id FROM ledger_rollup_deferred').all();
  return [...drift, ...deferred];
}
