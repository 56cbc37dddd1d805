import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { AppError } from '../../../shared/api/app-error.ts';
import { departmentTotals } from '../../../electron/db/repositories/execution-repo.ts';
import { openTestApp } from '../temp-db.ts';

async function exampleApp() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('example.load', {});
  return { app, api };
}

describe('audit history and undo', () => {
  it('records who changed a budget line and when, with before and after, and undoes it', async () => {
    const { app, api } = await exampleApp();
    const [line] = await api.call('budget.lines', { yearId: 1 });
    const { finalFen: _f, projectName: _p, batchId: _b, ...input } = line!;
    await api.call('budget.saveLine', { ...input, initialFen: line!.initialFen + 100_000_000 });
    expect(departmentTotals(app.db, 1).finalBudgetFen).toBe(3_982_330_000 + 100_000_000);

    const history = await api.call('audit.history', { yearId: 1, entity: 'budget_line', entityId: String(line!.id), limit: 10 });
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect(history[0]).toMatchObject({ undoable: true, before: { initialFen: line!.initialFen }, after: { initialFen: line!.initialFen + 100_000_000 } });
    expect(history[1]!.undoable).toBe(false);
    expect(history[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await expect(api.call('audit.undo', { auditId: history[1]!.id })).rejects.toThrow('之后还有更新的修改');
    const undone = await api.call('audit.undo', { auditId: history[0]!.id });
    expect(undone.action).toBe('undo');
    expect(departmentTotals(app.db, 1).finalBudgetFen).toBe(3_982_330_000);
  });

  it('brings back a deleted transaction and a deleted task with its measures', async () => {
    const { app, api } = await exampleApp();
    const txn = app.db.prepare('SELECT id, amount_fen FROM ledger_txn ORDER BY id LIMIT 1').get() as { id: number; amount_fen: number };
    await api.call('ledger.deleteTxn', { id: txn.id });
    expect(departmentTotals(app.db, 1).actualFen).toBe(3_752_630_000 - txn.amount_fen);
    const [del] = await api.call('audit.history', { yearId: 1, entity: 'ledger_txn', entityId: String(txn.id), limit: 1 });
    await api.call('audit.undo', { auditId: del!.id });
    expect(departmentTotals(app.db, 1).actualFen).toBe(3_752_630_000);

    const areas = await api.call('work.get', { yearId: 1 });
    const task = areas[0]!.tasks[0]!;
    await api.call('work.deleteTask', { id: task.id });
    const [delTask] = await api.call('audit.history', { yearId: 1, entity: 'work_task', entityId: String(task.id), limit: 1 });
    await api.call('audit.undo', { auditId: delTask!.id });
    const restored = (await api.call('work.get', { yearId: 1 }))[0]!.tasks.find((t) => t.title === task.title)!;
    expect(restored.measures.map((m) => [m.name, m.actualValue])).toEqual(task.measures.map((m) => [m.name, m.actualValue]));
  });

  it('undoes a score input', async () => {
    const { api } = await exampleApp();
    const sheet = await api.call('score.sheet', { yearId: 1 });
    const row = sheet.rows.find((r) => r.ruleType === 'qualitative')!;
    const lowered = await api.call('score.save', { yearId: 1, indicatorId: row.indicatorId, band: 'partial', chosenScoreCenti: Math.round(row.weightCenti * 0.7), basis: '部分达成' });
    expect(lowered.totalCenti).toBeLessThan(9421);
    const [entry] = await api.call('audit.history', { yearId: 1, entity: 'indicator_score', entityId: `1:${row.indicatorId}`, limit: 1 });
    await api.call('audit.undo', { auditId: entry!.id });
    expect((await api.call('score.sheet', { yearId: 1 })).totalCenti).toBe(9421);
  });

  it('refuses to undo structural changes and changes in a final year', async () => {
    const { app, api } = await exampleApp();
    const [unitEntry] = await api.call('audit.history', { yearId: null, entity: 'unit', entityId: null, limit: 1 });
    await expect(api.call('audit.undo', { auditId: unitEntry!.id })).rejects.toBeInstanceOf(AppError);
    const [last] = await api.call('audit.history', { yearId: 1, entity: 'task_measure', entityId: null, limit: 1 });
    app.db.prepare("UPDATE fiscal_year SET status = 'final'").run();
    await expect(api.call('audit.undo', { auditId: last!.id })).rejects.toThrow('已定稿');
  });
});
