import type { Category, FundingSource } from '../../../shared/domain/enums.ts';
import { type Db, openDatabase } from '../open.ts';

export interface StoredSection {
  key: string;
  body: string;
  updatedAt: string;
}

export function listSections(db: Db, yearId: number): StoredSection[] {
  return db
    .prepare('SELECT section_key AS key, body, updated_at AS updatedAt FROM report_section WHERE year_id = ? ORDER BY section_key')
    .all(yearId) as StoredSection[];
}

export function getSection(db: Db, yearId: number, key: string): StoredSection | null {
  return (
    (db
      .prepare('SELECT section_key AS key, body, updated_at AS updatedAt FROM report_section WHERE year_id = ? AND section_key = ?')
      .get(yearId, key) as StoredSection | undefined) ?? null
  );
}

export function upsertSection(db: Db, yearId: number, key: string, body: string): void {
  db.prepare(
    `INSERT INTO report_section (year_id, section_key, body, generated) VALUES (?, ?, ?, 0)
     ON CONFLICT (year_id, section_key) DO UPDATE SET body = excluded.body, generated = 0,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(yearId, key, body);
}

export function deleteSection(db: Db, yearId: number, key: string): void {
  db.prepare('DELETE FROM report_section WHERE year_id = ? AND section_key = ?').run(yearId, key);
}

export interface StoredSignature {
  unitHead: string;
  financeHead: string;
  preparer: string;
  phone: string;
  sealingUnit: string;
  reportDate: string | null;
  printNames: boolean;
}

export function getSignature(db: Db, yearId: number): StoredSignature | null {
  const row = db
    .prepare(
      `SELECT unit_head AS unitHead, finance_head AS financeHead, preparer, phone, sealing_unit AS sealingUnit,
              report_date AS reportDate, print_names AS printNames FROM signature_block WHERE year_id = ?`,
    )
    .get(yearId) as (Omit<StoredSignature, 'printNames'> & { printNames: number }) | undefined;
  return row ? { ...row, printNames: row.printNames === 1 } : null;
}

export function upsertSignature(db: Db, yearId: number, s: StoredSignature): void {
  db.prepare(
    `INSERT INTO signature_block (year_id, unit_head, finance_head, preparer, phone, sealing_unit, report_date, print_names)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (year_id) DO UPDATE SET unit_head = excluded.unit_head, finance_head = excluded.finance_head,
       preparer = excluded.preparer, phone = excluded.phone, sealing_unit = excluded.sealing_unit,
       report_date = excluded.report_date, print_names = excluded.print_names`,
  ).run(yearId, s.unitHead, s.financeHead, s.preparer, s.phone, s.sealingUnit, s.reportDate, s.printNames ? 1 : 0);
}

export interface SnapshotInfo {
  id: number;
  format: 'pdf' | 'xlsx' | 'docx';
  sha256: string;
  createdAt: string;
  reopenedAt: string | null;
  reopenReason: string | null;
  size: number;
}

export function insertSnapshot(db: Db, yearId: number, format: SnapshotInfo['format'], sha256: string, bytes: Buffer): number {
  return Number(
    db.prepare('INSERT INTO report_snapshot (year_id, format, sha256, bytes) VALUES (?, ?, ?, ?)').run(yearId, format, sha256, bytes).lastInsertRowid,
  );
}

export function listSnapshots(db: Db, yearId: number): SnapshotInfo[] {
  return db
    .prepare(
      `SELECT id, format, sha256, created_at AS createdAt, reopened_at AS reopenedAt, reopen_reason AS reopenReason,
              length(bytes) AS size FROM report_snapshot WHERE year_id = ? ORDER BY id DESC`,
    )
    .all(yearId) as SnapshotInfo[];
}

export function snapshotBytes(db: Db, id: number): Buffer | null {
  const r = db.prepare('SELECT bytes FROM report_snapshot WHERE id = ?').get(id) as { bytes: Buffer } | undefined;
  return r?.bytes ?? null;
}

export function markSnapshotsReopened(db: Db, yearId: number, reason: string): void {
  db.prepare(
    `UPDATE report_snapshot SET reopened_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), reopen_reason = ?
      WHERE year_id = ? AND reopened_at IS NULL`,
  ).run(reason, yearId);
}

export function setYearStatus(db: Db, yearId: number, status: 'draft' | 'final'): void {
  db.prepare(
    `UPDATE fiscal_year SET status = ?, finalized_at = CASE WHEN ? = 'final' THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE NULL END
      WHERE id = ?`,
  ).run(status, status, yearId);
}

export interface ExpenseDetailRecord {
  txn_date: string;
  voucher_no: string;
  unit_name: string;
  summary: string;
  counterparty: string;
  funding_source: FundingSource;
  category: Category;
  project_name: string;
  econ_code: string;
  amount_fen: number;
}

const EXPENSE_DETAIL_SQL = `SELECT t.txn_date, t.voucher_no, u.name AS unit_name, t.summary, t.counterparty, t.funding_source, t.category,
              coalesce(p.name, '') AS project_name, t.econ_code, t.amount_fen
         FROM ledger_txn t JOIN unit u ON u.id = t.unit_id LEFT JOIN project p ON p.id = t.project_id
        WHERE t.year_id = ? AND t.direction = 'out' ORDER BY t.txn_date, t.id`;

/**
 * The year's spending in date order, for the Excel report's 支出明细 sheet, one row at a time.
 * A file database is read on a read-only connection of its own: its cursor stays open while the
 * export yields to the event loop, which the app's connection could not allow (better-sqlite3
 * refuses other statements while a cursor is open), it reads one consistent snapshot, and its
 * sort spills to a temporary file instead of holding a million rows in memory (the app's
 * connection keeps temp_store = MEMORY).
 */
export function* expenseDetailRows(db: Db, yearId: number): Generator<ExpenseDetailRecord> {
  // A read-only connection (from withReadSnapshot) is already one of the export's own.
  const own = db.memory || db.readonly ? null : openDatabase(db.name, { readonly: true });
  try {
    (own ?? db).pragma('temp_store = FILE');
    yield* (own ?? db).prepare(EXPENSE_DETAIL_SQL).iterate(yearId) as IterableIterator<ExpenseDetailRecord>;
  } finally {
    own?.close();
  }
}

/**
 * Runs `read` on a read-only connection of its own to a file database (the same connection for
 * an in-memory one): everything it reads comes from one snapshot and fills one page cache. The
 * Excel export builds its report figures and streams 支出明细 through it, so a million-row year
 * is not cached twice (better-sqlite3 gives every connection a 16 MB page cache).
 */
export async function withReadSnapshot<T>(db: Db, read: (snapshot: Db) => Promise<T>): Promise<T> {
  if (db.memory) return read(db);
  const snapshot = openDatabase(db.name, { readonly: true });
  try {
    // SQLite's own default cache (2 MB), not better-sqlite3's 16 MB: the export reads the ledger
    // once, in index order, so a bigger cache would only hold pages it never revisits.
    snapshot.pragma('cache_size = -2000');
    return await read(snapshot);
  } finally {
    snapshot.close();
  }
}
