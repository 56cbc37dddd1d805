import type { CodeKind } from '../../../shared/budget/code-list.ts';
import type { StoredCodeName, StoredCodeNameSource } from '../../../shared/codes/code-names.ts';
import type { Db } from '../open.ts';

export function listCodeNames(db: Db): StoredCodeName[] {
  return db.prepare('SELECT kind, code, name, source FROM code_name ORDER BY kind, code').all() as StoredCodeName[];
}

export function getCodeName(db: Db, kind: CodeKind, code: string): StoredCodeName | null {
  return (db.prepare('SELECT kind, code, name, source FROM code_name WHERE kind = ? AND code = ?').get(kind, code) as StoredCodeName | undefined) ?? null;
}

/** Writes an imported or typed name over whatever the code had. */
export function putCodeName(db: Db, kind: CodeKind, code: string, name: string, source: Exclude<StoredCodeNameSource, 'learned'>): void {
  db.prepare(
    `INSERT INTO code_name (kind, code, name, source) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, code) DO UPDATE SET name = excluded.name, source = excluded.source,
       updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')`,
  ).run(kind, code, name, source);
}

export function deleteCodeName(db: Db, kind: CodeKind, code: string): void {
  db.prepare('DELETE FROM code_name WHERE kind = ? AND code = ?').run(kind, code);
}

/**
 * Names a year file carries, restored into this data file: a name is added where the code has
 * none, and replaces one only of a weaker source (typed > imported > learned), so an older year's
 * file never overwrites what the office has since typed or imported here.
 */
export function restoreCodeNames(db: Db, names: readonly StoredCodeName[]): number {
  const rank = (col: string) => `CASE ${col} WHEN 'manual' THEN 0 WHEN 'imported' THEN 1 ELSE 2 END`;
  const upsert = db.prepare(
    `INSERT INTO code_name (kind, code, name, source) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, code) DO UPDATE SET name = excluded.name, source = excluded.source,
       updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
     WHERE ${rank('excluded.source')} < ${rank('code_name.source')}`,
  );
  let changed = 0;
  for (const n of names) changed += upsert.run(n.kind, n.code, n.name, n.source).changes;
  return changed;
}

/**
 * Names read from an import's classification cells ("30201 办公费" in a ledger) kept as learned
 * names for codes the data file has no name for yet. Returns how many were added.
 */
export function learnCodeNames(db: Db, names: readonly { kind: CodeKind; code: string; name: string }[]): number {
  const insert = db.prepare(
    `INSERT INTO code_name (kind, code, name, source) VALUES (?, ?, ?, 'learned') ON CONFLICT (kind, code) DO NOTHING`,
  );
  let added = 0;
  for (const n of names) added += insert.run(n.kind, n.code, n.name).changes;
  return added;
}

/**
 * Names the year's budget lines carry ("2010601 行政运行" read into code and name) kept as learned
 * names for codes the data file has no name for yet: a learned name never replaces another. Only
 * codes of the shape the 科目代码 page accepts (功能分类 2…, 经济分类 3… or 5…).
 * Returns how many were added.
 */
export function learnBudgetCodeNames(db: Db, yearId: number): number {
  const info = db
    .prepare(
      `INSERT INTO code_name (kind, code, name, source)
       SELECT kind, code, name, 'learned' FROM (
         SELECT 'econ' AS kind, econ_code AS code, max(trim(econ_name)) AS name FROM budget_line
          WHERE year_id = ? AND trim(econ_name) <> '' AND econ_code GLOB '[35]*' AND length(econ_code) IN (3, 5) AND econ_code NOT GLOB '*[^0-9]*' GROUP BY econ_code
         UNION ALL
         SELECT 'func', func_code, max(trim(func_name)) FROM budget_line
          WHERE year_id = ? AND trim(func_name) <> '' AND func_code GLOB '2*' AND length(func_code) IN (3, 5, 7) AND func_code NOT GLOB '*[^0-9]*' GROUP BY func_code
       ) WHERE true
       ON CONFLICT (kind, code) DO NOTHING`,
    )
    .run(yearId, yearId);
  return info.changes;
}
