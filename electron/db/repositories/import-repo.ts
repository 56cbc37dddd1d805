import type { Category, FundingSource } from '../../../shared/domain/enums.ts';
import type { AmountScale } from '../../../shared/import/amount-scale.ts';
import type { ImportField, ImportTarget } from '../../../shared/import/fields.ts';
import type { BudgetRow, ImportBatch, LedgerRow, MappingProfile } from '../../../shared/import/schemas.ts';
import type { Db } from '../open.ts';
import { storedBudgetSource } from './budget-source.ts';

// Every SQL statement of the import: batches, staged rows, the final inserts, undo and mapping
// profiles. The service decides; this file only reads and writes.

interface BatchRow {
  id: number;
  year_id: number;
  unit_id: number | null;
  target: ImportTarget;
  file_name: string;
  file_sha256: string;
  file_size: number;
  file_format: string;
  sheet_name: string;
  header_row: number | null;
  amount_scale: AmountScale;
  profile_id: number | null;
  rows_read: number;
  rows_imported: number;
  rows_duplicate: number;
  rows_rejected: number;
  rows_skipped_layout: number;
  outflow_fen: number;
  inflow_fen: number;
  date_from: string | null;
  date_to: string | null;
  report_json: string;
  status: 'committed' | 'reverted';
  created_at: string;
  reverted_at: string | null;
}

const toBatch = (r: BatchRow): ImportBatch => ({
  id: r.id,
  yearId: r.year_id,
  unitId: r.unit_id,
  target: r.target,
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  fileSize: r.file_size,
  fileFormat: r.file_format,
  sheetName: r.sheet_name,
  headerRow: r.header_row,
  amountScale: r.amount_scale,
  profileId: r.profile_id,
  rowsRead: r.rows_read,
  rowsImported: r.rows_imported,
  rowsDuplicate: r.rows_duplicate,
  rowsRejected: r.rows_rejected,
  rowsSkippedLayout: r.rows_skipped_layout,
  outflowFen: r.outflow_fen,
  inflowFen: r.inflow_fen,
  dateFrom: r.date_from,
  dateTo: r.date_to,
  status: r.status,
  createdAt: r.created_at,
  revertedAt: r.reverted_at,
});

export function getBatch(db: Db, id: number): (ImportBatch & { reportJson: string }) | null {
  const r = db.prepare('SELECT * FROM import_batch WHERE id = ?').get(id) as BatchRow | undefined;
  return r ? { ...toBatch(r), reportJson: r.report_json } : null;
}

export function listBatches(db: Db, yearId: number): ImportBatch[] {
  const rows = db.prepare('SELECT * FROM import_batch WHERE year_id = ? ORDER BY id DESC').all(yearId) as BatchRow[];
  return rows.map(toBatch);
}

/** The earlier, not reverted import of the same file for the same target, if any. */
export function findCommittedBatchBySha(
  db: Db,
  sha256: string,
  target: ImportTarget,
): { id: number; createdAt: string; yearId: number } | null {
  const r = db
    .prepare(
      `SELECT id, created_at AS createdAt, year_id AS yearId FROM import_batch
        WHERE file_sha256 = ? AND status = 'committed' AND target = ? ORDER BY id LIMIT 1`,
    )
    .get(sha256, target) as { id: number; createdAt: string; yearId: number } | undefined;
  return r ?? null;
}

/** Everything the batch row records at the start; counts and totals follow in finishBatch. */
export interface NewBatch {
  yearId: number;
  unitId: number;
  target: ImportTarget;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  fileFormat: string;
  sheetName: string;
  headerRow: number;
  amountScale: AmountScale;
  profileId: number | null;
}

