import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { openTestApp } from '../temp-db.ts';

// Copying last year's budget and saving a line with its project named are server-side operations,
// each one transaction: the renderer no longer loops over many calls.

async function setup() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  const { yearId: fromYearId } = await api.call('example.load', {});
  const to = await api.call('years.create', { year: 2022, copyProfileFrom: null });
  return { app, api, fromYearId, toYearId: to.id };
}

const count = (app: ReturnType<typeof openTestApp>, table: string, yearId: number) =>
  (app.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE year_id = ?`).get(yearId) as { n: number }).n;

describe('budget.copyFromYear', () => {
  it('copies every line with its project found or created by name, and skips lines already there', async () => {
    const { api, fromYearId, toYearId } = await setup();
    const source = await api.call('budget.lines', { yearId: fromYearId });
    const sourceProjects = new Set(source.map((l) => l.projectName).filter((n) => n !== null));
    expect(source.length).toBeGreaterThan(3);
    expect(sourceProjects.size).toBeGreaterThan(0);

    const r = await api.call('budget.copyFromYear', { fromYearId, toYearId, amounts: 'lastFinal' });
    expect(r).toEqual({ copied: source.length, skipped: 0 });
    const copied = await api.call('budget.lines', { yearId: toYearId });
    expect(copied.map((l) => l.initialFen)).toEqual(source.map((l) => l.finalFen));
    expect(copied.every((l) => l.adjustmentFen === 0 && l.docNo === '' && l.note === '')).toBe(true);
    expect(new Set((await api.call('projects.list', { yearId: toYearId })).map((p) => p.name))).toEqual(sourceProjects);

    expect(await api.call('budget.copyFromYear', { fromYearId, toYearId, amounts: 'zero' })).toEqual({ copied: 0, skipped: source.length });
  });

  it('is all or nothing: a failure on the third line leaves the year without any copied line or project', async () => {
    const { app, api, fromYearId, toYearId } = await setup();
    // A real SQLite failure part-way through the copy (a temp trigger on this connection only).
    app.db.exec(`CREATE TEMP TRIGGER fail_third_line AFTER INSERT ON budget_line
      WHEN (SELECT count(*) FROM budget_line WHERE year_id = NEW.year_id) >= 3
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    await expect(api.call('budget.copyFromYear', { fromYearId, toYearId, amounts: 'zero' })).rejects.toThrow();
    expect(count(app, 'budget_line', toYearId)).toBe(0);
    expect(count(app, 'project', toYearId)).toBe(0);
    app.db.exec('DROP TRIGGER fail_third_line');
  });

  it('refuses to copy into a final year', async () => {
    const { app, api, fromYearId, toYearId } = await setup();
    app.db.prepare("UPDATE fiscal_year SET status = 'final' WHERE id = ?").run(toYearId);
    await expect(api.call('budget.copyFromYear', { fromYearId, toYearId, amounts: 'zero' })).rejects.toMatchObject({ code: 'LOCKED' });
  });
});

describe('budget.saveLineByProjectName', () => {
  it('creates a named project once and reuses it; an empty name means no project', async () => {
    const { app, api, toYearId } = await setup();
    const unitId = (await api.call('setup.state', {})).units[0]!.id;
    const line = {
      yearId: toYearId,
      unitId,
      fundingSource: 'general_budget',
      category: 'project',
      funcCode: '2010301',
      funcName: '',
      econCode: '30227',
      econName: '',
      initialFen: 100,
      adjustmentFen: 0,
      docNo: '',
      note: '',
    } as const;
    const a = await api.call('budget.saveLineByProjectName', { ...line, projectName: '新建项目甲' });
    const b = await api.call('budget.saveLineByProjectName', { ...line, econCode: '30201', projectName: '新建项目甲' });
    expect(a.projectId).not.toBeNull();
    expect(b.projectId).toBe(a.projectId);
    expect(count(app, 'project', toYearId)).toBe(1);
    await expect(api.call('budget.saveLineByProjectName', { ...line, category: 'public', projectName: '项目乙' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(count(app, 'project', toYearId)).toBe(1);
    const none = await api.call('budget.saveLineByProjectName', { ...line, category: 'public', econCode: '30202', projectName: '' });
    expect(none.projectId).toBeNull();
  });
});
