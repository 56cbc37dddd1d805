import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from '../case.ts';
import { timedImport } from '../import-child.ts';
import { peakRssKb } from '../peak-rss.ts';
import { runJsonChild } from '../run-json-child.ts';

// A 200,000-row × 10-column .xlsx imported through the whole path (worker: read, detect header and
// unit, map, normalise; main: stage, duplicates, one transaction into ledger_txn) against the
// parsing floor measured in the same run: yauzl inflate + saxes parse of sharedStrings.xml and the
// sheet, counting rows and strings and nothing else. Each side runs in its own child process,
// interleaved floor, full, floor, full, …, floor: each full run is set against the mean of the two
// floor runs either side of it, and the case reports the median of those ratios. This machine's
// speed swings by a third within a minute (the same child's CPU time moved 6.6 → 11 s between
// rounds), so minima taken at different moments compared the luck of two moments, not the code.
// The parsing worker runs as the app ships it: bundled to one JavaScript file (esbuild), not
// through tsx. The memory case (import-xlsx-200k-memory.ts) reads peak RSS from the same runs.

const ROWS = 200_000;
/** Full runs; there is one floor run more, before, between and after them. */
const PAIRS = 6;
const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..', '..');

export interface ChildResult {
  mode: 'floor' | 'full';
  ms: number;
  /** CPU time (user + system) of the whole process, all threads, over the measured span. */
  cpuMs: number;
  rows: number;
  maxRssKb: number;
}

export interface PairMeasurement {
  /** PAIRS + 1 runs: floor[i] ran just before full[i], floor[i + 1] just after. */
  floor: ChildResult[];
  full: ChildResult[];
  file: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** Each full run's figure over the mean of the floor runs either side of it; the median of those. */
export function bracketedRatio(m: PairMeasurement, pick: (r: ChildResult) => number): { ratio: number; ratios: number[] } {
  const ratios = m.full.map((run, i) => {
    const before = m.floor[i];
    const after = m.floor[i + 1];
    if (!before || !after) throw new Error('基准测量缺少下限运行');
    return pick(run) / ((pick(before) + pick(after)) / 2);
  });
  return { ratio: median(ratios), ratios };
}

/** The worker bundle, as a build would produce it. */
export async function buildWorkerBundle(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(tmpdir(), `selfeval-bench-parse-worker-${process.pid}.cjs`);
  await build({
    entryPoints: [join(root, 'electron/import/parse-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

function runChild(mode: 'floor' | 'full', file: string, worker = ''): Promise<ChildResult> {
  return runJsonChild<ChildResult>(here, [mode, file, worker], root, mode);
}

/**
 * CPU used since `start` by the whole process: process.cpuUsage is getrusage(RUSAGE_SELF), which on
 * Linux sums every thread (the parse worker, libuv's pool, V8's GC and compiler threads), including
 * threads that have already exited.
 */
function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

let measured: Promise<PairMeasurement> | null = null;

/** Floor and full runs, interleaved; shared by the time and the memory case within one bench run. */
export function measureImportPairs(): Promise<PairMeasurement> {
  measured ??= (async () => {
    const { ensureBigLedgerXlsx } = await import('../../test/fixtures/spreadsheets/big-ledger.ts');
    const info = await ensureBigLedgerXlsx(ROWS);
    const worker = await buildWorkerBundle();
    const floor: ChildResult[] = [];
    const full: ChildResult[] = [];
    try {
      floor.push(await runChild('floor', info.path));
      for (let i = 0; i < PAIRS; i++) {
        full.push(await runChild('full', info.path, worker));
        floor.push(await runChild('floor', info.path));
      }
    } finally {
      rmSync(worker, { force: true });
    }
    return { floor, full, file: info.path };
  })();
  return measured;
}

/** The detail line's figures: the ratio of each pair and every run. */
export function runDetail(m: PairMeasurement, ratios: number[], pick: (r: ChildResult) => number, unit: string): string {
  const list = (rs: ChildResult[]) => rs.map((r) => Math.round(pick(r))).join(',');
  return `pairs=[${ratios.map((r) => r.toFixed(2)).join(',')}] full${unit}=[${list(m.full)}] floor${unit}=[${list(m.floor)}]`;
}

const importXlsx200k: BenchCase = {
  name: 'import-xlsx-200k',
  limit: 3,
  async run() {
    const m = await measureImportPairs();
    const { ratio, ratios } = bracketedRatio(m, (r) => r.ms);
    return { ratio, detail: `wall, median of pairs; ${runDetail(m, ratios, (r) => r.ms, 'Ms')} rows=${m.full[0]?.rows}` };
  },
};

export default importXlsx200k;

// ---- child processes ------------------------------------------------------------------------

async function floorChild(file: string): Promise<ChildResult> {
  const { default: yauzl } = await import('yauzl');
  const { SaxesParser } = await import('saxes');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const buffer = await readFile(file);
  const zip = await new Promise<import('yauzl').ZipFile>((ok, fail) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (e, z) => (e || !z ? fail(e) : ok(z))),
  );
  const entries = new Map<string, import('yauzl').Entry>();
  await new Promise<void>((ok, fail) => {
    zip.on('entry', (e: import('yauzl').Entry) => {
      entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => ok());
    zip.on('error', fail);
    zip.readEntry();
  });
  let rows = 0;
  let strings = 0;
  for (const [part, tag] of [
    ['xl/sharedStrings.xml', 'si'],
    ['xl/worksheets/sheet1.xml', 'row'],
  ] as const) {
    const entry = entries.get(part);
    if (!entry) throw new Error(`基准文件缺少 ${part}`);
    const stream = await new Promise<NodeJS.ReadableStream>((ok, fail) =>
      zip.openReadStream(entry, (e, s) => (e || !s ? fail(e) : ok(s))),
    );
    const parser = new SaxesParser({ position: false });
    parser.on('opentag', (t) => {
      if (t.name === tag) {
        if (tag === 'row') rows++;
        else strings++;
      }
    });
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of stream) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    parser.write(decoder.decode()).close();
  }
  const ms = performance.now() - t0;
  const cpuMs = cpuSince(cpu0);
  if (strings === 0) throw new Error('基准文件没有共享字符串');
  return { mode: 'floor', ms, cpuMs, rows: rows - 1, maxRssKb: peakRssKb() };
}

async function fullChild(file: string, worker: string): Promise<ChildResult> {
  const run = await timedImport(file, worker, { rows: ROWS, rowsRead: ROWS + 1 });
  return { mode: 'full', ...run };
}

if (process.argv[1] && resolve(process.argv[1]) === here) {
  const [mode, file, worker = ''] = process.argv.slice(2);
  if ((mode !== 'floor' && mode !== 'full') || !file) {
    process.stderr.write('用法：import-xlsx-200k.ts floor|full FILE.xlsx [WORKER.cjs]\n');
    process.exit(2);
  }
  const result = await (mode === 'floor' ? floorChild(file) : fullChild(file, worker));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