export function insertBatch(db: Db, b: NewBatch): number {
  return Number(
    db
      .prepare(
        `INSERT INTO import_batch (year_id, unit_id, target, file_name, file_sha256, file_size, file_format, sheet_name,
                                   header_row, amount_scale, profile_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        b.yearId,
        b.unitId,
        b.target,
        b.fileName,
        b.fileSha256,
        b.fileSize,
        b.fileFormat,
        b.sheetName,
        b.headerRow,
        b.amountScale,
        b.profileId,
      ).lastInsertRowid,
  );
}

export interface BatchOutcome {
  sheetName: string;
  rowsRead: number;
  rowsImported: number;
  rowsDuplicate: number;
  rowsRejected: number;
  rowsSkippedLayout: number;
  outflowFen: number;
  inflowFen: number;
  dateFrom: string | null;
  dateTo: string | null;
  reportJson: string;
}

/** Records the outcome; the table's CHECK enforces that the row accounting closes. */
export function finishBatch(db: Db, id: number, o: BatchOutcome): void {
  db.prepare(
    `UPDATE import_batch SET sheet_name = ?, rows_read = ?, rows_imported = ?, rows_duplicate = ?, rows_rejected = ?,
            rows_skipped_layout = ?, outflow_fen = ?, inflow_fen = ?, date_from = ?, date_to = ?, report_json = ?
      WHERE id = ?`,
  ).run(
    o.sheetName,
    o.rowsRead,
    o.rowsImported,
    o.rowsDuplicate,
    o.rowsRejected,
    o.rowsSkippedLayout,
    o.outflowFen,
    o.inflowFen,
    o.dateFrom,
    o.dateTo,
    o.reportJson,
    id,
  );
}

export function markBatchReverted(db: Db, id: number): string {
  const r = db
    .prepare(
      `UPDATE import_batch SET status = 'reverted', reverted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        WHERE id = ? RETURNING reverted_at AS revertedAt`,
    )
    .get(id) as { revertedAt: string };
  return r.revertedAt;
}

export function deleteBatchRows(db: Db, batchId: number, target: ImportTarget): number {
  const table = target === 'ledger' ? 'ledger_txn' : 'budget_line';
  return db.prepare(`DELETE FROM ${table} WHERE batch_id = ?`).run(batchId).changes;
}

// --- projects -------------------------------------------------------------------------------

export function projectIdsByName(db: Db, yearId: number): Map<string, number> {
  const rows = db.prepare('SELECT id, name FROM project WHERE year_id = ?').all(yearId) as Array<{ id: number; name: string }>;
  return new Map(rows.map((r) => [r.name, r.id]));
}

export function insertImportedProject(db: Db, yearId: number, unitId: number, name: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO project (year_id, unit_id, name, sort_order)
         VALUES (?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM project WHERE year_id = ?))`,
      )
      .run(yearId, unitId, name, yearId).lastInsertRowid,
  );
}

/** Deletes those of the given projects nothing refers to any more; returns how many went. */
export function deleteUnusedProjects(db: Db, ids: readonly number[]): number {
  const del = db.prepare(
    `DELETE FROM project WHERE id = ?
        AND NOT EXISTS (SELECT 1 FROM ledger_txn WHERE project_id = project.id)
        AND NOT EXISTS (SELECT 1 FROM budget_line WHERE project_id = project.id)
        AND NOT EXISTS (SELECT 1 FROM project_indicator WHERE project_id = project.id)`,
  );
  let n = 0;
  for (const id of ids) n += del.run(id).changes;
  return n;
}

// --- duplicates -----------------------------------------------------------------------------

export interface FingerprintHits {
  count: number;
  batchId: number | null;
}

/**
 * Rows of the year and unit with this date and fingerprint, outside batch `excludeBatchId`. The
 * fingerprint already includes the date; the date is what the index (migration 0013) leads with.
 */
export function ledgerFingerprintCounter(db: Db, yearId: number, unitId: number, excludeBatchId: number | null) {
  const stmt = db.prepare(
    `SELECT count(*) AS count, min(batch_id) AS batchId FROM ledger_txn
      WHERE year_id = ? AND txn_date = ? AND fingerprint = ? AND unit_id = ? AND batch_id IS NOT ?`,
  );
  return (row: { date: string; fingerprint: string }): FingerprintHits =>
    stmt.get(yearId, row.date, row.fingerprint, unitId, excludeBatchId ?? -1) as FingerprintHits;
}

export interface ExistingBudgetLine {
  batchId: number | null;
  fundingSource: FundingSource;
  category: Category;
  projectName: string;
  funcCode: string;
  econCode: string;
  docNo: string;
  initialFen: number;
  adjustmentFen: number;
}

export function existingBudgetLines(db: Db, yearId: number, unitId: number, excludeBatchId: number | null): ExistingBudgetLine[] {
  return db
    .prepare(
      `SELECT b.batch_id AS batchId, b.budget_source AS fundingSource, b.category, coalesce(p.name, '') AS projectName,
              b.func_code AS funcCode, b.econ_code AS econCode, b.doc_no AS docNo, b.initial_fen AS initialFen,
              b.adjustment_fen AS adjustmentFen
         FROM budget_line b LEFT JOIN project p ON p.id = b.project_id
        WHERE b.year_id = ? AND b.unit_id = ? AND b.batch_id IS NOT ?`,
    )
    .all(yearId, unitId, excludeBatchId ?? -1) as ExistingBudgetLine[];
}

// --- staging --------------------------------------------------------------------------------
// Each arriving block of parsed ledger rows goes through a connection-private TEMP table, so it
// reaches ledger_txn in one set-based INSERT … SELECT: row-by-row inserts into ledger_txn cost
// more per row (a statement, its journal and its foreign-key checks each). The block's rollup
// follows in one grouped upsert (migration 0003: the insert trigger skips deferred batches).

