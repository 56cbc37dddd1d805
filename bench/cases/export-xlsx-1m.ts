import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from '../case.ts';
import { peakRssKb } from '../peak-rss.ts';
import { runJsonChild } from '../run-json-child.ts';

// The Excel report of a year with 1,000,000 spending rows (the example office's year, loaded by
// `demo`, plus a million generated ledger rows) exported the way `report --format xlsx --out`
// does it (every sheet, 支出明细 streamed from the database into the file), against a bare
// exceljs streaming write of the same million rows: the same SELECT (joins, date order) read on a
// read-only connection, each row added with addRow(values).commit() to a default
// WorkbookWriter({ filename }), yielding to the event loop every 100 rows and until the zip has taken the sheet's XML, as the
// export does. Each side runs in its own child process, interleaved; the memory case
// compares peak RSS (VmHWM, the whole process), the time case wall-clock time, fastest run each.

const ROWS = 1_000_000;
const PAIRS = 2;
const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..', '..');

interface ChildResult {
  mode: 'bare' | 'export';
  ms: number;
  cpuMs: number;
  maxRssKb: number;
  bytes: number;
}

const DETAIL_SQL = `SELECT t.txn_date, t.voucher_no, u.name AS unit_name, t.summary, t.counterparty, t.funding_source, t.category,
          coalesce(p.name, '') AS project_name, t.econ_code, t.amount_fen
     FROM ledger_txn t JOIN unit u ON u.id = t.unit_id LEFT JOIN project p ON p.id = t.project_id
    WHERE t.year_id = ? AND t.direction = 'out' ORDER BY t.txn_date, t.id`;

const SUMMARIES = ['支付办公用品采购款', '报销差旅费（赴省厅汇报工作）', '发放工资', '缴纳住房公积金', '支付物业管理费', '支付政务信息系统运维服务费', '支付印刷费', '支付会议场地费'];
const COUNTERPARTIES = ['某某科技有限公司', '某某物业服务有限公司', '某某印刷厂', '', '某某酒店管理有限公司'];

