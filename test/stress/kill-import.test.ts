import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/db/open.ts';
import type { Db } from '../../electron/db/open.ts';
import { buildExampleDb, removeTempDirs, tempDir } from '../integration/reliability/fixtures/databases.ts';
import { appWouldStart, inspectFile } from './inspect.ts';
import { type ChildRun, killsPerOperation, randomDelay, reportedCommits, runKillCampaign, STRESS_FULL, STRESS_TEST_TIMEOUT_MS } from './kill-harness.ts';
import { parseWorkerBundle } from './worker-bundle.ts';

// SIGKILL during real imports (issue #7 §1): a child commits generated ledger files one after
// another through commitImport and the capped parse worker, printing COMMIT <batchId> after each;
// the parent kills it at a random moment. Afterwards the file passes quick_check, is at the
// current schema version, every import batch is whole (its ledger_txn rows number exactly its
// recorded rows_imported, it has its audit entry) or absent (no row points at a missing batch),
// the rollup agrees with ledger_txn, and every batch the child reported committed is there.

const ROWS = STRESS_FULL ? 3000 : 1500;
const MAX_DELAY_MS = STRESS_FULL ? 7000 : 3000;
const FRESH_FILE_EVERY = 5;

interface ImportState {
  batches: Map<number, { recorded: number; status: string }>;
  rowsByBatch: Map<number, number>;
  audits: Set<number>;
  rollupMatches: boolean;
}

function readImportState(db: Db): ImportState {
  const batches = new Map<number, { recorded: number; status: string }>();
  for (const b of db.prepare("SELECT id, rows_imported, status FROM import_batch WHERE target = 'ledger'").all() as Array<{
    id: number;
    rows_imported: number;
    status: string;
  }>) {
    batches.set(b.id, { recorded: b.rows_imported, status: b.status });
  }
  const rowsByBatch = new Map<number, number>();
  for (const r of db.prepare('SELECT batch_id AS b, count(*) AS n FROM ledger_txn WHERE batch_id IS NOT NULL GROUP BY batch_id').all() as Array<{
    b: number;
    n: number;
  }>) {
    rowsByBatch.set(r.b, r.n);
  }
  const audits = new Set(
    (db.prepare("SELECT entity_id FROM audit_log WHERE entity = 'import_batch' AND action = 'import'").all() as Array<{ entity_id: string }>).map(
      (a) => Number(a.entity_id),
    ),
  );
  const sums = db
    .prepare(
      `SELECT (SELECT coalesce(sum(amount_fen), 0) FROM ledger_txn) AS txn, (SELECT coalesce(sum(amount_fen), 0) FROM ledger_rollup) AS rollup,
              (SELECT count(*) FROM ledger_txn) AS n, (SELECT coalesce(sum(txn_count), 0) FROM ledger_rollup) AS rn`,
    )
    .get() as { txn: number; rollup: number; n: number; rn: number };
  return { batches, rowsByBatch, audits, rollupMatches: sums.txn === sums.rollup && sums.n === sums.rn };
}

afterAll(removeTempDirs);

describe('kill during imports', () => {
  it(
    'leaves every import batch whole or absent and loses no committed batch',
    async () => {
      const worker = await parseWorkerBundle();
      const dir = tempDir();
      const base = join(dir, 'base.db');
      await buildExampleDb(base);
      let file = '';
      const tally = await runKillCampaign({
        operation: 'import',
        kills: killsPerOperation('import'),
        prepare(i) {
          if (i % FRESH_FILE_EVERY === 0) {
            if (file) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
            file = join(dir, `live-${i}.db`);
            copyFileSync(base, file);
          }
          // Sequence numbers never repeat, so no file is refused as imported before.
          return { file, dir, rows: ROWS, firstSeq: i * 1000, worker };
        },
        delayMs: () => randomDelay(50, MAX_DELAY_MS),
        verify(args, run: ChildRun) {
          const seen = inspectFile(args.file, readImportState);
          const s = seen.result;
          const problems: string[] = [];
          for (const [id, b] of s.batches) {
            const n = s.rowsByBatch.get(id) ?? 0;
            if (b.status === 'committed' && n !== b.recorded) problems.push(`batch ${id} has ${n} of ${b.recorded} rows`);
            if (!s.audits.has(id)) problems.push(`batch ${id} has no audit entry`);
          }
          for (const id of s.rowsByBatch.keys()) if (!s.batches.has(id)) problems.push(`rows of missing batch ${id}`);
          for (const id of s.audits) if (!s.batches.has(id)) problems.push(`audit entry of missing batch ${id}`);
          if (!s.rollupMatches) problems.push('ledger_rollup differs from ledger_txn');
          const reported = reportedCommits(run);
          const missing = reported.filter((b) => !s.batches.has(b));
          const start = appWouldStart(args.file);
          return {
            integrityFailure: seen.problems.length > 0 || !start.ok,
            partial: problems.length > 0,
            versionBetween: seen.userVersion !== latestSchemaVersion(),
            lost: missing.length > 0,
            state: reportedCommits(run).length > 0 ? 'after_commits' : 'first_commit',
            counts: { batches_in_file: s.batches.size, reported_commits_checked: reported.length },
            detail: [...seen.problems, ...problems, ...missing.map((b) => `reported batch ${b} missing`), start.detail].join('; '),
          };
        },
      });
      console.log(`KILL import kills=${tally.kills} integrity_failures=${tally.integrityFailures} partial_batches=${tally.partial} lost=${tally.lost}`);
      expect(tally.problems).toEqual([]);
      expect(tally.bad).toBe(0);
      expect(tally.kills).toBe(killsPerOperation('import'));
    },
    STRESS_TEST_TIMEOUT_MS,
  );
});
