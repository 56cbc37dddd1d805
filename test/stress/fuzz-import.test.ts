import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/open.ts';
import { configureImportWorker } from '../../electron/import/run-parse.ts';
import { commitImport, undoImport } from '../../electron/services/import-service.ts';
import { AppError } from '../../shared/api/app-error.ts';
import type { CommitResult } from '../../shared/import/schemas.ts';
import { type ImportTestDb, openImportTestDb } from '../integration/import/import-db.ts';
import { type FuzzInput, hostileInputs } from './hostile-corpus.ts';
import { STRESS_FULL } from './kill-harness.ts';
import { parseWorkerBundle } from './worker-bundle.ts';

// Mutation fuzzing through the real import path (issue #7 §8, reliability-notes §5.2): every input
// is committed with commitImport into a real SQLite file, parsed by the capped worker (the bundled
// parse-worker, as the app runs it; heap and time caps lowered so a hostile file meets them).
//   main crash        an exception that is not an AppError escapes, or an uncaught error/rejection
//   unclassified hang the import did not settle within the worker's time cap plus a grace period,
//                     or was stopped at a cap without a Chinese "file rejected" message
//   write on failure  a failed import changed the data file
// Accepted imports are checked whole (rows written = rows reported) and undone. Inputs come from a
// seeded generator (SELFEVAL_FUZZ_SEED to replay); 10,000 in the full profile, 200 in npm test.

const INPUTS = Number(process.env.SELFEVAL_FUZZ_INPUTS ?? (STRESS_FULL ? 10_000 : 200));
const SEED = Number(process.env.SELFEVAL_FUZZ_SEED ?? Date.now() % 1_000_000);
// Three imports at a time: each spends much of its time starting its worker thread.
const LANES = 3;
const LIMITS = { workerHeapMb: 256, workerTimeoutMs: 20_000 };
const GRACE_MS = 20_000;
// At ~0.2–0.5 s an input (a fresh capped worker each), 10,000 inputs take 20–80 min on 2 cores.
const TIMEOUT_MS = STRESS_FULL ? 3 * 60 * 60_000 : 600_000;

interface Tally {
  inputs: number;
  mainCrashes: number;
  unclassifiedHangs: number;
  writesOnFailure: number;
  partialAccepted: number;
  accepted: number;
  rejected: Map<string, number>;
  problems: string[];
  maxMs: number;
  slowest: string;
  peakRss: number;
}

/** The kind of rejection, from the Chinese message (for the tally only; every message counts). */
function reasonOf(err: AppError): string {
  const m = err.message;
  const rules: Array<[RegExp, string]> = [
    [/超过 \d+ 秒仍未完成/, 'time_cap'],
    [/占用内存超过上限/, 'heap_cap'],
    [/后台进程意外退出/, 'worker_exit'],
    [/压缩炸弹|压缩比异常/, 'zip_bomb'],
    [/空文件/, 'empty'],
    [/密码/, 'password'],
    [/宏（VBA）/, 'macro'],
    [/已于 .* 导入过/, 'already_imported'],
    [/没有一行可以导入/, 'no_rows'],
    [/没有找到可识别的表头|表头/, 'no_header'],
    [/金额列|没有找到.*列|映射|无法导入：/, 'mapping'],
    [/超过 \d+ 行|超过 \d+ 列|超过上限|过多|超过 \d+ 个/, 'size_limit'],
    [/共享字符串/, 'shared_strings'],
    [/内部结构有误|行号异常/, 'bad_xml'],
    [/压缩结构无法读取|解压失败|无法解压|缺少部件|Office 文件结构|已损坏或格式不受支持/, 'bad_container'],
    [/中没有第 \d+ 个工作表/, 'missing_sheet'],
    [/不是电子表格|不是 Excel|Word 文档|PowerPoint|没有 Excel 工作簿|没有工作表|二进制工作簿|XML 文件/, 'not_a_spreadsheet'],
    [/没有可导入|没有数据|没有任何/, 'no_rows'],
    [/技术信息/, 'unparsable_other'],
  ];
  for (const [re, name] of rules) if (re.test(m)) return name;
  return `other:${m.replace(/文件“[^”]*”/, '').slice(0, 16)}`;
}

function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

function figures(db: Db): string {
  return ['import_batch', 'ledger_txn', 'budget_line', 'project', 'audit_log', 'ledger_rollup']
    .map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n)
    .join(',');
}

function batchWhole(db: Db, r: CommitResult): boolean {
  const table = r.target === 'ledger' ? 'ledger_txn' : 'budget_line';
  const n = (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE batch_id = ?`).get(r.batchId) as { n: number }).n;
  return n === r.accounting.rowsImported;
}

function tallyLine(tally: Tally, started: number): string {
  const seconds = (performance.now() - started) / 1000;
  const reasons = [...tally.rejected.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}:${n}`);
  return `FUZZ inputs=${tally.inputs} main_crashes=${tally.mainCrashes} unclassified_hangs=${tally.unclassifiedHangs} writes_on_failure=${tally.writesOnFailure} partial_accepted=${tally.partialAccepted} accepted=${tally.accepted} rejected_by_reason={${reasons.join(',')}} seed=${SEED} wall_s=${seconds.toFixed(0)} slowest_ms=${tally.maxMs.toFixed(0)} (${tally.slowest}) main_peak_rss_mb=${Math.round(tally.peakRss / 1048576)}`;
}

