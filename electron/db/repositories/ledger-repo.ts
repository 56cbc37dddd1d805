import type { LedgerCategory } from '../../../shared/domain/enums.ts';
import type { Procurement, Txn, TxnInput } from '../../../shared/domain/ledger.ts';
import type { Db } from '../open.ts';
import { procurementItemTotals } from './procurement-repo.ts';

interface TxnRow {
  id: number;
  year_id: number;
  unit_id: number;
  txn_date: string;
  voucher_no: string;
  summary: string;
  counterparty: string;
  funding_source: Txn['fundingSource'];
  category: Txn['category'];
  func_code: string;
  econ_code: string;
  project_id: number | null;
  budget_line_id: number | null;
  direction: Txn['direction'];
  amount_fen: number;
  batch_id: number | null;
  source_file: string;
  source_sheet: string;
  source_row: number | null;
}

export const toTxn = (r: TxnRow): Txn => ({
  id: r.id,
  yearId: r.year_id,
  unitId: r.unit_id,
  txnDate: r.txn_date,
  voucherNo: r.voucher_no,
  summary: r.summary,
  counterparty: r.counterparty,
  fundingSource: r.funding_source,
  category: r.category,
  funcCode: r.func_code,
  econCode: r.econ_code,
  projectId: r.project_id,
  budgetLineId: r.budget_line_id,
  direction: r.direction,
  amountFen: r.amount_fen,
  batchId: r.batch_id,
  sourceFile: r.source_file,
  sourceSheet: r.source_sheet,
  sourceRow: r.source_row,
});

export function getTxn(db: Db, id: number): Txn | null {
  const r = db.prepare('SELECT * FROM ledger_txn WHERE id = ?').get(id) as TxnRow | undefined;
  return r ? toTxn(r) : null;
}

type Stored = Omit<TxnInput, 'id' | 'category'> & { category: LedgerCategory };

function params(t: Stored) {
  return [
    t.yearId,
    t.unitId,
    t.txnDate,
    t.voucherNo,
    t.summary,
    t.counterparty,
    t.fundingSource,
    t.category,
    t.funcCode,
    t.econCode,
    t.projectId,
    t.budgetLineId,
    t.direction,
    t.amountFen,
  ];
}

export function insertTxn(db: Db, t: Stored): number {
  return Number(
    db
      .prepare(
        `INSERT INTO ledger_txn (year_id, unit_id, txn_date, voucher_no, summary, counterparty, funding_source, category,
           func_code, econ_code, project_id, budget_line_id, direction, amount_fen)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...params(t)).lastInsertRowid,
  );
}

export function updateTxn(db: Db, id: number, t: Stored): void {
  db.prepare(
    `UPDATE ledger_txn SET year_id = ?, unit_id = ?, txn_date = ?, voucher_no = ?, summary = ?, counterparty = ?,
       funding_source = ?, category = ?, func_code = ?, econ_code = ?, project_id = ?, budget_line_id = ?, direction = ?,
       amount_fen = ? WHERE id = ?`,
  ).run(...params(t), id);
}

export function deleteTxn(db: Db, id: number): void {
  db.prepare('DELETE FROM ledger_txn WHERE id = ?').run(id);
}

export function getProcurement(db: Db, yearId: number): Procurement {
  const r = db.prepare('SELECT planned_fen, actual_fen, note FROM procurement_summary WHERE year_id = ?').get(yearId) as
    | { planned_fen: number; actual_fen: number; note: string }
    | undefined;
  // Items, where the year has any, are the figures; the summary row then keeps only its note.
  const items = procurementItemTotals(db, yearId);
  return {
    yearId,
    plannedFen: items?.plannedFen ?? r?.planned_fen ?? 0,
    actualFen: items?.actualFen ?? r?.actual_fen ?? 0,
    note: r?.note ?? '',
  };
}

export function upsertProcurement(db: Db, p: Procurement): void {
  db.prepare(
    `INSERT INTO procurement_summary (year_id, planned_fen, actual_fen, note) VALUES (?, ?, ?, ?)
     ON CONFLICT (year_id) DO UPDATE SET planned_fen = excluded.planned_fen, actual_fen = excluded.actual_fen, note = excluded.note`,
  ).run(p.yearId, p.plannedFen, p.actualFen, p.note);
}

export function deleteProcurement(db: Db, yearId: number): void {
  db.prepare('DELETE FROM procurement_summary WHERE year_id = ?').run(yearId);
}
