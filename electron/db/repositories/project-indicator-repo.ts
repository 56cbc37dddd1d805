import type { ProjectIndicator, ProjectIndicatorInput } from '../../../shared/domain/project-indicator.ts';
import type { Db } from '../open.ts';

const COLUMNS = `i.id, i.project_id AS projectId, i.kind, i.name, i.direction, i.unit, i.target_value AS targetValue,
  i.actual_value AS actualValue, i.level2, i.nature, i.weight_centi AS weightCenti, i.grade, i.target_text AS targetText,
  i.deviation_reason AS deviationReason`;

type Fields = Omit<ProjectIndicatorInput, 'id'>;

// Audit snapshots written before schema 4 have no direction (every indicator then was 正向), and
// those before schema 6 none of the self-evaluation fields: each gets the value the migration gave.
function columnValues(i: Fields): unknown[] {
  return [
    i.projectId,
    i.kind,
    i.name,
    i.direction ?? 'higher',
    i.unit,
    i.targetValue,
    i.actualValue,
    i.level2 ?? '',
    i.nature ?? 'quantitative',
    i.weightCenti ?? null,
    i.grade ?? null,
    i.targetText ?? '',
    i.deviationReason ?? '',
  ];
}

export function listProjectIndicators(db: Db, yearId: number): ProjectIndicator[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM project_indicator i JOIN project p ON p.id = i.project_id WHERE p.year_id = ? ORDER BY p.sort_order, p.id, i.sort_order, i.id`)
    .all(yearId) as ProjectIndicator[];
}

export function getProjectIndicator(db: Db, id: number): ProjectIndicator | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM project_indicator i WHERE i.id = ?`).get(id) as ProjectIndicator | undefined) ?? null;
}

export function insertProjectIndicator(db: Db, i: Fields): number {
  return Number(
    db
      .prepare(
        `INSERT INTO project_indicator (project_id, kind, name, direction, unit, target_value, actual_value, level2, nature,
           weight_centi, grade, target_text, deviation_reason, sort_order)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
           (SELECT coalesce(max(sort_order), 0) + 1 FROM project_indicator WHERE project_id = ?))`,
      )
      .run(...columnValues(i), i.projectId).lastInsertRowid,
  );
}

export function updateProjectIndicator(db: Db, id: number, i: Fields): void {
  db.prepare(
    `UPDATE project_indicator SET project_id = ?, kind = ?, name = ?, direction = ?, unit = ?, target_value = ?, actual_value = ?,
       level2 = ?, nature = ?, weight_centi = ?, grade = ?, target_text = ?, deviation_reason = ? WHERE id = ?`,
  ).run(...columnValues(i), id);
}

export function deleteProjectIndicator(db: Db, id: number): void {
  db.prepare('DELETE FROM project_indicator WHERE id = ?').run(id);
}

/** The year's project indicators with their project's name, in project order (for the report). */
export function listProjectIndicatorsWithProject(
  db: Db,
  yearId: number,
): Array<ProjectIndicator & { projectName: string; unitName: string | null }> {
  return db
    .prepare(
      `SELECT ${COLUMNS}, p.name AS projectName, u.name AS unitName
         FROM project_indicator i JOIN project p ON p.id = i.project_id LEFT JOIN unit u ON u.id = p.unit_id
        WHERE p.year_id = ? ORDER BY p.sort_order, p.id, i.sort_order, i.id`,
    )
    .all(yearId) as Array<ProjectIndicator & { projectName: string; unitName: string | null }>;
}

export function listIndicatorsOfProject(db: Db, projectId: number): ProjectIndicator[] {
  return db.prepare(`SELECT ${COLUMNS} FROM project_indicator i WHERE i.project_id = ? ORDER BY i.sort_order, i.id`).all(projectId) as ProjectIndicator[];
}
