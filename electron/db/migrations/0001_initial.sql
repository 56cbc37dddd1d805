-- Schema 1: the whole domain. Every amount is INTEGER fen; every score is INTEGER hundredths of a point
-- ("centi"); every percentage target is INTEGER hundredths of a percent. Tables are STRICT so a float
-- or a string can never slip into an amount column.

CREATE TABLE department (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  code TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- 本级 and subordinate units of the department; is_primary marks the 本级 unit.
CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES department(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  code TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('admin', 'institution')),
  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  head_name TEXT NOT NULL DEFAULT '',
  finance_head_name TEXT NOT NULL DEFAULT '',
  preparer_name TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (department_id, name)
) STRICT;

CREATE TABLE fiscal_year (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES department(id) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  finalized_at TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (department_id, year)
) STRICT;

-- 部门概况 for one year. Lists are JSON arrays of strings, validated at the API boundary.
CREATE TABLE department_profile (
  year_id INTEGER PRIMARY KEY REFERENCES fiscal_year(id) ON DELETE CASCADE,
  duties_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(duties_json)),
  internal_offices_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(internal_offices_json)),
  staff_authorized INTEGER CHECK (staff_authorized IS NULL OR staff_authorized >= 0),
  staff_actual INTEGER CHECK (staff_actual IS NULL OR staff_actual >= 0),
  overall_goal TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- 年度工作: key work areas, their tasks, and each task's measurable results.
CREATE TABLE work_area (
  id INTEGER PRIMARY KEY,
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE work_task (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES work_area(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'partial', 'not_done')),
  evidence TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Non-money measures (documents, work orders, rates) keep the decimal text the user typed, so
-- "23.36" prints as typed; numeric comparisons parse it.
CREATE TABLE task_measure (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES work_task(id) ON DELETE CASCADE,
  key TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  target_value TEXT CHECK (target_value IS NULL OR target_value GLOB '*[0-9]*'),
  actual_value TEXT CHECK (actual_value IS NULL OR actual_value GLOB '*[0-9]*'),
  direction TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower', 'equal')),
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,
  code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (year_id, name)
) STRICT;

-- A project's own 产出/效益/满意度 indicators.
CREATE TABLE project_indicator (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('output', 'outcome', 'satisfaction')),
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  target_value TEXT,
  actual_value TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,
  target TEXT NOT NULL CHECK (target IN ('ledger', 'budget')),
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  file_format TEXT NOT NULL,
  sheet_name TEXT NOT NULL DEFAULT '',
  header_row INTEGER,
  amount_scale TEXT NOT NULL DEFAULT 'yuan' CHECK (amount_scale IN ('yuan', 'thousand', 'wan')),
  profile_id INTEGER REFERENCES mapping_profile(id) ON DELETE SET NULL,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_imported INTEGER NOT NULL DEFAULT 0,
  rows_duplicate INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_skipped_layout INTEGER NOT NULL DEFAULT 0,
  outflow_fen INTEGER NOT NULL DEFAULT 0,
  inflow_fen INTEGER NOT NULL DEFAULT 0,
  date_from TEXT,
  date_to TEXT,
  report_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(report_json)),
  status TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed', 'reverted')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  reverted_at TEXT,
  CHECK (rows_read = rows_imported + rows_duplicate + rows_rejected + rows_skipped_layout)
) STRICT;
CREATE INDEX import_batch_sha ON import_batch (file_sha256, status);

-- Column mappings saved by name and recognised by the header signature of the file.
CREATE TABLE mapping_profile (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  target TEXT NOT NULL CHECK (target IN ('ledger', 'budget')),
  header_signature TEXT NOT NULL,
  mapping_json TEXT NOT NULL CHECK (json_valid(mapping_json)),
  options_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options_json)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX mapping_profile_signature ON mapping_profile (header_signature);

-- Budget quota lines (指标). final = initial + adjustment, never typed.
CREATE TABLE budget_line (
  id INTEGER PRIMARY KEY,
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
  funding_source TEXT NOT NULL CHECK (funding_source IN
    ('general_budget', 'gov_fund', 'state_capital', 'special_account', 'unit_other')),
  category TEXT NOT NULL CHECK (category IN ('personnel', 'public', 'project')),
  project_id INTEGER REFERENCES project(id) ON DELETE RESTRICT,
  func_code TEXT NOT NULL DEFAULT '',
  func_name TEXT NOT NULL DEFAULT '',
  econ_code TEXT NOT NULL DEFAULT '',
  econ_name TEXT NOT NULL DEFAULT '',
  initial_fen INTEGER NOT NULL DEFAULT 0,
  adjustment_fen INTEGER NOT NULL DEFAULT 0,
  final_fen INTEGER GENERATED ALWAYS AS (initial_fen + adjustment_fen) VIRTUAL,
  doc_no TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  batch_id INTEGER REFERENCES import_batch(id) ON DELETE CASCADE,
  source_row INTEGER,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (project_id IS NULL OR category = 'project')
) STRICT;
CREATE INDEX budget_line_year ON budget_line (year_id, unit_id, category);

