import type { Db } from '../open.ts';

// A year's report outline, stored as its JSON document (validated by the service on the way in
// and on the way out).

export function getOutlineJson(db: Db, yearId: number): string | null {
  const row = db.prepare('SELECT doc_json FROM report_outline WHERE year_id = ?').get(yearId) as { doc_json: string } | undefined;
  return row?.doc_json ?? null;
}

export function upsertOutlineJson(db: Db, yearId: number, json: string): void {
  db.prepare(
    `INSERT INTO report_outline (year_id, doc_json) VALUES (?, ?)
     ON CONFLICT (year_id) DO UPDATE SET doc_json = excluded.doc_json, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(yearId, json);
}

export function deleteOutline(db: Db, yearId: number): void {
  db.prepare('DELETE FROM report_outline WHERE year_id = ?').run(yearId);
}
