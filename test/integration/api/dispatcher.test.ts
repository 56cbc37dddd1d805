import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../shared/api/contract.ts';
import { departmentTotals } from '../../../electron/db/repositories/execution-repo.ts';
import { createDispatcher } from '../../../electron/services/dispatch.ts';
import { handlers } from '../../../electron/services/handlers.ts';
import { fingerprint, openTestApp } from '../temp-db.ts';

const CHINESE = /[\u4e00-\u9fff]/;
const BAD_INPUTS: unknown[] = [null, 'text', 42, [], { bogus: true }, { yearId: '1', id: -1, name: 12, year: 1899 }];

describe('dispatcher', () => {
  it('answers bad input to every method with a typed Chinese VALIDATION error and writes nothing', async () => {
    const app = openTestApp();
    const ok = await app.dispatch('example.load', {});
    expect(ok.ok).toBe(true);
    const before = fingerprint(app.db);
    const changesBefore = app.db.prepare('SELECT total_changes() AS n').get();
    for (const method of Object.keys(contract) as MethodName[]) {
      for (const input of BAD_INPUTS) {
        // Empty-input queries legitimately accept null/undefined-like calls only as {}.
        const res = await app.dispatch(method, input);
        if (res.ok) {
          expect.soft(contract[method].writes, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
          continue;
        }
        expect.soft(res.error.code, `${method} ${JSON.stringify(input)}`).toBe('VALIDATION');
        expect.soft(res.error.message).toMatch(CHINESE);
      }
    }
    expect(fingerprint(app.db)).toBe(before);
    expect(app.db.prepare('SELECT total_changes() AS n').get()).toEqual(changesBefore);
  });

  it('labels each invalid field in Chinese', async () => {
    const app = openTestApp();
    await app.dispatch('department.save', { name: '测试部门', code: '' });
    const res = await app.dispatch('units.save', {
      name: ' ',
      code: '',
      kind: 'company',
      isPrimary: true,
      headName: '',
      financeHeadName: '',
      preparerName: '',
      phone: 'abc',
      sortOrder: 0,
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.details?.map((d) => [d.path, d.message])).toEqual([
      ['name', '单位名称不能为空'],
      ['kind', '单位性质的取值无效'],
      ['phone', '联系电话只能包含数字、空格和 - + ( )'],
    ]);
  });

  it('refuses an unknown method', async () => {
    const app = openTestApp();
    const res = await app.dispatch('db.dropEverything', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '未知的接口：db.dropEverything' } });
  });

  it('rejects amounts that are not whole fen', async () => {
    const app = openTestApp();
    await app.dispatch('example.load', {});
    const lines = await app.dispatch('budget.lines', { yearId: 1 });
    if (!lines.ok) throw new Error('lines');
    const line = (lines.data as Array<Record<string, unknown>>)[0]!;
    const before = fingerprint(app.db);
    const res = await app.dispatch('budget.saveLine', { ...line, projectName: undefined, finalFen: undefined, batchId: undefined, initialFen: 12.5 });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!res.ok) expect(res.error.message).toContain('年初预算必须精确到分');
    expect(fingerprint(app.db)).toBe(before);
  });

  it('loads the example year with the seed totals, only into an empty file', async () => {
    const app = openTestApp();
    expect((await app.dispatch('example.load', {})).ok).toBe(true);
    const t = departmentTotals(app.db, 1);
    expect(t).toEqual({
      initialBudgetFen: 3_765_080_000,
      adjustmentFen: 217_250_000,
      finalBudgetFen: 3_982_330_000,
      carryOverFen: 0,
      thisYearInitialFen: 3_765_080_000,
      thisYearAdjustmentFen: 217_250_000,
      actualFen: 3_752_630_000,
      personnelFen: 2_904_640_000,
      publicFen: 356_280_000,
      projectFen: 491_710_000,
    });
    expect(t.personnelFen + t.publicFen).toBe(3_260_920_000);
    const again = await app.dispatch('example.load', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('locks a final year against edits', async () => {
    const app = openTestApp();
    await app.dispatch('example.load', {});
    app.db.prepare("UPDATE fiscal_year SET status = 'final' WHERE id = 1").run();
    const before = fingerprint(app.db);
    const res = await app.dispatch('profile.save', { yearId: 1, duties: [], internalOffices: [], staffAuthorized: null, staffActual: null, overallGoal: '' });
    expect(res).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(fingerprint(app.db)).toBe(before);
  });

  it('refuses, in the dispatcher, writes that name a final year by a row of it, and still lets the year be re-opened', async () => {
    const app = openTestApp();
    await app.dispatch('example.load', {});
    const one = (sql: string) => (app.db.prepare(sql).get() as { id: number }).id;
    const lineId = one('SELECT id FROM budget_line WHERE year_id = 1 LIMIT 1');
    const txnId = one('SELECT id FROM ledger_txn WHERE year_id = 1 LIMIT 1');
    const areaId = one('SELECT id FROM work_area WHERE year_id = 1 LIMIT 1');
    const taskId = one('SELECT t.id FROM work_task t JOIN work_area a ON a.id = t.area_id WHERE a.year_id = 1 LIMIT 1');
    const projectId = one('SELECT id FROM project WHERE year_id = 1 LIMIT 1');
    app.db.prepare("UPDATE fiscal_year SET status = 'final' WHERE id = 1").run();
    // The handlers are never reached: a refusal that came from a service would show they were.
    let reached = 0;
    const counting = new Proxy(handlers, {
      get: (h, k) => {
        reached++;
        return h[k as keyof typeof h];
      },
    });
    const guarded = createDispatcher(app.ctx, counting, () => {});
    const before = fingerprint(app.db);
    const calls: Array<[MethodName, unknown]> = [
      ['budget.deleteLine', { id: lineId }],
      ['ledger.deleteTxn', { id: txnId }],
      ['work.deleteArea', { id: areaId }],
      ['work.deleteTask', { id: taskId }],
      ['projects.delete', { id: projectId }],
      ['years.delete', { id: 1 }],
      ['budget.copyFromYear', { fromYearId: 1, toYearId: 1, amounts: 'zero' }],
      ['execution.link', { yearId: 1 }],
    ];
    for (const [method, input] of calls) {
      const res = await guarded(method, input);
      expect.soft(res, method).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
    expect(reached).toBe(0);
    expect(fingerprint(app.db)).toBe(before);
    expect(await guarded('report.reopen', { yearId: 1, reason: '更正数据' })).toMatchObject({ ok: true });
    expect(await guarded('budget.deleteLine', { id: lineId })).toMatchObject({ ok: true });
  });
});

describe('an unexpected failure in a handler', () => {
  const secret = 'no such table: ledger_txn_x (/home/someone/私密/data.db)';
  const failing = { ...handlers, 'setup.state': () => { throw new Error(secret); } } as typeof handlers;

  it.each(['http', 'ipc'] as const)('reaches the app’s page (%s) as a generic message with an error id; the details are logged under it', async (transport) => {
    const app = openTestApp();
    const logged: unknown[] = [];
    const dispatch = createDispatcher({ ...app.ctx, transport }, failing, (e) => logged.push(e));
    const res = await dispatch('setup.state', {});
    expect(res.ok).toBe(false);
    const message = res.ok ? '' : res.error.message;
    expect(message).not.toContain('ledger_txn_x');
    expect(message).not.toContain('私密');
    const id = /错误编号 ([0-9a-f]{8})/.exec(message)?.[1];
    expect(id, message).toBeDefined();
    expect(logged).toHaveLength(1);
    expect((logged[0] as Error).message).toBe(`内部错误 ${id}（接口 setup.state）`);
    expect(((logged[0] as Error).cause as Error).message).toBe(secret);
  });

  it('keeps its text on the command line, where the user reads it in their own terminal', async () => {
    const app = openTestApp();
    const dispatch = createDispatcher({ ...app.ctx, transport: 'cli' }, failing, () => {});
    const res = await dispatch('setup.state', {});
    expect(res.ok ? '' : res.error.message).toBe(`内部错误：${secret}`);
  });
});