let stageCounter = 0;

export interface LedgerStage {
  /**
   * Replaces the staged rows with `rows`, in order, leaving out the indexes in `skip`;
   * `projectIds[i]` is row i's project.
   */
  load(rows: readonly LedgerRow[], projectIds: readonly (number | null)[], skip: ReadonlySet<number>): void;
  /**
   * Moves the staged rows into ledger_txn in one statement (file order), then adds them to
   * ledger_rollup grouped. Returns the number of rows written.
   */
  write(): number;
  /** Ends the deferred rollup: call before the transaction commits. */
  finish(): void;
  drop(): void;
}

/**
 * The staging table of one import batch. Defers the batch's rollup (migration 0003) until
 * finish(), so rows this stage writes are rolled up by write() and by nothing else.
 */
export function createLedgerStage(db: Db, ctx: LedgerInsertContext): LedgerStage {
  const name = `import_stage_${process.pid}_${++stageCounter}`;
  db.exec(
    `CREATE TEMP TABLE ${name} (seq INTEGER PRIMARY KEY, sheet TEXT, source_row INTEGER, txn_date TEXT, direction TEXT,
       amount_fen INTEGER, voucher_no TEXT, summary TEXT, counterparty TEXT, serial_no TEXT, funding_source TEXT,
       category TEXT, func_code TEXT, econ_code TEXT, project_id INTEGER, fingerprint TEXT)`,
  );
  db.prepare('INSERT INTO ledger_rollup_deferred (batch_id) VALUES (?)').run(ctx.batchId);
  const clear = db.prepare(`DELETE FROM temp.${name}`);
  const stage = db.prepare(
    `INSERT INTO temp.${name} (seq, sheet, source_row, txn_date, direction, amount_fen, voucher_no, summary, counterparty,
       serial_no, funding_source, category, func_code, econ_code, project_id, fingerprint)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lastId = db.prepare('SELECT coalesce(max(id), 0) FROM ledger_txn').pluck();
  // created_at is the batch's, read once per block: the column's default formats the clock
  // (strftime) for every row.
  const insert = db.prepare(
    `INSERT INTO ledger_txn (year_id, unit_id, txn_date, voucher_no, summary, counterparty, serial_no, funding_source,
       category, func_code, econ_code, project_id, direction, amount_fen, batch_id, source_file, source_sheet, source_row,
       fingerprint, created_at)
     SELECT @yearId, @unitId, txn_date, voucher_no, summary, counterparty, serial_no, funding_source, category,
            func_code, econ_code, project_id, direction, amount_fen, @batchId, @sourceFile, sheet, source_row, fingerprint,
            (SELECT created_at FROM import_batch WHERE id = @batchId)
       FROM temp.${name}
      ORDER BY seq`,
  );
  // The row → rollup key of the trigger (migration 0002), over the rows just written.
  const rollup = db.prepare(
    `INSERT INTO ledger_rollup (year_id, direction, unit_id, category, funding_source, project_key, econ_code, func_code,
                               line_key, period, amount_fen, txn_count)
     SELECT year_id, direction, unit_id, category, funding_source, coalesce(project_id, 0), econ_code, func_code,
            coalesce(budget_line_id, 0), period, sum(amount_fen), count(*)
       FROM ledger_txn
      WHERE id > ?
      GROUP BY year_id, direction, unit_id, category, funding_source, coalesce(project_id, 0), econ_code, func_code,
               coalesce(budget_line_id, 0), period
     ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, txn_count = txn_count + excluded.txn_count`,
  );
  return {
    load(rows, projectIds, skip) {
      clear.run();
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        if (!r || skip.has(i)) continue;
        stage.run(
          i,
          r.sheet,
          r.row,
          r.date,
          r.direction,
          r.amountFen,
          r.voucherNo,
          r.summary,
          r.counterparty,
          r.serialNo,
          r.fundingSource,
          r.category,
          r.funcCode,
          r.econCode,
          projectIds[i] ?? null,
          r.fingerprint,
        );
      }
    },
    write() {
      const before = lastId.get() as number;
      const written = insert.run(ctx).changes;
      rollup.run(before);
      return written;
    },
    finish() {
      db.prepare('DELETE FROM ledger_rollup_deferred WHERE batch_id = ?').run(ctx.batchId);
    },
    drop: () => db.exec(`DROP TABLE IF EXISTS temp.${name}`),
  };
}

/**
 * Indexes (in `rows`) of the rows whose date and fingerprint already exist for the year and unit
 * outside batch `excludeBatchId`, in order.
 */
export function existingFingerprintIndexes(
  db: Db,
  rows: readonly { date: string; fingerprint: string }[],
  yearId: number,
  unitId: number,
  excludeBatchId: number,
): number[] {
  return db
    .prepare(
      `SELECT j.key FROM json_each(?) j
        WHERE EXISTS (SELECT 1 FROM ledger_txn t
                       WHERE t.year_id = ? AND t.txn_date = j.value ->> 0 AND t.fingerprint = j.value ->> 1
                         AND t.unit_id = ? AND t.batch_id IS NOT ?)
        ORDER BY j.key`,
    )
    .pluck()
    .all(JSON.stringify(rows.map((r) => [r.date, r.fingerprint])), yearId, unitId, excludeBatchId) as number[];
}

/** Whether the unit has any ledger row in the year: with none, nothing can be a duplicate. */
export function hasLedgerRows(db: Db, yearId: number, unitId: number): boolean {
  return db.prepare('SELECT 1 FROM ledger_txn WHERE year_id = ? AND unit_id = ? LIMIT 1').get(yearId, unitId) !== undefined;
}

// --- row inserts ----------------------------------------------------------------------------

export interface LedgerInsertContext {
  yearId: number;
  unitId: number;
  batchId: number;
  sourceFile: string;
}

export function budgetInserter(db: Db, ctx: { yearId: number; unitId: number; batchId: number }) {
  const stmt = db.prepare(
    `INSERT INTO budget_line (year_id, unit_id, funding_source, carry_over, category, project_id, func_code, func_name, econ_code,
       econ_name, initial_fen, adjustment_fen, doc_no, note, batch_id, source_row, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let sort = (db.prepare('SELECT coalesce(max(sort_order), 0) AS s FROM budget_line WHERE year_id = ?').get(ctx.yearId) as { s: number })
    .s;
  return (r: BudgetRow, projectId: number | null): void => {
    const source = storedBudgetSource(r.fundingSource);
    stmt.run(
      ctx.yearId,
      ctx.unitId,
      source.fundingSource,
      source.carryOver,
      r.category,
      projectId,
      r.funcCode,
      r.funcName,
      r.econCode,
      r.econName,
      r.initialFen,
      r.adjustmentFen,
      r.docNo,
      r.note,
      ctx.batchId,
      r.row,
      ++sort,
    );
  };
}

// --- mapping profiles -----------------------------------------------------------------------

interface ProfileRow {
  id: number;
  name: string;
  target: ImportTarget;
  header_signature: string;
  mapping_json: string;
  options_json: string;
  created_at: string;
  updated_at: string;
}

const toProfile = (r: ProfileRow): MappingProfile => ({
  id: r.id,
  name: r.name,
  target: r.target,
  headerSignature: r.header_signature,
  columns: (JSON.parse(r.mapping_json) as { columns?: Partial<Record<ImportField, string>> }).columns ?? {},
  options: JSON.parse(r.options_json) as MappingProfile['options'],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function upsertProfile(
  db: Db,
  p: { name: string; target: ImportTarget; headerSignature: string; columns: Partial<Record<ImportField, string>>; options: object },
): number {
  const r = db
    .prepare(
      `INSERT INTO mapping_profile (name, target, header_signature, mapping_json, options_json)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET target = excluded.target, header_signature = excluded.header_signature,
         mapping_json = excluded.mapping_json, options_json = excluded.options_json,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       RETURNING id`,
    )
    .get(p.name, p.target, p.headerSignature, JSON.stringify({ columns: p.columns }), JSON.stringify(p.options)) as {
    id: number;
  };
  return r.id;
}

export function getProfile(db: Db, id: number): MappingProfile | null {
  const r = db.prepare('SELECT * FROM mapping_profile WHERE id = ?').get(id) as ProfileRow | undefined;
  return r ? toProfile(r) : null;
}

export function getProfileByName(db: Db, name: string): MappingProfile | null {
  const r = db.prepare('SELECT * FROM mapping_profile WHERE name = ?').get(name) as ProfileRow | undefined;
  return r ? toProfile(r) : null;
}

export function listProfiles(db: Db, target?: ImportTarget): MappingProfile[] {
  const rows = (
    target
      ? db.prepare('SELECT * FROM mapping_profile WHERE target = ? ORDER BY updated_at DESC, id DESC').all(target)
      : db.prepare('SELECT * FROM mapping_profile ORDER BY updated_at DESC, id DESC').all()
  ) as ProfileRow[];
  return rows.map(toProfile);
}

export function findProfilesBySignature(db: Db, target: ImportTarget, signature: string): MappingProfile[] {
  const rows = db
    .prepare('SELECT * FROM mapping_profile WHERE header_signature = ? AND target = ? ORDER BY updated_at DESC, id DESC')
    .all(signature, target) as ProfileRow[];
  return rows.map(toProfile);
}

export function deleteProfile(db: Db, id: number): number {
  return db.prepare('DELETE FROM mapping_profile WHERE id = ?').run(id).changes;
}