const lanes: ImportTestDb[] = [];
beforeAll(async () => {
  configureImportWorker(await parseWorkerBundle());
  for (let i = 0; i < LANES; i++) lanes.push(openImportTestDb());
});
afterAll(() => {
  for (const l of lanes) l.close();
});

async function runOne(lane: ImportTestDb, input: FuzzInput, index: number, tally: Tally): Promise<void> {
  const filePath = join(lane.dir, `fuzz-${index}${input.ext ? `.${input.ext}` : ''}`);
  writeFileSync(filePath, input.bytes);
  const version = dataVersion(lane.db);
  const before = figures(lane.db);
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), LIMITS.workerTimeoutMs + GRACE_MS);
  });
  const outcome = await Promise.race([
    commitImport(lane.db, { filePath, yearId: lane.yearId, unitId: lane.unitId, target: input.target }, { limits: LIMITS }).then(
      (r) => ({ ok: r as CommitResult }),
      (e: unknown) => ({ err: e }),
    ),
    hang,
  ]);
  clearTimeout(timer);
  const ms = performance.now() - started;
  if (ms > tally.maxMs) {
    tally.maxMs = ms;
    tally.slowest = input.label;
  }
  tally.inputs++;
  const where = `#${index} ${input.label}`;
  if (outcome === 'hang') {
    tally.unclassifiedHangs++;
    tally.problems.push(`${where}: no answer after ${Math.round(ms)} ms`);
    return;
  }
  if ('ok' in outcome) {
    tally.accepted++;
    if (!batchWhole(lane.db, outcome.ok)) {
      tally.partialAccepted++;
      tally.problems.push(`${where}: accepted batch is not whole`);
    }
    undoImport(lane.db, outcome.ok.batchId);
  } else {
    const err = outcome.err;
    if (!(err instanceof AppError)) {
      tally.mainCrashes++;
      tally.problems.push(`${where}: ${err instanceof Error ? err.stack : String(err)}`);
    } else {
      const reason = err.code === 'IMPORT' ? reasonOf(err) : `app_error_${err.code}`;
      tally.rejected.set(reason, (tally.rejected.get(reason) ?? 0) + 1);
      if (err.code === 'INTERNAL') tally.problems.push(`${where}: internal error ${err.message}`);
      if (!/[\u4e00-\u9fff]/.test(err.message)) {
        tally.unclassifiedHangs += /timeout|memory/i.test(err.message) ? 1 : 0;
        tally.problems.push(`${where}: message without Chinese: ${err.message}`);
      }
    }
    if (dataVersion(lane.db) !== version || figures(lane.db) !== before) {
      tally.writesOnFailure++;
      tally.problems.push(`${where}: the data file changed`);
    }
  }
  rmSync(filePath, { force: true });
}

describe('mutation fuzzing of the import', () => {
  it(
    `${INPUTS} hostile inputs: no main crash, no unclassified hang, nothing written on failure`,
    async () => {
      const tally: Tally = {
        inputs: 0,
        mainCrashes: 0,
        unclassifiedHangs: 0,
        writesOnFailure: 0,
        partialAccepted: 0,
        accepted: 0,
        rejected: new Map(),
        problems: [],
        maxMs: 0,
        slowest: '',
        peakRss: 0,
      };
      const onUncaught = (err: unknown) => {
        tally.mainCrashes++;
        tally.problems.push(`uncaught: ${err instanceof Error ? err.stack : String(err)}`);
      };
      process.on('uncaughtException', onUncaught);
      process.on('unhandledRejection', onUncaught);
      const started = performance.now();
      try {
        const inputs = hostileInputs(SEED);
        let next = 0;
        await Promise.all(
          lanes.map(async (lane) => {
            while (next < INPUTS) {
              const index = next++;
              const { value } = await inputs.next();
              await runOne(lane, value as FuzzInput, index, tally);
              if (tally.inputs % 500 === 0) process.stderr.write(`${tallyLine(tally, started)}\n`);
              tally.peakRss = Math.max(tally.peakRss, process.memoryUsage().rss);
            }
          }),
        );
      } finally {
        process.off('uncaughtException', onUncaught);
        process.off('unhandledRejection', onUncaught);
      }
      console.log(tallyLine(tally, started));
      if (tally.problems.length > 0) console.log(tally.problems.slice(0, 30).join('\n'));
      expect(tally.inputs).toBe(INPUTS);
      expect(tally.problems).toEqual([]);
      expect(tally.mainCrashes + tally.unclassifiedHangs + tally.writesOnFailure + tally.partialAccepted).toBe(0);
    },
    TIMEOUT_MS,
  );
});
