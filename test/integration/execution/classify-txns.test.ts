import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { runCli } from '../../../electron/cli/main.ts';
import { fingerprint, openTestApp, type TestApp, tempPath } from '../temp-db.ts';

type Call = (method: string, input: unknown) => Promise<unknown>;

function caller(app: TestApp): Call {
  return async (method, input) => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };
}

interface Txn {
  id: number;
  category: string;
  econCode: string;
  projectId: number | null;
}

describe('批量分类 (ledger.classify)', () => {
  it('sets codes on many rows in one transaction, audited per row and undoable; a bad choice writes nothing', async () => {
    const file = tempPath('classify.db');
    const csv = tempPath('bank.csv');
    writeFileSync(csv, '交易日期,摘要,对方户名,支出金额,收入金额\n2023-03-01,三月工资,职工,500.00,\n2023-04-01,四月工资,职工,600.00,\n2023-04-02,办公用品,文具店,70.00,\n');
    expect(await runCli(['import', csv, '--db', file, '--year', '2023', '--into', 'ledger'], { stdout: () => {}, stderr: () => {} })).toBe(0);
    const app = openTestApp(file);
    const call = caller(app);
    const year = app.db.prepare('SELECT id FROM fiscal_year WHERE year = 2023').get() as { id: number };
    const row = (summary: string) => app.db.prepare('SELECT id, category FROM ledger_txn WHERE summary = ?').get(summary) as Txn;
    const [a, b, c] = [row('三月工资'), row('四月工资'), row('办公用品')];
    // A bank row without a code: 未分类, not 公用经费.
    expect([a.category, b.category, c.category]).toEqual(['unclassified', 'unclassified', 'unclassified']);

    const before = fingerprint(app.db);
    await expect(call('ledger.classify', { yearId: year.id, ids: [a.id, b.id], set: { econCode: '30101', projectId: 999 } })).rejects.toThrow('所选项目不属于该年度');
    await expect(call('ledger.classify', { yearId: year.id, ids: [a.id, 987_654], set: { econCode: '30101' } })).rejects.toThrow('找不到该支出记录');
    expect(fingerprint(app.db)).toBe(before);

    expect(await call('ledger.classify', { yearId: year.id, ids: [a.id, b.id], set: { econCode: '30101' } })).toEqual({ updated: 2 });
    const summary = (await call('execution.summary', { yearId: year.id })) as { unclassifiedFen: number; byCategory: Array<{ category: string; actualFen: number }> };
    expect(summary.unclassifiedFen).toBe(70_00);
    expect(summary.byCategory.find((r) => r.category === 'personnel')?.actualFen).toBe(1100_00);

    const history = (await call('audit.history', { yearId: year.id, entity: 'ledger_txn', entityId: String(b.id), limit: 10 })) as Array<{ id: number; entityId: string; action: string; undoable: boolean }>;
    const entry = history.find((h) => h.entityId === String(b.id) && h.action === 'update');
    expect(entry?.undoable).toBe(true);
    await call('audit.undo', { auditId: entry!.id });
    const after = (await call('execution.summary', { yearId: year.id })) as { unclassifiedFen: number };
    expect(after.unclassifiedFen).toBe(600_00 + 70_00);
    app.db.close();
  });
});
