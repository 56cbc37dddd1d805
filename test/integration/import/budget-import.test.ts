import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport, undoImport } from '../../../electron/services/import-service.ts';
import { BUDGET_EXPECTED, writeBudgetQuotaXlsx, writeBudgetWanXlsx } from '../../fixtures/spreadsheets/budget-workbooks.ts';
import { type ImportTestDb, openImportTestDb } from './import-db.ts';

let t: ImportTestDb;
beforeEach(() => {
  t = openImportTestDb();
});
afterEach(() => t.close());

const run = { inProcess: true };

describe('budget 指标 import', () => {
  it('imports quota lines with code/name cells, categories, projects and the 年初/调整/调整后 rule', async () => {
    const filePath = await writeBudgetQuotaXlsx(join(t.dir, '指标.xlsx'));
    const options = { filePath, yearId: t.yearId, unitId: t.unitId, target: 'budget' as const };
    const preview = await previewImport(t.db, options, run);
    expect(preview.accounting).toEqual({
      rowsRead: BUDGET_EXPECTED.rowsRead,
      rowsImported: BUDGET_EXPECTED.rowsImported,
      rowsDuplicate: 0,
      rowsRejected: BUDGET_EXPECTED.rowsRejected,
      rowsSkippedLayout: BUDGET_EXPECTED.rowsSkippedLayout,
      rowsHidden: 0,
    });
    expect(preview.budgetTotals).toEqual({
      initialFen: BUDGET_EXPECTED.initialFen,
      adjustmentFen: BUDGET_EXPECTED.adjustmentFen,
      finalFen: BUDGET_EXPECTED.finalFen,
    });
    expect(preview.badCells.map((b) => [b.row, b.reason])).toEqual([
      [9, '年初预算 + 调整数 不等于 调整后预算'],
      [10, '无法识别的资金性质“外国政府援助”'],
    ]);
    expect(preview.rows[0]).toMatchObject({
      kind: 'budget',
      funcCode: '2010301',
      funcName: '行政运行',
      econCode: '30101',
      econName: '基本工资',
      category: 'personnel',
      docNo: '番财预〔2021〕1号',
    });
    expect(preview.rows[2]).toMatchObject({ funcCode: '2010350', funcName: '事业运行', category: 'public', fundingSource: 'general_budget' });

    const result = await commitImport(t.db, options, run);
    expect(result.budgetTotals).toEqual(preview.budgetTotals);
    expect(result.projectsCreated).toEqual(BUDGET_EXPECTED.projects);
    const byCategory = t.db
      .prepare('SELECT category, sum(final_fen) AS fen FROM budget_line GROUP BY category ORDER BY category')
      .all() as Array<{ category: string; fen: number }>;
    expect(Object.fromEntries(byCategory.map((r) => [r.category, r.fen]))).toEqual(BUDGET_EXPECTED.byCategory);
    const linked = t.db
      .prepare('SELECT count(*) AS n FROM budget_line b JOIN project p ON p.id = b.project_id WHERE b.batch_id = ?')
      .get(result.batchId) as { n: number };
    expect(linked.n).toBe(2);

    // The same lines from another export of the same 指标 are flagged, not doubled.
    const again = await writeBudgetQuotaXlsx(join(t.dir, '指标-重新导出.xlsx'));
    const second = await previewImport(t.db, { ...options, filePath: again }, run);
    expect(second.accounting.rowsDuplicate).toBe(5);
    expect(second.accounting.rowsImported).toBe(0);

    undoImport(t.db, result.batchId);
    expect((t.db.prepare('SELECT count(*) AS n FROM budget_line').get() as { n: number }).n).toBe(0);
    expect((t.db.prepare('SELECT count(*) AS n FROM project').get() as { n: number }).n).toBe(0);
  });

  it('reads the unit from the amount headers: 万元 keeps every fen', async () => {
    const filePath = await writeBudgetWanXlsx(join(t.dir, 'wan.xlsx'));
    const preview = await previewImport(t.db, { filePath, yearId: t.yearId, unitId: t.unitId, target: 'budget' }, run);
    expect(preview.amountScale).toBe('wan');
    expect(preview.rows.map((r) => (r.kind === 'budget' ? [r.initialFen, r.adjustmentFen] : null))).toEqual([
      [12_005_000_00, 146_234_56],
      [3_500_000_00, -100_000_00],
    ]);
    const forced = await previewImport(
      t.db,
      { filePath, yearId: t.yearId, unitId: t.unitId, target: 'budget', amountScale: 'yuan' },
      run,
    );
    expect(forced.amountScale).toBe('yuan');
    expect(forced.badCells[0]?.reason).toContain('小数位数过多');
  });
});
