import type { Db } from '../open.ts';

export interface AmountTotal {
  table: 'ledger_txn' | 'budget_line';
  label: string;
  /** Sum of absolute values (SQLite sums integers exactly up to 2^63). */
  total: number;
}

/** The absolute-value totals of each amount column of one year. */
export function yearAmountTotals(db: Db, yearId: number): AmountTotal[] {
  const one = (sql: string) => ((db.prepare(sql).get(yearId) as { t: number | null }).t ?? 0);
  return [
    { table: 'ledger_txn', label: '支出记录金额', total: one('SELECT sum(abs(amount_fen)) AS t FROM ledger_txn WHERE year_id = ?') },
    { table: 'budget_line', label: '年初预算', total: one('SELECT sum(abs(initial_fen)) AS t FROM budget_line WHERE year_id = ?') },
    { table: 'budget_line', label: '预算调整数', total: one('SELECT sum(abs(adjustment_fen)) AS t FROM budget_line WHERE year_id = ?') },
    { table: 'budget_line', label: '调整后预算', total: one('SELECT sum(abs(initial_fen + adjustment_fen)) AS t FROM budget_line WHERE year_id = ?') },
  ];
}
