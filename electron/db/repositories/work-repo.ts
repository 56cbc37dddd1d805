import type { Measure, MeasureInput, Task, TaskInput, WorkArea, WorkAreaInput } from '../../../shared/domain/work.ts';
import type { Db } from '../open.ts';

interface MeasureRow {
  id: number;
  task_id: number;
  key: string;
  name: string;
  unit: string;
  target_value: string | null;
  actual_value: string | null;
  direction: Measure['direction'];
}

const toMeasure = (r: MeasureRow): Measure => ({
  id: r.id,
  taskId: r.task_id,
  key: r.key,
  name: r.name,
  unit: r.unit,
  targetValue: r.target_value,
  actualValue: r.actual_value,
  direction: r.direction,
});

// Map.groupBy is Node 21+; the app's Node is 20.
function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

// The whole 年度工作 tree of a year in three queries, assembled in order.
export function getWorkTree(db: Db, yearId: number): WorkArea[] {
  const areas = db
    .prepare('SELECT id, year_id, title, summary FROM work_area WHERE year_id = ? ORDER BY sort_order, id')
    .all(yearId) as Array<{ id: number; year_id: number; title: string; summary: string }>;
  const tasks = db
    .prepare(
      `SELECT t.* FROM work_task t JOIN work_area a ON a.id = t.area_id WHERE a.year_id = ? ORDER BY t.sort_order, t.id`,
    )
    .all(yearId) as Array<{
    id: number;
    area_id: number;
    title: string;
    description: string;
    status: Task['status'];
    evidence: string;
  }>;
  const measures = db
    .prepare(
      `SELECT m.* FROM task_measure m JOIN work_task t ON t.id = m.task_id JOIN work_area a ON a.id = t.area_id
        WHERE a.year_id = ? ORDER BY m.sort_order, m.id`,
    )
    .all(yearId) as MeasureRow[];
  const measuresByTask = groupBy(measures.map(toMeasure), (m) => m.taskId);
  const tasksByArea = groupBy(
    tasks.map(
      (t): Task => ({
        id: t.id,
        areaId: t.area_id,
        title: t.title,
        description: t.description,
        status: t.status,
        evidence: t.evidence,
        measures: measuresByTask.get(t.id) ?? [],
      }),
    ),
    (t) => t.areaId,
  );
  return areas.map((a) => ({ id: a.id, yearId: a.year_id, title: a.title, summary: a.summary, tasks: tasksByArea.get(a.id) ?? [] }));
}

export function getArea(db: Db, id: number): WorkArea | null {
  const r = db.prepare('SELECT year_id FROM work_area WHERE id = ?').get(id) as { year_id: number } | undefined;
  return r ? (getWorkTree(db, r.year_id).find((a) => a.id === id) ?? null) : null;
}

export function findTask(db: Db, id: number): Task | null {
  const r = db
    .prepare('SELECT a.year_id FROM work_task t JOIN work_area a ON a.id = t.area_id WHERE t.id = ?')
    .get(id) as { year_id: number } | undefined;
  if (!r) return null;
  for (const a of getWorkTree(db, r.year_id)) for (const t of a.tasks) if (t.id === id) return t;
  return null;
}

export function findMeasure(db: Db, id: number): Measure | null {
  const r = db.prepare('SELECT * FROM task_measure WHERE id = ?').get(id) as MeasureRow | undefined;
  return r ? toMeasure(r) : null;
}

export function yearOfArea(db: Db, areaId: number): number | null {
  const r = db.prepare('SELECT year_id FROM work_area WHERE id = ?').get(areaId) as { year_id: number } | undefined;
  return r?.year_id ?? null;
}

export function yearOfTask(db: Db, taskId: number): number | null {
  const r = db
    .prepare('SELECT a.year_id FROM work_task t JOIN work_area a ON a.id = t.area_id WHERE t.id = ?')
    .get(taskId) as { year_id: number } | undefined;
  return r?.year_id ?? null;
}

export function insertArea(db: Db, a: Omit<WorkAreaInput, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO work_area (year_id, title, summary, sort_order)
         VALUES (?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM work_area WHERE year_id = ?))`,
      )
      .run(a.yearId, a.title, a.summary, a.yearId).lastInsertRowid,
  );
}

export function updateArea(db: Db, id: number, a: Omit<WorkAreaInput, 'id'>): void {
  db.prepare('UPDATE work_area SET title = ?, summary = ? WHERE id = ?').run(a.title, a.summary, id);
}

export function deleteArea(db: Db, id: number): void {
  db.prepare('DELETE FROM work_area WHERE id = ?').run(id);
}

export function insertTask(db: Db, t: Omit<TaskInput, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO work_task (area_id, title, description, status, evidence, sort_order)
         VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM work_task WHERE area_id = ?))`,
      )
      .run(t.areaId, t.title, t.description, t.status, t.evidence, t.areaId).lastInsertRowid,
  );
}

export function updateTask(db: Db, id: number, t: Omit<TaskInput, 'id'>): void {
  db.prepare('UPDATE work_task SET area_id = ?, title = ?, description = ?, status = ?, evidence = ? WHERE id = ?').run(
    t.areaId,
    t.title,
    t.description,
    t.status,
    t.evidence,
    id,
  );
}

export function deleteTask(db: Db, id: number): void {
  db.prepare('DELETE FROM work_task WHERE id = ?').run(id);
}

export function insertMeasure(db: Db, m: Omit<MeasureInput, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO task_measure (task_id, key, name, unit, target_value, actual_value, direction, sort_order)
         VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM task_measure WHERE task_id = ?))`,
      )
      .run(m.taskId, m.key, m.name, m.unit, m.targetValue, m.actualValue, m.direction, m.taskId).lastInsertRowid,
  );
}

export function updateMeasure(db: Db, id: number, m: Omit<MeasureInput, 'id'>): void {
  db.prepare(
    'UPDATE task_measure SET task_id = ?, key = ?, name = ?, unit = ?, target_value = ?, actual_value = ?, direction = ? WHERE id = ?',
  ).run(m.taskId, m.key, m.name, m.unit, m.targetValue, m.actualValue, m.direction, id);
}

export function deleteMeasure(db: Db, id: number): void {
  db.prepare('DELETE FROM task_measure WHERE id = ?').run(id);
}
