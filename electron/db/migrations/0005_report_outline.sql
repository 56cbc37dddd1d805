-- Schema 5: a year's report outline (sections, what each prints, which annexes) as a JSON document
-- in the format resources/outlines/*.json uses. A year without a row prints with the default
-- (Guangdong) outline, which is exactly what every year printed before this version, so existing
-- data files and year files need no row.
CREATE TABLE report_outline (
  year_id INTEGER PRIMARY KEY REFERENCES fiscal_year(id) ON DELETE CASCADE,
  doc_json TEXT NOT NULL CHECK (json_valid(doc_json)),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
