import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/db/open.ts';
import type { Db } from '../../electron/db/open.ts';
import { buildExampleDb, removeTempDirs, tempDir } from '../integration/reliability/fixtures/databases.ts';
import { appWouldStart, inspectFile } from './inspect.ts';
import { type ChildRun, randomDelay, reportedCommits, runKillCampaign, STRESS_FULL, STRESS_TEST_TIMEOUT_MS, killsPerOperation } from './kill-harness.ts';

// Stand-in for import commits until the import engine lands: batches of ledger transactions
// through the service layer, one transaction per batch (10 000 rows in the full run). After every
// kill each batch is wholly there with its marker, or wholly absent; every batch the child reported
// committed is there; the rollup and the audit log agree with the transactions.

const BATCH = STRESS_FULL ? 10_000 : 2_000;
const MAX_DELAY_MS = STRESS_FULL ? 8_000 : 1_500;
const FRESH_FILE_EVERY = 5;

interface BatchState {
  markers: Map<number, number>;
  counts: Map<number, number>;
  rollupMatches: boolean;
  auditMatches: boolean;
}

function readBatches(db: Db): BatchState {
  const markers = new Map<number, number>();
  for (const r of db.prepare("SELECT key, value_json FROM app_setting WHERE key LIKE 'stress.batch.%'").all() as Array<{ key: string; value_json: string }>) {
    markers.set(Number(r.key.slice('stress.batch.'.length)), Number(JSON.parse(r.value_json)));
  }
  const counts = new Map<number, number>();
  const rows = db
    .prepare("SELECT CAST(substr(voucher_no, 2, instr(voucher_no, '-') - 2) AS INTEGER) AS b, count(*) AS n FROM ledger_txn WHERE voucher_no GLOB 'S[0-9]*-*' GROUP BY b")
    .all() as Array<{ b: number; n: number }>;
  for (const r of rows) counts.set(r.b, r.n);
  const sums = db
    .prepare(
      `SELECT (SELECT coalesce(sum(amount_fen), 0) FROM ledger_txn) AS txn, (SELECT coalesce(sum(amount_fen), 0) FROM ledger_rollup) AS rollup,
              (SELECT count(*) FROM ledger_txn) AS n, (SELECT coalesce(sum(txn_count), 0) FROM ledger_rollup) AS rn,
              (SELECT count(*) FROM audit_log WHERE entity = 'ledger_txn' AND action = 'create') AS audits`,
    )
    .get() as { txn: number; rollup: number; n: number; rn: number; audits: number };
  return { markers, counts, rollupMatches: sums.txn === sums.rollup && sums.n === sums.rn, auditMatches: sums.audits === sums.n };
}

afterAll(removeTempDirs);

describe('kill during a write transaction (import stand-in)', () => {
  it(
    'leaves every batch whole or absent and loses no committed batch',
    async () => {
      const dir = tempDir();
      const base = join(dir, 'base.db');
      await buildExampleDb(base);
      let file = '';
      let nextBatch = 1;
      const tally = await runKillCampaign({
        operation: 'write-txn',
        kills: killsPerOperation(),
        prepare(i) {
          if (i % FRESH_FILE_EVERY === 0) {
            if (file) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
            file = join(dir, `live-${i}.db`);
            copyFileSync(base, file);
            nextBatch = 1;
          }
          return { file, batchSize: BATCH, firstBatch: nextBatch };
        },
        delayMs: () => randomDelay(20, MAX_DELAY_MS),
        verify(args, run: ChildRun) {
          const seen = inspectFile(args.file, readBatches);
          const s = seen.result;
          const problems: string[] = [];
          for (const [b, n] of s.counts) {
            if (n !== BATCH) problems.push(`batch ${b} has ${n} rows`);
            if (!s.markers.has(b)) problems.push(`batch ${b} rows without marker`);
          }
          for (const b of s.markers.keys()) if (!s.counts.has(b)) problems.push(`marker ${b} without rows`);
          if (!s.rollupMatches) problems.push('ledger_rollup differs from ledger_txn');
          if (!s.auditMatches) problems.push('audit_log differs from ledger_txn');
          const reported = reportedCommits(run);
          const missing = reported.filter((b) => s.counts.get(b) !== BATCH);
          nextBatch = Math.max(0, ...s.markers.keys()) + 1;
          const start = appWouldStart(args.file);
          return {
            integrityFailure: seen.problems.length > 0 || !start.ok,
            partial: problems.length > 0,
            versionBetween: seen.userVersion !== latestSchemaVersion(),
            lost: missing.length > 0,
            state: 'whole',
            counts: { batches_in_file: s.markers.size, reported_commits_checked: reported.length },
            detail: [...seen.problems, ...problems, ...missing.map((b) => `reported batch ${b} missing`), start.detail].join('; '),
          };
        },
      });
      expect(tally.problems).toEqual([]);
      expect(tally.bad).toBe(0);
      expect(tally.kills).toBe(killsPerOperation());
    },
    STRESS_TEST_TIMEOUT_MS,
  );
});
