-- Schema 2: a rollup of ledger_txn kept exact by triggers, so every 预算执行 breakdown and every
-- 审核 check reads a few thousand group rows instead of scanning up to a million transactions
-- (a GROUP BY over 1 M rows costs 3–10× a bare SUM even with covering indexes; the 预算执行 page
-- and the checks re-run on every edit). One row per combination of the breakdown dimensions.
-- project_key and line_key are 0 for "none": a NULL in a key would make every such row distinct.
-- No foreign keys: rows follow ledger_txn through the triggers (cascaded deletes fire them too),
-- and a row whose count reaches 0 is removed.
CREATE TABLE ledger_rollup (
  year_id INTEGER NOT NULL,
  direction TEXT NOT NULL,
  unit_id INTEGER NOT NULL,
  category TEXT NOT NULL,
  funding_source TEXT NOT NULL,
  project_key INTEGER NOT NULL,
  econ_code TEXT NOT NULL,
  func_code TEXT NOT NULL,
  line_key INTEGER NOT NULL,
  period TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  txn_count INTEGER NOT NULL,
  PRIMARY KEY (year_id, direction, unit_id, category, funding_source, project_key, econ_code, func_code, line_key, period)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER ledger_txn_rollup_insert AFTER INSERT ON ledger_txn BEGIN
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

-- Fires for ON DELETE SET NULL of budget_line/project too (foreign-key actions run UPDATE triggers).
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

-- Files created at schema 1 may already hold transactions.
INSERT INTO ledger_rollup (year_id, direction, unit_id, category, funding_source, project_key, econ_code, func_code,
                           line_key, period, amount_fen, txn_count)
SELECT year_id, direction, unit_id, category, funding_source, coalesce(project_id, 0), econ_code, func_code,
       coalesce(budget_line_id, 0), period, sum(amount_fen), count(*)
  FROM ledger_txn
 GROUP BY year_id, direction, unit_id, category, funding_source, coalesce(project_id, 0), econ_code, func_code,
          coalesce(budget_line_id, 0), period;

-- The 支出明细 grid pages through a year in date order; without this every page sorts the year.
CREATE INDEX ledger_txn_year_date ON ledger_txn (year_id, txn_date);
