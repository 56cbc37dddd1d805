import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { latestSchemaVersion, openDatabase } from '../electron/db/open.ts';
import { findYear, getDepartment } from '../electron/db/repositories/organization-repo.ts';
import { loadExampleYear } from '../electron/services/example-service.ts';

// The 3,000,000-row data file of the start-up and backup cases (about five years of a busy office):
// the example office plus ledger rows generated with SQL, built once and kept in the temp folder
// (named by schema version, so a new migration builds it anew). An empty data file is the baseline.

export const ROWS_3M = 3_000_000;

export function benchDir(): string {
  const dir = join(tmpdir(), 'selfeval-bench-3m');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The cached 3M-row file (built on first use: a minute or two). */
export async function dataFile3m(): Promise<string> {
  const file = join(benchDir(), `data-v${latestSchemaVersion()}-${ROWS_3M}.db`);
  if (existsSync(file)) return file;
  // One built at an older version is brought up to date by the migrations (seconds, not minutes).
  const older = readdirSync(benchDir()).find((n) => n.endsWith(`-${ROWS_3M}.db`) && n.startsWith('data-v'));
  if (older) {
    const from = join(benchDir(), older);
    openDatabase(from).close();
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(from + suffix)) renameSync(from + suffix, file + suffix);
    return file;
  }
  const building = `${file}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(building);
  await loadExampleYear({ db, dataFile: building, appVersion: 'bench', transport: 'cli' });
  const dept = getDepartment(db)!;
  const yearId = findYear(db, dept.id, 2021)!.id;
  const unitId = (db.prepare('SELECT id FROM unit WHERE department_id = ? ORDER BY id LIMIT 1').get(dept.id) as { id: number }).id;
  db.close();
  // Generation only: one transaction, the rollback journal kept in memory. The app's own
  // connections set WAL and synchronous=FULL again when they open the file.
  const raw = new Database(building);
  raw.pragma('journal_mode = MEMORY');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  raw.transaction(() => {
    raw
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @count - 1)
         INSERT INTO ledger_txn (year_id, unit_id, txn_date, voucher_no, summary, counterparty, funding_source, category,
           func_code, econ_code, direction, amount_fen, fingerprint)
         SELECT @yearId, @unitId, printf('2021-%02d-%02d', (i % 12) + 1, (i % 28) + 1), 'B-' || i, '批量支出 第 ' || i || ' 笔 办公用品及服务',
                '某服务公司' || (i % 500), 'general_budget', 'public', '2010301', printf('302%02d', i % 30), 'out', 1000 + (i % 99997),
                hex(randomblob(16))
           FROM n`,
      )
      .run({ count: ROWS_3M, yearId, unitId });
  })();
  raw.pragma('journal_mode = WAL');
  raw.close();
  renameSync(building, file);
  return file;
}

/** A new, empty data file (migrated, no rows), in a fresh folder. */
export function emptyDataFile(): string {
  const dir = join(benchDir(), `empty-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'data.db');
  openDatabase(file).close();
  return file;
}
