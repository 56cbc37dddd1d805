import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../electron/db/open.ts';
import { runChecks } from '../../electron/services/checks-service.ts';
import { getExecutionOverview, listTransactions } from '../../electron/services/execution-service.ts';
import { type Category, deriveCategory, type FundingSource } from '../../shared/domain/enums.ts';
import type { BenchCase } from '../case.ts';

// 预算执行 at scale: 1,000,000 transactions and 2,000 budget lines generated once into a temp file
// with the real migrations (ledger_rollup triggers included), in one transaction. The full set of
// breakdowns (getExecutionOverview, consolidated) is timed against one bare
// `SELECT SUM(amount_fen) FROM ledger_txn` on the same file, interleaved, CPU time, medians.

const TXNS = 1_000_000;
const LINES = 2_000;
const UNITS = 5;
const PROJECTS = 60;
const RUNS = 7;

const PERSONNEL = ['30101', '30102', '30103', '30107', '30108', '30109', '30110', '30112', '30113', '30199', '30302', '30305'];
const PUBLIC = ['30201', '30202', '30205', '30206', '30207', '30209', '30211', '30213', '30215', '30216', '30217', '30226', '30228', '30229', '30231', '30239', '30299', '31002'];
const PROJECT_ECON = ['30227', '30226', '30299', '31007', '31002', '30213'];
const PROJECT_FUNC = ['2010302', '2010305', '2010399'];
const SUMMARIES = ['支付办公用品采购款', '报销差旅费', '发放工资', '缴纳住房公积金', '支付物业管理费', '支付系统运维服务费', '支付印刷费', '支付会议场地费'];
const COUNTERPARTIES = ['某某科技有限公司', '某某物业服务有限公司', '某某印刷厂', '', '某某酒店'];

interface Line {
  id: number;
  unitId: number;
  funding: FundingSource;
  category: Category;
  projectId: number | null;
  econ: string;
  func: string;
}

function funcFor(econ: string, institution: boolean): string {
  if (econ === '30108') return '2080505';
  if (econ === '30109') return '2080506';
  if (econ === '30110') return '2101101';
  if (econ === '30113') return '2210201';
  if (econ === '30302') return '2080501';
  return institution ? '2010350' : '2010301';
}

