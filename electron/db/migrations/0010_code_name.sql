-- Schema 10: the 功能分类 / 经济分类 names this office uses, beside the shipped lists (which no
-- office's list matches exactly). 'imported' rows come from the office's own 科目表 file, 'manual'
-- ones were typed on the 科目代码 page, 'learned' ones were read from imported data ("2010601 行政运行").
-- One name per code in the data file; a learned name never replaces an imported or typed one.
CREATE TABLE code_name (
  kind TEXT NOT NULL CHECK (kind IN ('func', 'econ')),
  code TEXT NOT NULL CHECK (code <> '' AND code NOT GLOB '*[^0-9]*'),
  name TEXT NOT NULL CHECK (name <> ''),
  source TEXT NOT NULL CHECK (source IN ('imported', 'manual', 'learned')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (kind, code)
) STRICT;
