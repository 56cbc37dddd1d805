import type { Db } from '../open.ts';

// Quarter-end cumulative execution targets (execution_target, hundredths of a percent).

export interface TargetRow {
  quarter: number;
  targetBp: number;
}

export function listExecutionTargets(db: Db, yearId: number): TargetRow[] {
  return db
    .prepare('SELECT quarter, target_bp AS targetBp FROM execution_target WHERE year_id = ? ORDER BY quarter')
    .all(yearId) as TargetRow[];
}

export function replaceExecutionTargets(db: Db, yearId: number, targets: readonly TargetRow[]): void {
  db.prepare('DELETE FROM execution_target WHERE year_id = ?').run(yearId);
  const ins = db.prepare('INSERT INTO execution_target (year_id, quarter, target_bp) VALUES (?, ?, ?)');
  for (const t of targets) ins.run(yearId, t.quarter, t.targetBp);
}
