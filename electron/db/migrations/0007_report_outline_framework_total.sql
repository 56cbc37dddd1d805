-- Schema 6, part 1: a year's report outline (sections, what each prints, which annexes) as a JSON document
-- in the format resources/outlines/*.json uses. A year without a row prints with the default
-- (Guangdong) outline, which is exactly what every year printed before this version, so existing
-- data files and year files need no row.
CREATE TABLE report_outline (
  year_id INTEGER PRIMARY KEY REFERENCES fiscal_year(id) ON DELETE CASCADE,
  doc_json TEXT NOT NULL CHECK (json_valid(doc_json)),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- A framework may state its total (满分). When it does, its 一级 weights must add up to it, or the
-- framework is refused; frameworks stored before this version state none and are checked as before.
ALTER TABLE framework ADD COLUMN total_centi INTEGER CHECK (total_centi IS NULL OR total_centi >= 0);

-- MOF-style 自评表 columns: a framework may ask for 得分系数 (score ÷ weight) and 核心指标 columns,
-- and mark indicators as 核心指标. Frameworks stored before this version ask for neither.
ALTER TABLE framework ADD COLUMN score_columns TEXT NOT NULL DEFAULT '';
ALTER TABLE indicator ADD COLUMN is_core INTEGER NOT NULL DEFAULT 0 CHECK (is_core IN (0, 1));
