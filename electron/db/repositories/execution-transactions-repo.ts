import { monthPeriod, quarterPeriodRange } from '../../../shared/budget/fiscal-periods.ts';
import type { DrillFilter, TransactionPage, TransactionRow } from '../../../shared/budget/schemas.ts';
import type { Db } from '../open.ts';

// The drill-down behind any 预算执行 figure and the 支出明细 grid: filtered, paged in date order,
// with the total count. Filters that only name rollup dimensions are counted from ledger_rollup
// (a few thousand rows), so a scroll over a year of 1 M rows never counts the whole table.

export interface TransactionListQuery extends DrillFilter {
  yearId: number;
  offset: number;
  limit: number;
}

interface Clause {
  sql: string;
  params: unknown[];
}

function escapeLike(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const hasText = (f: DrillFilter) => f.text !== undefined && f.text.trim() !== '';
const countableFromRollup = (f: DrillFilter) => f.batchId === undefined && !hasText(f);
// A substring search cannot use a B-tree: one sequential pass over the table beats walking the
// date index with a random row lookup per entry (≈0.3 s against ≈2.5 s for a 1 M-row year).
const ledgerSource = (f: DrillFilter, alias = '') => `ledger_txn${alias ? ` AS ${alias}` : ''}${hasText(f) ? ' NOT INDEXED' : ''}`;

/** Where-clauses over a table with ledger_txn's columns; `rollup` switches project/line to the rollup's keys. */
function filterClauses(f: DrillFilter, year: number, rollup: boolean, alias: string): Clause[] {
  const c = (sql: string, ...params: unknown[]): Clause => ({ sql: sql.replaceAll('@', alias), params });
  const out: Clause[] = [];
  if (f.unitId !== undefined) out.push(c('@unit_id = ?', f.unitId));
  if (f.category === 'basic') out.push(c("@category IN ('personnel', 'public')"));
  else if (f.category !== undefined) out.push(c('@category = ?', f.category));
  if (f.fundingSource !== undefined) out.push(c('@funding_source = ?', f.fundingSource));
  if (f.projectId !== undefined) {
    if (rollup) out.push(c('@project_key = ?', f.projectId ?? 0));
    else out.push(f.projectId === null ? c('@project_id IS NULL') : c('@project_id = ?', f.projectId));
  }
  if (f.budgetLineId !== undefined) out.push(rollup ? c('@line_key = ?', f.budgetLineId) : c('@budget_line_id = ?', f.budgetLineId));
  if (f.econPrefix !== undefined) out.push(c('substr(@econ_code, 1, ?) = ?', f.econPrefix.length, f.econPrefix));
  if (f.funcPrefix !== undefined) out.push(c('substr(@func_code, 1, ?) = ?', f.funcPrefix.length, f.funcPrefix));
  if (f.econCode !== undefined) out.push(c('@econ_code = ?', f.econCode));
  if (f.funcCode !== undefined) out.push(c('@func_code = ?', f.funcCode));
  // On ledger_txn, periods become txn_date ranges so the date index both filters and orders.
  const periodRange = (from: string, to: string) =>
    rollup ? c('@period BETWEEN ? AND ?', from, to) : c('@txn_date BETWEEN ? AND ?', `${from}-01`, `${to}-31`);
  if (f.month !== undefined) out.push(periodRange(monthPeriod(year, f.month), monthPeriod(year, f.month)));
  if (f.quarter !== undefined) {
    const r = quarterPeriodRange(year, f.quarter);
    out.push(periodRange(r.from, r.to));
  }
  if (f.period !== undefined) out.push(periodRange(f.period, f.period));
  if (f.direction !== undefined) out.push(c('@direction = ?', f.direction));
  if (f.unmatchedOnly) out.push(rollup ? c("@line_key = 0 AND @direction = 'out'") : c("@budget_line_id IS NULL AND @direction = 'out'"));
  if (f.outsideYearOnly) {
    out.push(
      rollup
        ? c('@period NOT BETWEEN ? AND ?', monthPeriod(year, 1), monthPeriod(year, 12))
        : c('@txn_date NOT BETWEEN ? AND ?', `${year}-01-01`, `${year}-12-31`),
    );
  }
  if (f.batchId !== undefined) out.push(c('@batch_id = ?', f.batchId));
  if (f.text !== undefined && hasText(f)) {
    const like = escapeLike(f.text.trim());
    out.push(c("(@summary LIKE ? ESCAPE '\\' OR @counterparty LIKE ? ESCAPE '\\' OR @voucher_no LIKE ? ESCAPE '\\')", like, like, like));
  }
  return out;
}


function where(clauses: Clause[]): { sql: string; params: unknown[] } {
  return { sql: clauses.map((x) => ` AND ${x.sql}`).join(''), params: clauses.flatMap((x) => x.params) };
}

interface Row {
  id: number;
  unitId: number;
  unitName: string;
  txnDate: string;
  voucherNo: string;
  summary: string;
  counterparty: string;
  fundingSource: TransactionRow['fundingSource'];
  category: TransactionRow['category'];
  funcCode: string;
  econCode: string;
  projectId: number | null;
  projectName: string | null;
  budgetLineId: number | null;
  direction: TransactionRow['direction'];
  amountFen: number;
  batchId: number | null;
  sourceFile: string;
  sourceSheet: string;
  sourceRow: number | null;
}

export function listTransactions(db: Db, q: TransactionListQuery): TransactionPage {
  const fy = db.prepare('SELECT year FROM fiscal_year WHERE id = ?').get(q.yearId) as { year: number } | undefined;
  if (!fy) return { rows: [], total: 0, spentFen: 0, incomeFen: 0 };
  const rowsWhere = where(filterClauses(q, fy.year, false, 't.'));
  // Deferred join: the page's ids come from the date index alone, so skipping to a deep offset
  // does not read (or join) the rows it skips.
  const rows = db
    .prepare(
      `WITH page AS (
         SELECT t.id, t.txn_date FROM ${ledgerSource(q, 't')}
          WHERE t.year_id = ?${rowsWhere.sql}
          ORDER BY t.txn_date, t.id
          LIMIT ? OFFSET ?)
       SELECT t.id, t.unit_id AS unitId, u.name AS unitName, t.txn_date AS txnDate, t.voucher_no AS voucherNo,
              t.summary, t.counterparty, t.funding_source AS fundingSource, t.category, t.func_code AS funcCode,
              t.econ_code AS econCode, t.project_id AS projectId, p.name AS projectName,
              t.budget_line_id AS budgetLineId, t.direction, t.amount_fen AS amountFen, t.batch_id AS batchId,
              t.source_file AS sourceFile, t.source_sheet AS sourceSheet, t.source_row AS sourceRow
         FROM page
         JOIN ledger_txn t ON t.id = page.id
         JOIN unit u ON u.id = t.unit_id
         LEFT JOIN project p ON p.id = t.project_id
        ORDER BY page.txn_date, page.id`,
    )
    .all(q.yearId, ...rowsWhere.params, q.limit, q.offset) as Row[];
  const counted = countTransactions(db, q.yearId, fy.year, q);
  return { rows, ...counted };
}

// Spending and income are summed apart: a 财政拨款 credit is not spending, and adding the two
// would overstate (or cancel) the figure the office checks against its budget.
const COUNT_COLUMNS = (countExpr: string) =>
  `${countExpr} AS total,
   coalesce(sum(CASE WHEN direction = 'out' THEN amount_fen ELSE 0 END), 0) AS spentFen,
   coalesce(sum(CASE WHEN direction = 'in' THEN amount_fen ELSE 0 END), 0) AS incomeFen`;

export interface TransactionCount {
  total: number;
  spentFen: number;
  incomeFen: number;
}

export function countTransactions(db: Db, yearId: number, year: number, f: DrillFilter): TransactionCount {
  const rollup = countableFromRollup(f);
  const w = where(filterClauses(f, year, rollup, ''));
  const sql = rollup
    ? `SELECT ${COUNT_COLUMNS('coalesce(sum(txn_count), 0)')} FROM ledger_rollup WHERE year_id = ?${w.sql}`
    : `SELECT ${COUNT_COLUMNS('count(*)')} FROM ${ledgerSource(f)} WHERE year_id = ?${w.sql}`;
  return db.prepare(sql).get(yearId, ...w.params) as TransactionCount;
}
