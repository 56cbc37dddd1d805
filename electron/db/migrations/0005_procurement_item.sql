-- 政府采购 by item: what the office planned to buy through government procurement and what it
-- bought. Where a year has items, its procurement totals are their sums; procurement_summary then
-- only carries the note (and stays the place for offices that enter totals alone).
CREATE TABLE procurement_item (
  id INTEGER PRIMARY KEY,
  year_id INTEGER NOT NULL REFERENCES fiscal_year(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('goods', 'works', 'services')),
  planned_fen INTEGER NOT NULL CHECK (planned_fen >= 0),
  actual_fen INTEGER NOT NULL CHECK (actual_fen >= 0),
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX procurement_item_year ON procurement_item(year_id, id);
