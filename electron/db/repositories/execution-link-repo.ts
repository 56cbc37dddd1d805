import type { Category, FundingSource } from '../../../shared/domain/enums.ts';
import type { Db } from '../open.ts';

// Transaction ↔ budget line links. A spending row matches a line with the same unit, funding
// source, category, project and 功能/经济分类 codes; it is linked automatically only when exactly
// one line matches. Existing links (automatic or chosen by hand) are never changed here.

export interface LineKeyFields {
  unitId: number;
  category: Category;
  fundingSource: FundingSource;
  projectKey: number;
  econCode: string;
  funcCode: string;
}

export const lineKey = (k: LineKeyFields): string =>
  [k.unitId, k.category, k.fundingSource, k.projectKey, k.econCode, k.funcCode].join('\u0000');

/** Budget line ids of a year by match key. */
export function budgetLinesByKey(db: Db, yearId: number): Map<string, number[]> {
  const rows = db
    .prepare(
      `SELECT id, unit_id AS unitId, category, funding_source AS fundingSource, coalesce(project_id, 0) AS projectKey,
              econ_code AS econCode, func_code AS funcCode
         FROM budget_line WHERE year_id = ? ORDER BY id`,
    )
    .all(yearId) as Array<LineKeyFields & { id: number }>;
  const map = new Map<string, number[]>();
  for (const r of rows) {
    const k = lineKey(r);
    const ids = map.get(k);
    if (ids) ids.push(r.id);
    else map.set(k, [r.id]);
  }
  return map;
}

export interface AutoLinkCounts {
  linked: number;
  ambiguous: number;
  noMatch: number;
}

const CHUNK = 5000;

/**
 * Walks the year's unlinked spending in id order, in chunks (rows are updated between reads, never
 * under an open cursor), and links each row whose key has exactly one line. Cost is proportional
 * to the unlinked rows, whatever the plan of a join would have been.
 */
export function autoLinkTransactions(db: Db, yearId: number): AutoLinkCounts {
  const lines = budgetLinesByKey(db, yearId);
  // The rollup counts the unlinked rows of each key: when no key has exactly one line, nothing
  // would be linked, and the counts are known without reading a row (a year of bank rows
  // imported before its budget lines, or after them with keys that fit none).
  const counts: AutoLinkCounts = { linked: 0, ambiguous: 0, noMatch: 0 };
  let linkable = false;
  for (const g of unlinkedGroups(db, yearId)) {
    const ids = lines.get(lineKey(g));
    if (ids === undefined) counts.noMatch += g.txnCount;
    else if (ids.length > 1) counts.ambiguous += g.txnCount;
    else linkable = true;
  }
  if (!linkable) return counts;
  counts.noMatch = 0;
  counts.ambiguous = 0;
  const read = db.prepare(
    `SELECT id, unit_id AS unitId, category, funding_source AS fundingSource, coalesce(project_id, 0) AS projectKey,
            econ_code AS econCode, func_code AS funcCode
       FROM ledger_txn
      WHERE budget_line_id IS NULL AND year_id = ? AND direction = 'out' AND id > ?
      ORDER BY id LIMIT ?`,
  );
  const link = db.prepare('UPDATE ledger_txn SET budget_line_id = ? WHERE id = ? AND budget_line_id IS NULL');
  let after = 0;
  for (;;) {
    const chunk = read.all(yearId, after, CHUNK) as Array<LineKeyFields & { id: number }>;
    if (chunk.length === 0) break;
    for (const t of chunk) {
      const ids = lines.get(lineKey(t));
      if (ids === undefined) counts.noMatch++;
      else if (ids.length > 1) counts.ambiguous++;
      else counts.linked += link.run(ids[0]!, t.id).changes;
    }
    after = chunk[chunk.length - 1]!.id;
  }
  return counts;
}

export interface TxnLinkFacts {
  id: number;
  yearId: number;
  direction: 'out' | 'in';
  budgetLineId: number | null;
}

export function txnLinkFacts(db: Db, txnId: number): TxnLinkFacts | null {
  const r = db
    .prepare('SELECT id, year_id AS yearId, direction, budget_line_id AS budgetLineId FROM ledger_txn WHERE id = ?')
    .get(txnId) as TxnLinkFacts | undefined;
  return r ?? null;
}

export function budgetLineYear(db: Db, lineId: number): number | null {
  const r = db.prepare('SELECT year_id AS yearId FROM budget_line WHERE id = ?').get(lineId) as { yearId: number } | undefined;
  return r?.yearId ?? null;
}

export function setTxnBudgetLine(db: Db, txnId: number, lineId: number | null): void {
  db.prepare('UPDATE ledger_txn SET budget_line_id = ? WHERE id = ?').run(lineId, txnId);
}

export interface UnlinkedGroupRow extends LineKeyFields {
  txnCount: number;
  actualFen: number;
}

/** The year's unlinked spending grouped by match key, from the rollup. */
export function unlinkedGroups(db: Db, yearId: number): UnlinkedGroupRow[] {
  return db
    .prepare(
      `SELECT unit_id AS unitId, category, funding_source AS fundingSource, project_key AS projectKey,
              econ_code AS econCode, func_code AS funcCode, sum(txn_count) AS txnCount, sum(amount_fen) AS actualFen
         FROM ledger_rollup
        WHERE year_id = ? AND direction = 'out' AND line_key = 0
        GROUP BY unit_id, category, funding_source, project_key, econ_code, func_code
        ORDER BY unit_id, category, funding_source, project_key, econ_code, func_code`,
    )
    .all(yearId) as UnlinkedGroupRow[];
}
