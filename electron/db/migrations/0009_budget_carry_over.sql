-- Schema 9: 上年结转结余 — money carried over from earlier years, part of the year's 全年预算数 but not
-- of this year's appropriation. A flag beside funding_source rather than a sixth funding_source
-- value: widening the CHECK on funding_source would mean rebuilding budget_line, and dropping the old
-- table would null every ledger_txn.budget_line_id through ON DELETE SET NULL. Carried-over money
-- keeps the source it came from (usually general_budget), so spending from it still links to its
-- lines; budget_source is what reports group by.
ALTER TABLE budget_line ADD COLUMN carry_over INTEGER NOT NULL DEFAULT 0 CHECK (carry_over IN (0, 1));
ALTER TABLE budget_line ADD COLUMN budget_source TEXT
  GENERATED ALWAYS AS (CASE WHEN carry_over = 1 THEN 'carry_over' ELSE funding_source END) VIRTUAL;
