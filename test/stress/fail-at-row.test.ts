import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../electron/db/open.ts';
import { configureImportWorker } from '../../electron/import/run-parse.ts';
import { commitImport, undoImport } from '../../electron/services/import-service.ts';
import type { CommitResult } from '../../shared/import/schemas.ts';
import { AppError } from '../../shared/api/app-error.ts';
import { type ImportTestDb, openImportTestDb } from '../integration/import/import-db.ts';
import { contentHash } from '../integration/reliability/fixtures/databases.ts';
import { budgetRows, ledgerRows, type SheetFormat, type SheetRows, writeSheet } from './generated-sheets.ts';
import { STRESS_FULL, STRESS_TEST_TIMEOUT_MS } from './kill-harness.ts';
import { parseWorkerBundle } from './worker-bundle.ts';

// Fail-at-row-k (issue #7 §1, reliability-notes §5.1, after SQLite's own I/O-error loop): for each
// import path, the commit is run again and again with a fault injected at write number k = 1, 2, …
// until a run gets through. The fault is a JavaScript exception thrown from a SQL function that
// TEMP triggers on the import's own write connection call before every INSERT, UPDATE and DELETE
// of the tables an import writes — so it fires at every row position (the batch row, each ledger
// row or budget line, each project created, the batch's final figures, the audit entry) without
// any test switch in production code: the test only passes the service its `openWriter` hook.
// After every failed run the data file's content (every row of every table, AUTOINCREMENT
// counters) must be exactly what it was, with no batch left behind.

const LEDGER_ROWS = STRESS_FULL ? 60 : 12;
const BUDGET_ROWS = STRESS_FULL ? 30 : 8;
const WRITE_TABLES = ['import_batch', 'ledger_txn', 'budget_line', 'project', 'audit_log', 'mapping_profile'];

interface Fault {
  failAt: number;
  writes: number;
}

function openFaultyWriter(file: string, fault: Fault): Db {
  const w = openDatabase(file);
  w.function('selfeval_fault_tick', () => {
    fault.writes++;
    if (fault.writes === fault.failAt) throw new Error(`injected fault at write ${fault.failAt}`);
    return 0;
  });
  for (const table of WRITE_TABLES) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      w.exec(`CREATE TEMP TRIGGER fault_${table}_${op.toLowerCase()} BEFORE ${op} ON main.${table} BEGIN SELECT selfeval_fault_tick(); END`);
    }
  }
  return w;
}

