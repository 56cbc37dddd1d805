import type { CategoryEconFact, CodeUseFact, LineFact, NegativeSpendingFact, PeriodFact, UnmatchedFact } from '../../../shared/checks/check-input.ts';
import type { Db } from '../open.ts';

// The facts behind the 审核 checks that are not plain breakdowns. Spending facts read
// ledger_rollup; budget facts read budget_line (a few thousand rows at most).

export function lineFacts(db: Db, yearId: number): LineFact[] {
  return db
    .prepare(
      `SELECT b.id, b.unit_id AS unitId, u.name AS unitName, b.category, b.funding_source AS fundingSource,
              b.project_id AS projectId, p.name AS projectName, b.econ_code AS econCode, b.econ_name AS econName,
              b.func_code AS funcCode, b.func_name AS funcName, b.initial_fen AS initialFen,
              b.adjustment_fen AS adjustmentFen, b.final_fen AS finalFen,
              coalesce(a.actualFen, 0) AS actualFen, coalesce(a.txnCount, 0) AS txnCount
         FROM budget_line b
         JOIN unit u ON u.id = b.unit_id
         LEFT JOIN project p ON p.id = b.project_id
         LEFT JOIN (SELECT line_key, sum(amount_fen) AS actualFen, sum(txn_count) AS txnCount
                      FROM ledger_rollup
                     WHERE year_id = ? AND direction = 'out' AND line_key <> 0
                     GROUP BY line_key) a ON a.line_key = b.id
        WHERE b.year_id = ?
        ORDER BY b.sort_order, b.id`,
    )
    .all(yearId, yearId) as LineFact[];
}

export function unmatchedFacts(db: Db, yearId: number): UnmatchedFact[] {
  return db
    .prepare(
      `WITH keys AS (
         SELECT unit_id, category, funding_source, coalesce(project_id, 0) AS project_key, econ_code, func_code, count(*) AS n
           FROM budget_line WHERE year_id = ?
          GROUP BY unit_id, category, funding_source, coalesce(project_id, 0), econ_code, func_code)
       SELECT r.unit_id AS unitId, u.name AS unitName,
              coalesce(sum(CASE WHEN k.n IS NULL THEN r.txn_count END), 0) AS noMatchCount,
              coalesce(sum(CASE WHEN k.n IS NULL THEN r.amount_fen END), 0) AS noMatchFen,
              coalesce(sum(CASE WHEN k.n >= 2 THEN r.txn_count END), 0) AS ambiguousCount,
              coalesce(sum(CASE WHEN k.n >= 2 THEN r.amount_fen END), 0) AS ambiguousFen,
              coalesce(sum(CASE WHEN k.n = 1 THEN r.txn_count END), 0) AS linkableCount,
              coalesce(sum(CASE WHEN k.n = 1 THEN r.amount_fen END), 0) AS linkableFen
         FROM ledger_rollup r
         JOIN unit u ON u.id = r.unit_id
         LEFT JOIN keys k ON k.unit_id = r.unit_id AND k.category = r.category AND k.funding_source = r.funding_source
                         AND k.project_key = r.project_key AND k.econ_code = r.econ_code AND k.func_code = r.func_code
        WHERE r.year_id = ? AND r.direction = 'out' AND r.line_key = 0
        GROUP BY r.unit_id
        ORDER BY r.unit_id`,
    )
    .all(yearId, yearId) as UnmatchedFact[];
}

export function codeUseFacts(db: Db, yearId: number): CodeUseFact[] {
  return db
    .prepare(
      `SELECT 'budget' AS source, 'econ' AS kind, econ_code AS code, count(*) AS count, sum(final_fen) AS amountFen,
              min(id) AS firstLineId
         FROM budget_line WHERE year_id = ? GROUP BY econ_code
       UNION ALL
       SELECT 'budget', 'func', func_code, count(*), sum(final_fen), min(id) FROM budget_line WHERE year_id = ? GROUP BY func_code
       UNION ALL
       SELECT 'ledger', 'econ', econ_code, sum(txn_count), sum(amount_fen), NULL
         FROM ledger_rollup WHERE year_id = ? AND direction = 'out' GROUP BY econ_code
       UNION ALL
       SELECT 'ledger', 'func', func_code, sum(txn_count), sum(amount_fen), NULL
         FROM ledger_rollup WHERE year_id = ? AND direction = 'out' GROUP BY func_code`,
    )
    .all(yearId, yearId, yearId, yearId) as CodeUseFact[];
}

export function categoryEconFacts(db: Db, yearId: number): CategoryEconFact[] {
  return db
    .prepare(
      `SELECT 'budget' AS source, category, substr(econ_code, 1, 3) AS econClass, count(*) AS count,
              sum(final_fen) AS amountFen, min(id) AS firstLineId
         FROM budget_line WHERE year_id = ? AND category <> 'project'
        GROUP BY category, substr(econ_code, 1, 3)
       UNION ALL
       SELECT 'ledger', category, substr(econ_code, 1, 3), sum(txn_count), sum(amount_fen), NULL
         FROM ledger_rollup WHERE year_id = ? AND direction = 'out' AND category NOT IN ('project', 'unclassified')
        GROUP BY category, substr(econ_code, 1, 3)`,
    )
    .all(yearId, yearId) as CategoryEconFact[];
}

/** Periods outside [from, to] holding any transaction; the amount counts spending only. */
export function outsidePeriodFacts(db: Db, yearId: number, from: string, to: string): PeriodFact[] {
  return db
    .prepare(
      `SELECT period, sum(txn_count) AS count, sum(CASE WHEN direction = 'out' THEN amount_fen ELSE 0 END) AS amountFen
         FROM ledger_rollup
        WHERE year_id = ? AND period NOT BETWEEN ? AND ?
        GROUP BY period ORDER BY period`,
    )
    .all(yearId, from, to) as PeriodFact[];
}

export function negativeSpendingFacts(db: Db, yearId: number): NegativeSpendingFact[] {
  return db
    .prepare(
      `SELECT r.unit_id AS unitId, u.name AS unitName, r.category, r.econ_code AS econCode,
              sum(r.amount_fen) AS amountFen, sum(r.txn_count) AS count
         FROM ledger_rollup r JOIN unit u ON u.id = r.unit_id
        WHERE r.year_id = ? AND r.direction = 'out'
        GROUP BY r.unit_id, r.category, r.econ_code
       HAVING sum(r.amount_fen) < 0
        ORDER BY r.unit_id, r.category, r.econ_code`,
    )
    .all(yearId) as NegativeSpendingFact[];
}
