import type { StoredExplanation } from '../../../shared/checks/schemas.ts';
import type { Db } from '../open.ts';

// 出错说明 for 提示 findings (check_explanation), keyed by check id and subject.

export function listExplanations(db: Db, yearId: number): StoredExplanation[] {
  return db
    .prepare(
      `SELECT check_id AS checkId, subject_key AS subjectKey, explanation, updated_at AS updatedAt
         FROM check_explanation WHERE year_id = ? ORDER BY check_id, subject_key`,
    )
    .all(yearId) as StoredExplanation[];
}

export function getExplanation(db: Db, yearId: number, checkId: string, subjectKey: string): StoredExplanation | null {
  const r = db
    .prepare(
      `SELECT check_id AS checkId, subject_key AS subjectKey, explanation, updated_at AS updatedAt
         FROM check_explanation WHERE year_id = ? AND check_id = ? AND subject_key = ?`,
    )
    .get(yearId, checkId, subjectKey) as StoredExplanation | undefined;
  return r ?? null;
}

export function upsertExplanation(db: Db, yearId: number, checkId: string, subjectKey: string, explanation: string): void {
  db.prepare(
    `INSERT INTO check_explanation (year_id, check_id, subject_key, explanation) VALUES (?, ?, ?, ?)
     ON CONFLICT (year_id, check_id, subject_key) DO UPDATE
       SET explanation = excluded.explanation, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(yearId, checkId, subjectKey, explanation);
}

export function deleteExplanation(db: Db, yearId: number, checkId: string, subjectKey: string): number {
  return db
    .prepare('DELETE FROM check_explanation WHERE year_id = ? AND check_id = ? AND subject_key = ?')
    .run(yearId, checkId, subjectKey).changes;
}