-- Actual ledger transactions. amount_fen is signed within its direction (a red-letter reversal is a
-- negative 'out'); category is resolved at write time so every breakdown is a plain GROUP BY.
CREATE TABLE ledger_txn (
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
  category TEXT NOT NULL CHECK (category IN ('personnel', 'public', 'project')),
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
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
-- Covering indexes matched to the breakdowns' GROUP BYs (perf-and-feasibility §1).
CREATE INDEX ledger_txn_year_cat ON ledger_txn (year_id, direction, unit_id, category, funding_source, amount_fen);
CREATE INDEX ledger_txn_year_period ON ledger_txn (year_id, direction, period, amount_fen);
CREATE INDEX ledger_txn_year_econ ON ledger_txn (year_id, direction, econ_code, amount_fen);
CREATE INDEX ledger_txn_year_project ON ledger_txn (year_id, direction, project_id, amount_fen);
CREATE INDEX ledger_txn_batch ON ledger_txn (batch_id, source_row);
CREATE INDEX ledger_txn_fingerprint ON ledger_txn (year_id, fingerprint);
CREATE INDEX ledger_txn_budget_line ON ledger_txn (budget_line_id);

-- Government procurement plan vs actual (政府采购执行率), entered by the user.
CREATE TABLE procurement_summary (
  year_id INTEGER PRIMARY KEY REFERENCES fiscal_year(id) ON DELETE CASCADE,
  planned_fen INTEGER NOT NULL DEFAULT 0 CHECK (planned_fen >= 0),
  actual_fen INTEGER NOT NULL DEFAULT 0 CHECK (actual_fen >= 0),
  note TEXT NOT NULL DEFAULT ''
) STRICT;

-- Cumulative execution targets by quarter end, in hundredths of a percent.
CREATE TABLE execution_target (
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  target_bp INTEGER NOT NULL CHECK (target_bp BETWEEN 0 AND 10000),
  PRIMARY KEY (year_id, quarter)
) STRICT;

-- Written explanations (出错说明) for 提示-level check findings.
CREATE TABLE check_explanation (
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  check_id TEXT NOT NULL,
  subject_key TEXT NOT NULL DEFAULT '',
  explanation TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (year_id, check_id, subject_key)
) STRICT;

-- Indicator frameworks: a template has year_id NULL; a year works on its own copy.
CREATE TABLE framework (
  id INTEGER PRIMARY KEY,
  year_id INTEGER UNIQUE REFERENCES fiscal_year(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  version TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE indicator (
  id INTEGER PRIMARY KEY,
  framework_id INTEGER NOT NULL REFERENCES framework(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES indicator(id) ON DELETE CASCADE,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  weight_centi INTEGER NOT NULL CHECK (weight_centi >= 0),
  self_scored INTEGER NOT NULL DEFAULT 1 CHECK (self_scored IN (0, 1)),
  rule_type TEXT NOT NULL DEFAULT 'none',
  rule_params_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(rule_params_json)),
  value_source TEXT NOT NULL DEFAULT 'manual',
  definition TEXT NOT NULL DEFAULT '',
  criteria TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (framework_id, code)
) STRICT;

-- A year's inputs and results per indicator. Values are decimal text as entered; scores in centi.
CREATE TABLE indicator_score (
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  target_value TEXT,
  actual_value TEXT,
  band TEXT CHECK (band IS NULL OR band IN ('achieved', 'partial', 'not_achieved')),
  chosen_score_centi INTEGER,
  override_score_centi INTEGER,
  basis TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (year_id, indicator_id)
) STRICT;

-- Narrative sections of the report; body may hold {{placeholders}} for live figures.
CREATE TABLE report_section (
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  section_key TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  generated INTEGER NOT NULL DEFAULT 0 CHECK (generated IN (0, 1)),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (year_id, section_key)
) STRICT;

CREATE TABLE signature_block (
  year_id INTEGER PRIMARY KEY REFERENCES fiscal_year(id) ON DELETE CASCADE,
  unit_head TEXT NOT NULL DEFAULT '',
  finance_head TEXT NOT NULL DEFAULT '',
  preparer TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  sealing_unit TEXT NOT NULL DEFAULT '',
  report_date TEXT
) STRICT;

-- The exact bytes of a finalized report, so the signed copy can always be reproduced.
CREATE TABLE report_snapshot (
  id INTEGER PRIMARY KEY,
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  format TEXT NOT NULL CHECK (format IN ('pdf', 'xlsx', 'docx')),
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  reopened_at TEXT,
  reopen_reason TEXT
) STRICT;

CREATE TABLE app_setting (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json))
) STRICT;

-- Append-only history of every change, with before/after images for undo.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL DEFAULT '',
  year_id INTEGER,
  before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
  batch_id INTEGER
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