/** xorshift32: fast, deterministic, good enough to spread rows. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

export function generate(db: Db): { yearId: number } {
  const next = rng(20211231);
  return db.transaction(() => {
    const dept = Number(db.prepare("INSERT INTO department (name) VALUES ('基准测试部门')").run().lastInsertRowid);
    const unitIds: number[] = [];
    for (let u = 0; u < UNITS; u++) {
      unitIds.push(
        Number(
          db
            .prepare('INSERT INTO unit (department_id, name, kind, is_primary, sort_order) VALUES (?, ?, ?, ?, ?)')
            .run(dept, `单位${u + 1}`, u === 0 ? 'admin' : 'institution', u === 0 ? 1 : 0, u).lastInsertRowid,
        ),
      );
    }
    const yearId = Number(db.prepare('INSERT INTO fiscal_year (department_id, year) VALUES (?, 2021)').run(dept).lastInsertRowid);
    const projectIds: number[] = [];
    for (let p = 0; p < PROJECTS; p++) {
      projectIds.push(
        Number(
          db
            .prepare('INSERT INTO project (year_id, unit_id, code, name, sort_order) VALUES (?, ?, ?, ?, ?)')
            .run(yearId, unitIds[p % UNITS], `XM-${p + 1}`, `项目${p + 1}`, p).lastInsertRowid,
        ),
      );
    }
    const insLine = db.prepare(
      `INSERT INTO budget_line (year_id, unit_id, funding_source, category, project_id, func_code, econ_code, initial_fen, adjustment_fen, sort_order)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const lines: Line[] = [];
    for (let i = 0; i < LINES; i++) {
      const unit = i % UNITS;
      const funding: FundingSource = i % 10 === 9 ? 'gov_fund' : i % 10 === 8 ? 'special_account' : 'general_budget';
      const isProject = i % 3 === 0;
      const projectId = isProject ? projectIds[(i / 3) % PROJECTS]! : null;
      const econ = isProject ? PROJECT_ECON[i % PROJECT_ECON.length]! : i % 3 === 1 ? PERSONNEL[i % PERSONNEL.length]! : PUBLIC[i % PUBLIC.length]!;
      const func = isProject ? PROJECT_FUNC[i % PROJECT_FUNC.length]! : funcFor(econ, unit > 0);
      const category = deriveCategory(econ, isProject);
      const initial = 5_000_000 + (next() % 50_000_000);
      const id = Number(insLine.run(yearId, unitIds[unit], funding, category, projectId, func, econ, initial, (next() % 2_000_000) - 500_000, i).lastInsertRowid);
      lines.push({ id, unitId: unitIds[unit]!, funding, category, projectId, econ, func });
    }
    const insTxn = db.prepare(
      `INSERT INTO ledger_txn (year_id, unit_id, txn_date, voucher_no, summary, counterparty, funding_source, category, func_code,
         econ_code, project_id, budget_line_id, direction, amount_fen, fingerprint)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < TXNS; i++) {
      const line = lines[next() % LINES]!;
      const linked = next() % 10 !== 0;
      const month = (next() % 12) + 1;
      const day = (next() % 28) + 1;
      const date = i % 1000 === 999 ? '2020-12-31' : `2021-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
      const reversal = next() % 100 === 0;
      const amount = ((next() % 500_000) + 1) * (reversal ? -1 : 1);
      insTxn.run(
        yearId,
        line.unitId,
        date,
        `记-${month}-${i}`,
        SUMMARIES[i % SUMMARIES.length],
        COUNTERPARTIES[i % COUNTERPARTIES.length],
        line.funding,
        line.category,
        line.func,
        linked ? line.econ : line.category === 'personnel' ? '30199' : '30299',
        line.projectId,
        linked ? line.id : null,
        next() % 50 === 0 ? 'in' : 'out',
        amount,
        `fp${i}`,
      );
    }
    return { yearId };
  })();
}

function cpuMs(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const budgetVsActual: BenchCase = {
  name: 'budget-vs-actual',
  limit: 5,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'bench-bva-'));
    const db = openDatabase(join(dir, 'bench.db'));
    try {
      // A bigger page cache and in-memory statement journals (the rollup trigger makes every insert
      // a multi-write statement) only while generating; queries run with the app's settings.
      const defaults = { cache: db.pragma('cache_size', { simple: true }), temp: db.pragma('temp_store', { simple: true }) };
      db.pragma('cache_size = -262144');
      db.pragma('temp_store = MEMORY');
      const g0 = performance.now();
      const { yearId } = generate(db);
      const genMs = performance.now() - g0;
      db.pragma(`cache_size = ${defaults.cache}`);
      db.pragma(`temp_store = ${defaults.temp}`);

      const bare = db.prepare('SELECT SUM(amount_fen) AS s FROM ledger_txn');
      const overview = () => getExecutionOverview(db, { yearId });
      // Warm-up: statement preparation, the JIT and the OS page cache are not what is measured.
      bare.get();
      const o = overview();
      const bareTimes: number[] = [];
      const fullTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        bareTimes.push(cpuMs(() => bare.get()));
        fullTimes.push(cpuMs(overview));
      }
      const bareMs = median(bareTimes);
      const fullMs = median(fullTimes);

      const checksMs = median([0, 1, 2].map(() => cpuMs(() => runChecks(db, { yearId }))));
      const deepPageMs = median([0, 1, 2].map(() => cpuMs(() => listTransactions(db, { yearId, offset: 500_000, limit: 100 }))));
      const filteredMs = median([0, 1, 2].map(() => cpuMs(() => listTransactions(db, { yearId, econPrefix: '302', month: 6, limit: 100 }))));
      const rollupRows = (db.prepare('SELECT count(*) AS n FROM ledger_rollup').get() as { n: number }).n;
      const barePlan = (db.prepare('EXPLAIN QUERY PLAN SELECT SUM(amount_fen) FROM ledger_txn').all() as Array<{ detail: string }>)[0]?.detail;
      if (o.totals.total.txnCount === 0) throw new Error('基准数据生成失败：没有支出记录');
      return {
        ratio: fullMs / bareMs,
        detail:
          `breakdowns=${fullMs.toFixed(1)}ms bare-sum=${bareMs.toFixed(1)}ms (cpu, median of ${RUNS}; bare plan: ${barePlan}) ` +
          `checks=${checksMs.toFixed(0)}ms page@500000=${deepPageMs.toFixed(0)}ms filtered-page=${filteredMs.toFixed(0)}ms ` +
          `rollup-rows=${rollupRows} generate=${(genMs / 1000).toFixed(1)}s`,
      };
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default budgetVsActual;
