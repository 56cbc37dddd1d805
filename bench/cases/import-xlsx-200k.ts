import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from '../case.ts';
import { runJsonChild } from '../run-json-child.ts';

// A 200,000-row × 10-column .xlsx imported through the whole path (worker: read, detect header and
// unit, map, normalise; main: stage, duplicates, one transaction into ledger_txn) against the
// parsing floor measured in the same run: yauzl inflate + saxes parse of sharedStrings.xml and the
// sheet, counting rows and strings and nothing else. Each side runs in its own child process,
// interleaved, so both see the same machine load; the fastest run of each is compared.
// The parsing worker runs as the app ships it: bundled to one JavaScript file (esbuild), not
// through tsx. The memory case (import-xlsx-200k-memory.ts) reads peak RSS from the same runs.

const ROWS = 200_000;
const PAIRS = 3;
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
  floor: ChildResult[];
  full: ChildResult[];
  file: string;
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
 * Peak RSS of this process (worker threads included). getrusage's maxRSS is not used: Linux carries it
 * over from the parent across fork + exec, so after a memory-hungry case in the bench process every
 * child would report at least the parent's peak. VmHWM belongs to the process's own address space.
 */
export function peakRssKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS;
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
      for (let i = 0; i < PAIRS; i++) {
        floor.push(await runChild('floor', info.path));
        full.push(await runChild('full', info.path, worker));
      }
    } finally {
      rmSync(worker, { force: true });
    }
    return { floor, full, file: info.path };
  })();
  return measured;
}

const fastest = (xs: number[]) => Math.min(...xs);

const importXlsx200k: BenchCase = {
  name: 'import-xlsx-200k',
  limit: 3,
  async run() {
    const m = await measureImportPairs();
    const floorMs = fastest(m.floor.map((r) => r.ms));
    const fullMs = fastest(m.full.map((r) => r.ms));
    return {
      ratio: fullMs / floorMs,
      detail: `import=${Math.round(fullMs)}ms floor=${Math.round(floorMs)}ms runs full=[${m.full.map((r) => Math.round(r.ms)).join(',')}] floor=[${m.floor.map((r) => Math.round(r.ms)).join(',')}] rows=${m.full[0]?.rows}`,
    };
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
  const { openDatabase } = await import('../../electron/db/open.ts');
  const { configureImportWorker } = await import('../../electron/import/run-parse.ts');
  if (worker) configureImportWorker(worker);
  const org = await import('../../electron/db/repositories/organization-repo.ts');
  const { commitImport } = await import('../../electron/services/import-service.ts');
  const { bigLedgerTotals } = await import('../../test/fixtures/spreadsheets/big-ledger-lines.ts');
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-bench-import-'));
  try {
    const db = openDatabase(join(dir, 'bench.db'));
    const dept = org.insertDepartment(db, { name: '基准部门', code: '' });
    const unitId = org.insertUnit(db, dept.id, {
      name: '本级',
      code: '',
      kind: 'admin',
      isPrimary: true,
      headName: '',
      financeHeadName: '',
      preparerName: '',
      phone: '',
      sortOrder: 0,
    });
    const yearId = org.insertYear(db, dept.id, 2021);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await commitImport(db, { filePath: file, yearId, unitId, target: 'ledger' });
    const ms = performance.now() - t0;
    const cpuMs = cpuSince(cpu0);
    const expected = bigLedgerTotals(ROWS);
    const a = result.accounting;
    if (
      a.rowsImported !== ROWS ||
      a.rowsRead !== ROWS + 1 ||
      result.ledgerTotals?.outflowFen !== expected.outflowFen ||
      result.ledgerTotals?.inflowFen !== expected.inflowFen
    ) {
      throw new Error(`导入结果不对：${JSON.stringify({ accounting: a, totals: result.ledgerTotals, expected })}`);
    }
    db.close();
    return { mode: 'full', ms, cpuMs, rows: a.rowsImported, maxRssKb: peakRssKb() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
