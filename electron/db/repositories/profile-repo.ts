import type { Profile } from '../../../shared/domain/profile.ts';
import type { Db } from '../open.ts';

interface ProfileRow {
  duties_json: string;
  internal_offices_json: string;
  staff_authorized: number | null;
  staff_actual: number | null;
  overall_goal: string;
}

export function getProfile(db: Db, yearId: number): Profile {
  const r = db.prepare('SELECT * FROM department_profile WHERE year_id = ?').get(yearId) as ProfileRow | undefined;
  if (!r) return { yearId, duties: [], internalOffices: [], staffAuthorized: null, staffActual: null, overallGoal: '' };
  return {
    yearId,
    duties: JSON.parse(r.duties_json) as string[],
    internalOffices: JSON.parse(r.internal_offices_json) as string[],
    staffAuthorized: r.staff_authorized,
    staffActual: r.staff_actual,
    overallGoal: r.overall_goal,
  };
}

export function upsertProfile(db: Db, p: Profile): void {
  db.prepare(
    `INSERT INTO department_profile (year_id, duties_json, internal_offices_json, staff_authorized, staff_actual, overall_goal)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (year_id) DO UPDATE SET duties_json = excluded.duties_json,
       internal_offices_json = excluded.internal_offices_json, staff_authorized = excluded.staff_authorized,
       staff_actual = excluded.staff_actual, overall_goal = excluded.overall_goal,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(
    p.yearId,
    JSON.stringify(p.duties),
    JSON.stringify(p.internalOffices),
    p.staffAuthorized,
    p.staffActual,
    p.overallGoal,
  );
}

/** The stored row as it is (null when the year has none), for undo's "changed since?" check. */
export function profileRow(db: Db, yearId: number): unknown {
  return db.prepare('SELECT * FROM department_profile WHERE year_id = ?').get(yearId) ?? null;
}

export function deleteProfile(db: Db, yearId: number): void {
  db.prepare('DELETE FROM department_profile WHERE year_id = ?').run(yearId);
}
