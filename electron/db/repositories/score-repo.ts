import { BANDS, type Band } from '../../../shared/scoring/rules/qualitative-bands.ts';
import type { ScoreInputRow } from '../../../shared/scoring/score-input.ts';
import type { Db } from '../open.ts';

// All SQL for a year's scoring inputs (indicator_score) and the share of 年度工作 tasks done.

interface RawScore {
  indicatorId: number;
  targetValue: string | null;
  actualValue: string | null;
  band: string | null;
  chosenScoreCenti: number | null;
  overrideScoreCenti: number | null;
  basis: string;
}

const SCORE_COLUMNS = `indicator_id AS indicatorId, target_value AS targetValue, actual_value AS actualValue, band,
  chosen_score_centi AS chosenScoreCenti, override_score_centi AS overrideScoreCenti, basis`;

function toInput(raw: RawScore): ScoreInputRow {
  const band = BANDS.includes(raw.band as Band) ? (raw.band as Band) : null;
  return { ...raw, band };
}

export function listScoreInputs(db: Db, yearId: number): ScoreInputRow[] {
  const rows = db
    .prepare(`SELECT ${SCORE_COLUMNS} FROM indicator_score WHERE year_id = ?`)
    .all(yearId) as RawScore[];
  return rows.map(toInput);
}

export function getScoreInput(db: Db, yearId: number, indicatorId: number): ScoreInputRow | undefined {
  const raw = db
    .prepare(`SELECT ${SCORE_COLUMNS} FROM indicator_score WHERE year_id = ? AND indicator_id = ?`)
    .get(yearId, indicatorId) as RawScore | undefined;
  return raw ? toInput(raw) : undefined;
}

export function upsertScoreInput(db: Db, yearId: number, row: ScoreInputRow): void {
  db.prepare(
    `INSERT INTO indicator_score (year_id, indicator_id, target_value, actual_value, band, chosen_score_centi,
                                  override_score_centi, basis, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT (year_id, indicator_id) DO UPDATE SET
       target_value = excluded.target_value, actual_value = excluded.actual_value, band = excluded.band,
       chosen_score_centi = excluded.chosen_score_centi, override_score_centi = excluded.override_score_centi,
       basis = excluded.basis, updated_at = excluded.updated_at`,
  ).run(
    yearId,
    row.indicatorId,
    row.targetValue,
    row.actualValue,
    row.band,
    row.chosenScoreCenti,
    row.overrideScoreCenti,
    row.basis,
  );
}

export function deleteScoreInput(db: Db, yearId: number, indicatorId: number): void {
  db.prepare('DELETE FROM indicator_score WHERE year_id = ? AND indicator_id = ?').run(yearId, indicatorId);
}

/**
 * Key tasks of the year and how many are complete: marked 完成 and every result measure that has a
 * target meets it (in its direction). A task marked done whose figures fall short is not complete.
 */
export function workTaskCounts(db: Db, yearId: number): { total: number; done: number } {
  return db
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(t.status = 'done' AND NOT EXISTS (
                SELECT 1 FROM task_measure m
                 WHERE m.task_id = t.id AND m.target_value IS NOT NULL
                   AND (m.actual_value IS NULL
                        OR (m.direction = 'higher' AND CAST(m.actual_value AS REAL) < CAST(m.target_value AS REAL))
                        OR (m.direction = 'lower' AND CAST(m.actual_value AS REAL) > CAST(m.target_value AS REAL))
                        OR (m.direction = 'equal' AND CAST(m.actual_value AS REAL) <> CAST(m.target_value AS REAL))))), 0) AS done
         FROM work_task t JOIN work_area a ON a.id = t.area_id
        WHERE a.year_id = ?`,
    )
    .get(yearId) as { total: number; done: number };
}