/** The example year plus a million 'out' rows spread over its units, dates and projects. */
async function generate(file: string): Promise<number> {
  const { runCli } = await import('../../electron/cli/main.ts');
  const code = await runCli(['demo', '--db', file], { stdout: () => {}, stderr: (t) => process.stderr.write(`${t}\n`) });
  if (code !== 0) throw new Error('demo 载入示例年度失败');
  const { openDatabase } = await import('../../electron/db/open.ts');
  const db = openDatabase(file);
  try {
    db.pragma('cache_size = -262144');
    const year = db.prepare('SELECT id FROM fiscal_year WHERE year = 2021').get() as { id: number };
    const units = (db.prepare('SELECT id FROM unit').all() as { id: number }[]).map((u) => u.id);
    const projects = (db.prepare('SELECT id FROM project WHERE year_id = ?').all(year.id) as { id: number }[]).map((p) => p.id);
    const ins = db.prepare(
      `INSERT INTO ledger_txn (year_id, unit_id, txn_date, voucher_no, summary, counterparty, funding_source, category, func_code, econ_code, project_id, direction, amount_fen, fingerprint)
       VALUES (?, ?, ?, ?, ?, ?, 'general_budget', ?, '2010301', ?, ?, 'out', ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) {
        const month = (i % 12) + 1;
        const day = ((i * 7) % 28) + 1;
        const project = i % 3 === 0 && projects.length > 0 ? projects[i % projects.length]! : null;
        ins.run(
          year.id,
          units[i % units.length]!,
          `2021-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`,
          `记-${month}-${i}`,
          `${SUMMARIES[i % SUMMARIES.length]} ${i}`,
          COUNTERPARTIES[i % COUNTERPARTIES.length],
          project ? 'project' : i % 2 ? 'public' : 'personnel',
          project ? '30227' : i % 2 ? '30201' : '30101',
          project,
          ((i * 7919) % 500_000) + 1,
          `bench${i}`,
        );
      }
    })();
    return year.id;
  } finally {
    db.close();
  }
}

function runChild(mode: ChildResult['mode'], file: string, out: string, yearId: number): Promise<ChildResult> {
  return runJsonChild<ChildResult>(here, [mode, file, out, String(yearId)], root, mode);
}

let measured: Promise<{ bare: ChildResult[]; exp: ChildResult[] }> | null = null;

function measure(): Promise<{ bare: ChildResult[]; exp: ChildResult[] }> {
  measured ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-bench-xlsx-'));
    try {
      const file = join(dir, 'bench.db');
      const yearId = await generate(file);
      const bare: ChildResult[] = [];
      const exp: ChildResult[] = [];
      for (let i = 0; i < PAIRS; i++) {
        bare.push(await runChild('bare', file, join(dir, `bare-${i}.xlsx`), yearId));
        exp.push(await runChild('export', file, join(dir, `export-${i}.xlsx`), yearId));
      }
      return { bare, exp };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return measured;
}

const fastest = (xs: number[]) => Math.min(...xs);
const mb = (kb: number) => Math.round(kb / 1024);

const cases: BenchCase[] = [
  {
    name: 'export-xlsx-1m-memory',
    limit: 1.5,
    async run() {
      const m = await measure();
      const bare = fastest(m.bare.map((r) => r.maxRssKb));
      const exp = fastest(m.exp.map((r) => r.maxRssKb));
      return {
        ratio: exp / bare,
        detail: `peak RSS (VmHWM) export=${mb(exp)}MB bare-exceljs=${mb(bare)}MB runs export=[${m.exp.map((r) => mb(r.maxRssKb)).join(',')}] bare=[${m.bare.map((r) => mb(r.maxRssKb)).join(',')}] rows=${ROWS}`,
      };
    },
  },
  {
    name: 'export-xlsx-1m',
    limit: 2,
    async run() {
      const m = await measure();
      const bare = fastest(m.bare.map((r) => r.ms));
      const exp = fastest(m.exp.map((r) => r.ms));
      return {
        ratio: exp / bare,
        detail: `wall export=${Math.round(exp)}ms bare-exceljs=${Math.round(bare)}ms (cpu export=${Math.round(fastest(m.exp.map((r) => r.cpuMs)))}ms bare=${Math.round(fastest(m.bare.map((r) => r.cpuMs)))}ms) files export=${mb(m.exp[0]!.bytes / 1024)}MB bare=${mb(m.bare[0]!.bytes / 1024)}MB rows=${ROWS}`,
      };
    },
  },
];

export default cases;

// ---- child processes ------------------------------------------------------------------------

/** Sheet XML not yet taken by the zip (exceljs/archiver internals), as the export measures it. */
function backlog(ws: unknown): number {
  const pipe = (ws as { stream?: { pipes?: Array<{ _writableState?: { length: number }; _readableState?: { length: number } }> } }).stream?.pipes?.[0];
  return (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
}

/** Loads its modules first, so the timed part is the write itself. */
async function bareChild(file: string, out: string, yearId: number): Promise<() => Promise<void>> {
  const { default: ExcelJS } = await import('exceljs');
  const { openDatabase } = await import('../../electron/db/open.ts');
  return async () => {
  const db = openDatabase(file, { readonly: true });
  db.pragma('temp_store = FILE');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out });
  const ws = wb.addWorksheet('支出明细');
  let n = 0;
  for (const r of db.prepare(DETAIL_SQL).iterate(yearId) as IterableIterator<Record<string, string | number>>) {
    ws.addRow([r.txn_date, r.voucher_no, r.unit_name, r.summary, r.counterparty, r.funding_source, r.category, r.project_name, r.econ_code, (r.amount_fen as number) / 100]).commit();
    if (++n % 100 === 0) {
      do await new Promise<void>((ok) => setImmediate(ok));
      while (backlog(ws) > 1 << 20);
    }
  }
  ws.commit();
  await wb.commit();
  db.close();
  };
}

async function exportChild(file: string, out: string): Promise<() => Promise<void>> {
  const { runCli } = await import('../../electron/cli/main.ts');
  // The report command's own modules (database, services, renderers) load on its first use.
  await import('../../electron/cli/commands/report.ts');
  await import('../../electron/services/report-service.ts');
  return async () => {
  let err = '';
  const code = await runCli(['report', '--db', file, '--year', '2021', '--format', 'xlsx', '--out', out], {
    stdout: () => {},
    stderr: (t) => (err += t),
  });
  if (code !== 0) throw new Error(`report 导出失败：${err}`);
  };
}

if (process.argv[1] === here && (process.argv[2] === 'bare' || process.argv[2] === 'export')) {
  const [mode, file, out, yearId] = process.argv.slice(2) as [ChildResult['mode'], string, string, string];
  const run = mode === 'bare' ? await bareChild(file, out, Number(yearId)) : await exportChild(file, out);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const result: ChildResult = { mode, ms, cpuMs: (c.user + c.system) / 1000, maxRssKb: peakRssKb(), bytes: statSync(out).size };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
