-- Schema 12: bank rows that nothing classifies stay 未分类 instead of silently counting as
-- 基本支出·公用经费, and the office's classification rules (摘要 contains 工资 → 30101 …) live in the
-- data file, reused by every import.
--
-- 1. ledger_txn.category gains 'unclassified'. SQLite cannot widen a CHECK in place, so the table is
--    rebuilt (same columns, indexes and rollup triggers). No table references ledger_txn, so nothing
--    else changes. Spending rows an import wrote with no economic code, no project, no budget line
--    and the fallback 公用经费 are what the old importer guessed, not what anyone said: they become
--    未分类, and 审核 lists them. Rows with a code (the example year's) keep their category.
CREATE TABLE ledger_txn_new (
  id INTEGER PRIMARY KEY,
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
  txn_date TEXT NOT NULL CHECK (txn_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  period TEXT GENERATED ALWAYS AS (substr(txn_date, 1, 7)) VIRTUAL,
  voucher_no TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  counterparty TEXT NOT NULL DEFAULT '',
  serial_no TEXT NOT NULL DEFAULT '',
  funding_source TEXT NOT NULL DEFAULT 'general_budget' CHECK (funding_source IN
    ('general_budget', 'gov_fund', 'state_capital', 'special_account', 'unit_other')),
  category TEXT NOT NULL CHECK (category IN ('personnel', 'public', 'project', 'unclassified')),
  func_code TEXT NOT NULL DEFAULT '',
  econ_code TEXT NOT NULL DEFAULT '',
  project_id INTEGER REFERENCES project(id) ON DELETE RESTRICT,
  budget_line_id INTEGER REFERENCES budget_line(id) ON DELETE SET NULL,
  direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
  amount_fen INTEGER NOT NULL,
  batch_id INTEGER REFERENCES import_batch(id) ON DELETE CASCADE,
  source_file TEXT NOT NULL DEFAULT '',
  source_sheet TEXT NOT NULL DEFAULT '',
  source_row INTEGER,
  fingerprint TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (category <> 'unclassified' OR (direction = 'out' AND project_id IS NULL))
) STRICT;

INSERT INTO ledger_txn_new (id, year_id, unit_id, txn_date, voucher_no, summary, counterparty, serial_no, funding_source,
                            category, func_code, econ_code, project_id, budget_line_id, direction, amount_fen, batch_id,
                            source_file, source_sheet, source_row, fingerprint, created_at)
SELECT id, year_id, unit_id, txn_date, voucher_no, summary, counterparty, serial_no, funding_source,
       CASE WHEN direction = 'out' AND category = 'public' AND econ_code = '' AND project_id IS NULL
                 AND budget_line_id IS NULL AND batch_id IS NOT NULL
            THEN 'unclassified' ELSE category END,
       func_code, econ_code, project_id, budget_line_id, direction, amount_fen, batch_id,
       source_file, source_sheet, source_row, fingerprint, created_at
  FROM ledger_txn;

DROP TABLE ledger_txn;
ALTER TABLE ledger_txn_new RENAME TO ledger_txn;

CREATE INDEX ledger_txn_batch ON ledger_txn (batch_id, source_row);
CREATE INDEX ledger_txn_fingerprint ON ledger_txn (year_id, fingerprint);
CREATE INDEX ledger_txn_budget_line ON ledger_txn (budget_line_id);
CREATE INDEX ledger_txn_year_date ON ledger_txn (year_id, txn_date, id, direction, amount_fen);

CREATE TRIGGER ledger_txn_rollup_insert AFTER INSERT ON ledger_txn
  WHEN NEW.batch_id IS NULL OR NOT EXISTS (SELECT 1 FROM ledger_rollup_deferred WHERE batch_id = NEW.batch_id)
BEGIN
  INSERT INTO ledger_rollup (year_id, direction, unit_id, category, funding_source, project_key, econ_code,
                             func_code, line_key, period, amount_fen, txn_count)
  VALUES (NEW.year_id, NEW.direction, NEW.unit_id, NEW.category, NEW.funding_source, coalesce(NEW.project_id, 0),
          NEW.econ_code, NEW.func_code, coalesce(NEW.budget_line_id, 0), NEW.period, NEW.amount_fen, 1)
  ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, txn_count = txn_count + 1;
END;

CREATE TRIGGER ledger_txn_rollup_delete AFTER DELETE ON ledger_txn BEGIN
  UPDATE ledger_rollup SET amount_fen = amount_fen - OLD.amount_fen, txn_count = txn_count - 1
   WHERE year_id = OLD.year_id AND direction = OLD.direction AND unit_id = OLD.unit_id AND category = OLD.category
     AND funding_source = OLD.funding_source AND project_key = coalesce(OLD.project_id, 0)
     AND econ_code = OLD.econ_code AND func_code = OLD.func_code AND line_key = coalesce(OLD.budget_line_id, 0)
     AND period = OLD.period;
  DELETE FROM ledger_rollup
   WHERE year_id = OLD.year_id AND direction = OLD.direction AND unit_id = OLD.unit_id AND category = OLD.category
     AND funding_source = OLD.funding_source AND project_key = coalesce(OLD.project_id, 0)
     AND econ_code = OLD.econ_code AND func_code = OLD.func_code AND line_key = coalesce(OLD.budget_line_id, 0)
     AND period = OLD.period AND txn_count = 0;
END;

CREATE TRIGGER ledger_txn_rollup_update AFTER UPDATE OF year_id, direction, unit_id, category, funding_source,
    project_id, econ_code, func_code, budget_line_id, txn_date, amount_fen ON ledger_txn BEGIN
  UPDATE ledger_rollup SET amount_fen = amount_fen - OLD.amount_fen, txn_count = txn_count - 1
   WHERE year_id = OLD.year_id AND direction = OLD.direction AND unit_id = OLD.unit_id AND category = OLD.category
     AND funding_source = OLD.funding_source AND project_key = coalesce(OLD.project_id, 0)
     AND econ_code = OLD.econ_code AND func_code = OLD.func_code AND line_key = coalesce(OLD.budget_line_id, 0)
     AND period = OLD.period;
  DELETE FROM ledger_rollup
   WHERE year_id = OLD.year_id AND direction = OLD.direction AND unit_id = OLD.unit_id AND category = OLD.category
     AND funding_source = OLD.funding_source AND project_key = coalesce(OLD.project_id, 0)
     AND econ_code = OLD.econ_code AND func_code = OLD.func_code AND line_key = coalesce(OLD.budget_line_id, 0)
     AND period = OLD.period AND txn_count = 0;
  INSERT INTO ledger_rollup (year_id, direction, unit_id, category, funding_source, project_key, econ_code,
                             func_code, line_key, period, amount_fen, txn_count)
  VALUES (NEW.year_id, NEW.direction, NEW.unit_id, NEW.category, NEW.funding_source, coalesce(NEW.project_id, 0),
          NEW.econ_code, NEW.func_code, coalesce(NEW.budget_line_id, 0), NEW.period, NEW.amount_fen, 1)
  ON CONFLICT DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, txn_count = txn_count + 1;
END;

-- The rollup is rebuilt from the rows as they now are (the reclassified rows moved category).
DELETE FROM ledger_rollup;
INSERT INTO ledger_rollup (year_id, direction, unit_id, category, funding_source, project_key, econ_code, func_code,
                           line_key, period, amount_fen, txn_count)
SELECT year_id, direction, unit_id, category, funding_source, coalesce(project_id, 0), econ_code, func_code,
       coalesce(budget_line_id, 0), period, sum(amount_fen), count(*)
  FROM ledger_txn
 GROUP BY year_id, direction, unit_id, category, funding_source, coalesce(project_id, 0), econ_code, func_code,
          coalesce(budget_line_id, 0), period;

-- 2. Classification rules, tried in sort_order; the first that matches a row decides what it sets.
--    A rule's project is a name (or code) looked up in the year being imported: rules outlive years.
CREATE TABLE classification_rule (
  id INTEGER PRIMARY KEY,
  sort_order INTEGER NOT NULL DEFAULT 0,
  field TEXT NOT NULL CHECK (field IN ('summary', 'counterparty')),
  match TEXT NOT NULL CHECK (match IN ('contains', 'equals')),
  pattern TEXT NOT NULL CHECK (length(trim(pattern)) > 0),
  econ_code TEXT NOT NULL DEFAULT '' CHECK (econ_code NOT GLOB '*[^0-9]*'),
  func_code TEXT NOT NULL DEFAULT '' CHECK (func_code NOT GLOB '*[^0-9]*'),
  category TEXT CHECK (category IS NULL OR category IN ('personnel', 'public', 'project')),
  project TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (econ_code <> '' OR func_code <> '' OR category IS NOT NULL OR project <> '')
) STRICT;
