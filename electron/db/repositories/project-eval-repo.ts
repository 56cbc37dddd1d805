import type { ProjectIndicatorKind } from '../../../shared/domain/project-indicator.ts';
import type { FundFigures } from '../../../shared/project-eval/evaluate-project.ts';
import type { Db } from '../open.ts';

// The 项目支出绩效自评表's own records (schema 6) and the figures it reads per project: budget
// from budget_line, spending from ledger_rollup (reversals netted), each by funding source.

export interface ProjectEvalRecord {
  projectId: number;
  name: string;
  unitName: string | null;
  goal: string;
  achievement: string;
  weights: Record<ProjectIndicatorKind, number | null>;
}

interface Row {
  projectId: number;
  name: string;
  unitName: string | null;
  goal: string | null;
  achievement: string | null;
  output: number | null;
  outcome: number | null;
  satisfaction: number | null;
}

export function listProjectEvalRecords(db: Db, yearId: number): ProjectEvalRecord[] {
  const rows = db
    .prepare(
      `SELECT p.id AS projectId, p.name, u.name AS unitName, e.goal, e.achievement, e.output_weight_centi AS output,
              e.outcome_weight_centi AS outcome, e.satisfaction_weight_centi AS satisfaction
         FROM project p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN project_eval e ON e.project_id = p.id
        WHERE p.year_id = ? ORDER BY p.sort_order, p.id`,
    )
    .all(yearId) as Row[];
  return rows.map((r) => ({
    projectId: r.projectId,
    name: r.name,
    unitName: r.unitName,
    goal: r.goal ?? '',
    achievement: r.achievement ?? '',
    weights: { output: r.output, outcome: r.outcome, satisfaction: r.satisfaction },
  }));
}

/**
 * Per project and funding source: 年初预算数, 全年预算数 and 全年执行数. Budget lines count by
 * budget_source, so 上年结转结余 lines fill the 上年结转 row; spending stays under the source it was
 * paid from (as in the department-wide breakdown).
 */
export function projectFunds(db: Db, yearId: number): Map<number, FundFigures[]> {
  const rows = db
    .prepare(
      `SELECT projectId, fundingSource, sum(initialFen) AS initialFen, sum(finalFen) AS finalFen, sum(actualFen) AS actualFen
         FROM (SELECT project_id AS projectId, budget_source AS fundingSource, initial_fen AS initialFen, final_fen AS finalFen,
                      0 AS actualFen
                 FROM budget_line WHERE year_id = @yearId AND project_id IS NOT NULL
               UNION ALL
               SELECT project_key, funding_source, 0, 0, amount_fen
                 FROM ledger_rollup WHERE year_id = @yearId AND direction = 'out' AND project_key <> 0)
        GROUP BY projectId, fundingSource ORDER BY projectId, fundingSource`,
    )
    .all({ yearId }) as Array<FundFigures & { projectId: number }>;
  const out = new Map<number, FundFigures[]>();
  for (const { projectId, ...f } of rows) out.set(projectId, [...(out.get(projectId) ?? []), f]);
  return out;
}

export function getProjectEvalRecord(db: Db, projectId: number): Omit<ProjectEvalRecord, 'name' | 'unitName'> | null {
  const r = db
    .prepare(
      `SELECT project_id AS projectId, goal, achievement, output_weight_centi AS output, outcome_weight_centi AS outcome,
              satisfaction_weight_centi AS satisfaction FROM project_eval WHERE project_id = ?`,
    )
    .get(projectId) as Omit<Row, 'name' | 'unitName'> | undefined;
  if (!r) return null;
  return {
    projectId: r.projectId,
    goal: r.goal ?? '',
    achievement: r.achievement ?? '',
    weights: { output: r.output, outcome: r.outcome, satisfaction: r.satisfaction },
  };
}

export function upsertProjectEval(db: Db, r: Omit<ProjectEvalRecord, 'name' | 'unitName'>): void {
  db.prepare(
    `INSERT INTO project_eval (project_id, goal, achievement, output_weight_centi, outcome_weight_centi, satisfaction_weight_centi)
     VALUES (@projectId, @goal, @achievement, @output, @outcome, @satisfaction)
     ON CONFLICT (project_id) DO UPDATE SET goal = excluded.goal, achievement = excluded.achievement,
       output_weight_centi = excluded.output_weight_centi, outcome_weight_centi = excluded.outcome_weight_centi,
       satisfaction_weight_centi = excluded.satisfaction_weight_centi`,
  ).run({ projectId: r.projectId, goal: r.goal, achievement: r.achievement, ...r.weights });
}

export function deleteProjectEval(db: Db, projectId: number): void {
  db.prepare('DELETE FROM project_eval WHERE project_id = ?').run(projectId);
}

export function getProjectEvalRulesJson(db: Db, yearId: number): string | null {
  const r = db.prepare('SELECT rules_json AS json FROM project_eval_rules WHERE year_id = ?').get(yearId) as { json: string } | undefined;
  return r?.json ?? null;
}

export function setProjectEvalRulesJson(db: Db, yearId: number, json: string | null): void {
  if (json === null) db.prepare('DELETE FROM project_eval_rules WHERE year_id = ?').run(yearId);
  else {
    db.prepare('INSERT INTO project_eval_rules (year_id, rules_json) VALUES (?, ?) ON CONFLICT (year_id) DO UPDATE SET rules_json = excluded.rules_json').run(
      yearId,
      json,
    );
  }
}

/** The project of the same name in the year before, if the department has that year. */
export function lastYearProjectIds(db: Db, yearId: number): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT p.id AS projectId, lp.id AS lastId
         FROM project p JOIN fiscal_year y ON y.id = p.year_id
         JOIN fiscal_year ly ON ly.department_id = y.department_id AND ly.year = y.year - 1
         JOIN project lp ON lp.year_id = ly.id AND lp.name = p.name
        WHERE p.year_id = ?`,
    )
    .all(yearId) as Array<{ projectId: number; lastId: number }>;
  return new Map(rows.map((r) => [r.projectId, r.lastId]));
}
