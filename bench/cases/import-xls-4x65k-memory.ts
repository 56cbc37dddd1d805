import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from '../case.ts';
import { runJsonChild } from '../run-json-child.ts';
import { timedImport } from '../import-child.ts';
import { buildWorkerBundle } from './import-xlsx-200k.ts';

// Peak memory (VmHWM of the child process, the parsing worker included) of importing a BIFF8 .xls
// of four full sheets (65,535 rows each under a header, 262,140 rows) with all sheets chosen,
// against importing the same cells from an .xlsx, each in its own child process, interleaved;
// the median of each side is compared. The worker runs bundled, as the app ships it.

const SHEETS = 4;
const PER_SHEET = 65_535;
const PAIRS = 2;
const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..', '..');

interface ChildResult {
  kind: 'xls' | 'xlsx';
  ms: number;
  rows: number;
  maxRssKb: number;
}

function runChild(kind: 'xls' | 'xlsx', file: string, worker: string): Promise<ChildResult> {
  return runJsonChild<ChildResult>(here, [kind, file, worker], root, kind);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

const importXls4x65kMemory: BenchCase = {
  name: 'import-xls-4x65k-memory',
  limit: 2,
  async run() {
    const { ensureBigLedgerSheets } = await import('../../test/fixtures/spreadsheets/big-ledger-sheets.ts');
    const xls = await ensureBigLedgerSheets('xls', SHEETS, PER_SHEET);
    const xlsx = await ensureBigLedgerSheets('xlsx', SHEETS, PER_SHEET);
    const worker = await buildWorkerBundle();
    const a: ChildResult[] = [];
    const b: ChildResult[] = [];
    try {
      for (let i = 0; i < PAIRS; i++) {
        b.push(await runChild('xlsx', xlsx.path, worker));
        a.push(await runChild('xls', xls.path, worker));
      }
    } finally {
      rmSync(worker, { force: true });
    }
    const xlsKb = median(a.map((r) => r.maxRssKb));
    const xlsxKb = median(b.map((r) => r.maxRssKb));
    const mb = (kb: number) => Math.round(kb / 1024);
    return {
      ratio: xlsKb / xlsxKb,
      detail: `xls=${mb(xlsKb)}MB xlsx=${mb(xlsxKb)}MB runs xls=[${a.map((r) => mb(r.maxRssKb)).join(',')}] xlsx=[${b.map((r) => mb(r.maxRssKb)).join(',')}] time xls=[${a.map((r) => Math.round(r.ms)).join(',')}]ms xlsx=[${b.map((r) => Math.round(r.ms)).join(',')}]ms rows=${a[0]?.rows}`,
    };
  },
};

export default importXls4x65kMemory;

// ---- child process ---------------------------------------------------------------------------

async function importChild(kind: 'xls' | 'xlsx', file: string, worker: string): Promise<ChildResult> {
  const run = await timedImport(file, worker, { rows: SHEETS * PER_SHEET, allSheets: true });
  return { kind, ms: run.ms, rows: run.rows, maxRssKb: run.maxRssKb };
}

if (process.argv[1] && resolve(process.argv[1]) === here) {
  const [kind, file, worker = ''] = process.argv.slice(2);
  if ((kind !== 'xls' && kind !== 'xlsx') || !file) {
    process.stderr.write('用法：import-xls-4x65k-memory.ts xls|xlsx FILE [WORKER.cjs]\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await importChild(kind, file, worker))}\n`);
}
