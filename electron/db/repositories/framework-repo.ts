import { pointsNumberToCenti } from '../../../shared/scoring/points.ts';
import type { Db } from '../open.ts';

// All SQL on framework and indicator. A framework with year_id NULL is a template; a year scores
// against its own copy, so editing one year never changes another.

export interface FrameworkRecord {
  id: number;
  yearId: number | null;
  name: string;
  version: string;
  source: string;
  /** The stated 满分; null when the framework states none. */
  totalCenti: number | null;
  /** Extra 自评表 columns, comma-separated ('coefficient', 'core'); '' for none. */
  scoreColumns: string;
  createdAt: string;
}

export interface FrameworkListRecord extends FrameworkRecord {
  indicatorCount: number;
  /** Sum of the 一级 weights. */
  totalWeightCenti: number;
}

export interface IndicatorRecord {
  id: number;
  frameworkId: number;
  parentId: number | null;
  level: number;
  code: string;
  name: string;
  weightCenti: number;
  selfScored: boolean;
  ruleType: string;
  ruleParamsJson: string;
  valueSource: string;
  definition: string;
  criteria: string;
  sortOrder: number;
  isCore: boolean;
}

export type IndicatorWrite = Omit<IndicatorRecord, 'id' | 'frameworkId'>;

const FRAMEWORK_COLUMNS = `id, year_id AS yearId, name, version, source, total_centi AS totalCenti, score_columns AS scoreColumns, created_at AS createdAt`;

const INDICATOR_COLUMNS = `id, framework_id AS frameworkId, parent_id AS parentId, level, code, name,
  weight_centi AS weightCenti, self_scored AS selfScored, rule_type AS ruleType,
  rule_params_json AS ruleParamsJson, value_source AS valueSource, definition, criteria,
  sort_order AS sortOrder, is_core AS isCore`;

type RawIndicator = Omit<IndicatorRecord, 'selfScored' | 'isCore'> & { selfScored: number; isCore: number };

function toIndicator(raw: RawIndicator): IndicatorRecord {
  return { ...raw, selfScored: raw.selfScored === 1, isCore: raw.isCore === 1 };
}

export function getFramework(db: Db, frameworkId: number): FrameworkRecord | undefined {
  return db.prepare(`SELECT ${FRAMEWORK_COLUMNS} FROM framework WHERE id = ?`).get(frameworkId) as
    | FrameworkRecord
    | undefined;
}

export function findYearFramework(db: Db, yearId: number): FrameworkRecord | undefined {
  return db.prepare(`SELECT ${FRAMEWORK_COLUMNS} FROM framework WHERE year_id = ?`).get(yearId) as
    | FrameworkRecord
    | undefined;
}

export function findTemplate(db: Db, name: string, version: string): FrameworkRecord | undefined {
  return db
    .prepare(`SELECT ${FRAMEWORK_COLUMNS} FROM framework WHERE year_id IS NULL AND name = ? AND version = ? ORDER BY id LIMIT 1`)
    .get(name, version) as FrameworkRecord | undefined;
}

export function listFrameworks(db: Db): FrameworkListRecord[] {
  return db
    .prepare(
      `SELECT f.id, f.year_id AS yearId, f.name, f.version, f.source, f.total_centi AS totalCenti, f.score_columns AS scoreColumns, f.created_at AS createdAt,
              (SELECT count(*) FROM indicator i WHERE i.framework_id = f.id) AS indicatorCount,
              (SELECT coalesce(sum(weight_centi), 0) FROM indicator i
                WHERE i.framework_id = f.id AND i.parent_id IS NULL) AS totalWeightCenti
         FROM framework f
        ORDER BY f.year_id IS NOT NULL, f.year_id, f.id`,
    )
    .all() as FrameworkListRecord[];
}

export function insertFramework(
  db: Db,
  f: { yearId: number | null; name: string; version: string; source: string; total?: number | undefined; columns?: string[] | undefined },
): number {
  const info = db
    .prepare('INSERT INTO framework (year_id, name, version, source, total_centi, score_columns) VALUES (?, ?, ?, ?, ?, ?)')
    .run(f.yearId, f.name, f.version, f.source, totalCentiOf(f.total), (f.columns ?? []).join(','));
  return Number(info.lastInsertRowid);
}

export function updateFrameworkMeta(db: Db, frameworkId: number, f: { name: string; version: string; source: string; total?: number | undefined; columns?: string[] | undefined }): void {
  db.prepare('UPDATE framework SET name = ?, version = ?, source = ?, total_centi = ?, score_columns = ? WHERE id = ?').run(
    f.name,
    f.version,
    f.source,
    totalCentiOf(f.total),
    (f.columns ?? []).join(','),
    frameworkId,
  );
}

function totalCentiOf(points: number | undefined): number | null {
  return points === undefined ? null : pointsNumberToCenti(points);
}

export function listIndicators(db: Db, frameworkId: number): IndicatorRecord[] {
  const rows = db
    .prepare(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE framework_id = ? ORDER BY level, sort_order, id`)
    .all(frameworkId) as RawIndicator[];
  return rows.map(toIndicator);
}

export function insertIndicator(db: Db, frameworkId: number, ind: IndicatorWrite): number {
  const info = db
    .prepare(
      `INSERT INTO indicator (framework_id, parent_id, level, code, name, weight_centi, self_scored, rule_type,
                              rule_params_json, value_source, definition, criteria, sort_order, is_core)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      frameworkId,
      ind.parentId,
      ind.level,
      ind.code,
      ind.name,
      ind.weightCenti,
      ind.selfScored ? 1 : 0,
      ind.ruleType,
      ind.ruleParamsJson,
      ind.valueSource,
      ind.definition,
      ind.criteria,
      ind.sortOrder,
      ind.isCore ? 1 : 0,
    );
  return Number(info.lastInsertRowid);
}

export function updateIndicator(db: Db, indicatorId: number, ind: IndicatorWrite): void {
  db.prepare(
    `UPDATE indicator SET parent_id = ?, level = ?, code = ?, name = ?, weight_centi = ?, self_scored = ?,
            rule_type = ?, rule_params_json = ?, value_source = ?, definition = ?, criteria = ?, sort_order = ?, is_core = ?
      WHERE id = ?`,
  ).run(
    ind.parentId,
    ind.level,
    ind.code,
    ind.name,
    ind.weightCenti,
    ind.selfScored ? 1 : 0,
    ind.ruleType,
    ind.ruleParamsJson,
    ind.valueSource,
    ind.definition,
    ind.criteria,
    ind.sortOrder,
    ind.isCore ? 1 : 0,
    indicatorId,
  );
}

/** Deletes indicators (their subtrees and stored scores go with them by cascade). */
export function deleteIndicators(db: Db, indicatorIds: readonly number[]): void {
  const stmt = db.prepare('DELETE FROM indicator WHERE id = ?');
  for (const id of indicatorIds) stmt.run(id);
}