function state(db: Db): string {
  const seq = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'sqlite_sequence'").get() as { n: number };
  const counters = seq.n > 0 ? JSON.stringify(db.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name').all()) : '';
  return `${contentHash(db)}|${counters}`;
}

function fileSha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

interface ImportPath {
  name: string;
  target: 'ledger' | 'budget';
  format: SheetFormat;
  /** Rows imported before, so the faulted import also meets duplicates and existing projects. */
  earlier: SheetRows;
  rows: SheetRows;
}

function paths(): ImportPath[] {
  const out: ImportPath[] = [];
  for (const format of ['csv-gbk', 'xlsx', 'xls'] as const) {
    const earlierLedger = ledgerRows(`P${format}`, 10, { projects: true });
    // Three rows of the earlier file again: they must be counted as duplicates, not written.
    out.push({
      name: `ledger ${format}`,
      target: 'ledger',
      format,
      earlier: earlierLedger,
      rows: [...ledgerRows(`F${format}`, LEDGER_ROWS, { projects: true }), ...earlierLedger.slice(4, 7)],
    });
    const earlierBudget = budgetRows(`Q${format}`, 6);
    out.push({
      name: `budget ${format}`,
      target: 'budget',
      format,
      earlier: earlierBudget,
      rows: [...budgetRows(`G${format}`, BUDGET_ROWS), ...earlierBudget.slice(3, 5)],
    });
  }
  return out;
}

let t: ImportTestDb;
beforeAll(async () => {
  configureImportWorker(await parseWorkerBundle());
  t = openImportTestDb();
});
afterAll(() => t.close());

const tally = { paths: 0, runs: 0, failedRuns: 0, changedOnFailure: 0, fileChangedOnFailure: 0, maxWrites: 0 };

describe('a fault at any write of an import leaves the data file unchanged', () => {
  it.each(paths().map((p) => [p.name, p] as const))(
    '%s',
    async (name, p) => {
      const base = join(t.dir, name.replace(/\W+/g, '-'));
      const earlier = writeSheet(`${base}-earlier`, p.earlier, p.format);
      await commitImport(t.db, { filePath: earlier, yearId: t.yearId, unitId: t.unitId, target: p.target }, { inProcess: true });
      const filePath = writeSheet(base, p.rows, p.format);
      const options = { filePath, yearId: t.yearId, unitId: t.unitId, target: p.target };
      const dataFile = t.db.name;
      const problems: string[] = [];
      const attempt = async (mode: 'in-process' | 'worker', k: number): Promise<number | null> => {
        const before = state(t.db);
        const beforeFile = fileSha(dataFile);
        const fault: Fault = { failAt: k, writes: 0 };
        const outcome = await commitImport(t.db, options, {
          inProcess: mode === 'in-process',
          openWriter: (f) => openFaultyWriter(f, fault),
        }).catch((e: unknown) => e);
        tally.runs++;
        if (outcome instanceof Error) {
          tally.failedRuns++;
          if (!(outcome instanceof AppError)) problems.push(`k=${k} (${mode}): not an AppError: ${String(outcome)}`);
          if (state(t.db) !== before) {
            tally.changedOnFailure++;
            problems.push(`k=${k} (${mode}): content changed`);
          }
          if (fileSha(dataFile) !== beforeFile) tally.fileChangedOnFailure++;
          return null;
        }
        const result = outcome as CommitResult;
        const expectedRows = p.target === 'ledger' ? LEDGER_ROWS : BUDGET_ROWS;
        if (result.accounting.rowsImported !== expectedRows) problems.push(`${mode}: imported ${result.accounting.rowsImported}`);
        if (result.accounting.rowsDuplicate < 2) problems.push(`${mode}: only ${result.accounting.rowsDuplicate} duplicates`);
        // Undone, so the next run imports the same file again (a reverted batch does not block it).
        undoImport(t.db, result.batchId);
        return fault.writes;
      };
      // In-process for every k until a run gets through: that run's k is one past the import's
      // number of writes. Then through the capped worker (a different error path: the worker is
      // still running when the main thread fails): every k in the full profile, the first, a
      // middle and the last in the small one — and one past the last must get through.
      let total: number | null = null;
      for (let k = 1; total === null && k < 100_000; k++) {
        const writes = await attempt('in-process', k);
        if (writes !== null) {
          total = k - 1;
          if (writes !== total) problems.push(`${writes} writes counted, ${total} faults injected`);
        }
      }
      if (total === null) throw new Error('the import never got through');
      tally.maxWrites = Math.max(tally.maxWrites, total);
      const workerKs = STRESS_FULL ? Array.from({ length: total }, (_, i) => i + 1) : [1, Math.ceil(total / 2), total];
      for (const k of workerKs) if ((await attempt('worker', k)) !== null) problems.push(`worker: k=${k} got through`);
      if ((await attempt('worker', total + 1)) !== total) problems.push(`worker: k=${total + 1} did not get through with ${total} writes`);
      tally.paths++;
      expect(problems).toEqual([]);
    },
    STRESS_TEST_TIMEOUT_MS,
  );

  it('prints the tally', () => {
    console.log(
      `FAILAT paths=${tally.paths} runs=${tally.runs} failed_runs=${tally.failedRuns} changed_on_failure=${tally.changedOnFailure} data_file_bytes_changed_on_failure=${tally.fileChangedOnFailure} max_writes_per_import=${tally.maxWrites}`,
    );
    expect(tally.changedOnFailure).toBe(0);
    expect(tally.fileChangedOnFailure).toBe(0);
  });
});
