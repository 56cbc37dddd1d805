-- Schema 3: what a 200,000-row import costs per row, cut to what something needs.
--
-- 1. ledger_txn keeps only the indexes a query still uses. The four covering indexes of schema 1
--    (by category, period, econ code, project) served breakdowns that read ledger_rollup since
--    schema 2; each is a B-tree insert at a random position per imported row (≈0.8 s per 200,000
--    rows each, together more than writing the rows). The spending total that cross-checks the
--    rollup (审核) reads the date index instead, which now also covers direction and amount. Its
--    key (year, date, id) keeps date-then-id order for the 支出明细 pages and the expense report
--    without a sort, and an import in date order appends to it instead of scattering.
DROP INDEX ledger_txn_year_cat;
DROP INDEX ledger_txn_year_period;
DROP INDEX ledger_txn_year_econ;
DROP INDEX ledger_txn_year_project;
DROP INDEX ledger_txn_year_date;
CREATE INDEX ledger_txn_year_date ON ledger_txn (year_id, txn_date, id, direction, amount_fen);

-- 2. A bulk import keeps ledger_rollup exact itself, with one grouped upsert per arriving block of
--    rows instead of one upsert per row from the insert trigger. While an import's transaction is
--    open its batch is listed here and the trigger skips that batch's rows; the importer removes
--    the entry before it commits, so outside an import transaction this table is always empty
--    (and a rolled-back import leaves nothing either way).
CREATE TABLE ledger_rollup_deferred (
  batch_id INTEGER PRIMARY KEY REFERENCES import_batch(id) ON DELETE CASCADE
) STRICT;

DROP TRIGGER ledger_txn_rollup_insert;
CREATE TRIGGER ledger_txn_rollup_insert AFTER INSERT ON ledger_txn
  WHEN NEW.batch_id IS NULL OR NOT EXISTS (SELECT 1 FROM ledger_rollup_deferred WHERE batch_id = NEW.batch_id)
BEGIN
  INSERT INTO ledger_rollup (year_id, direction, unit_id, category, funding_source, project_key, econ_code,
                             func_code, line_key, period, amount_fen, txn_count)
  VALUES (NEW.year_id, NEW.direction, NEW.unit_id, NEW.category, NEW.funding_source, coalesce(NEW.project_id, 0),
          NEW.econ_code, NEW.func_code, coalesce(NEW.budget_line_id, 0), NEW.period, NEW.amount_fen, 1)
  ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, txn_count = txn_count + 1;
END;
