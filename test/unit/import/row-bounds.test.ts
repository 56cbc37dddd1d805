import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/import/cell.ts';
import type { ColumnMapping } from '../../../shared/import/fields.ts';
import { normalizeBudgetRow } from '../../../shared/import/normalize-budget-row.ts';
import { normalizeLedgerRow } from '../../../shared/import/normalize-ledger-row.ts';

// The importer holds rows to the same per-row bounds as the API's field schemas.

const ledger = (cells: CellValue[], mapping: ColumnMapping) =>
  normalizeLedgerRow({ row: 9, cells }, { sheet: 'S', mapping, scale: 'yuan', year: 2021, yearHint: null, hash: (k) => `#${k}` });
const budget = (cells: CellValue[]) =>
  normalizeBudgetRow({ row: 3, cells }, { sheet: 'S', mapping: { initial: 0, adjustment: 1 }, scale: 'yuan' });

describe('import row bounds', () => {
  it('refuses a ledger amount over 1000 亿元 and keeps one at the limit', () => {
    const pair = { date: 0, outflow: 1, inflow: 2 };
    expect(ledger(['2021-03-05', '100000000000.00', null], pair)).toMatchObject({ ok: true, row: { amountFen: 10_000_000_000_000 } });
    expect(ledger(['2021-03-05', '100000000000.01', null], pair)).toMatchObject({
      ok: false,
      issues: [{ column: 1, reason: expect.stringContaining('金额超出单行金额上限') }],
    });
    expect(ledger(['2021-03-05', null, '-90000000000000'], { date: 0, signedAmount: 2 })).toMatchObject({
      ok: false,
      issues: [{ column: 2, reason: expect.stringContaining('超出单行金额上限') }],
    });
  });

  it('refuses a negative 年初预算 and an adjustment over the limit', () => {
    expect(budget([-5, 0])).toMatchObject({ ok: false, issues: [{ column: 0, reason: '年初预算不能为负数' }] });
    expect(budget([5, 200_000_000_000])).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([{ column: 1, reason: expect.stringContaining('调整数超出单行金额上限') }]),
    });
    expect(budget([5, -2])).toMatchObject({ ok: true, row: { initialFen: 500, adjustmentFen: -200 } });
  });

  it('refuses impossible dates', () => {
    for (const d of ['2021-13-45', '2021-02-30']) {
      expect(ledger([d, '1.00', null], { date: 0, outflow: 1, inflow: 2 })).toMatchObject({ ok: false, issues: [{ column: 0 }] });
    }
  });
});
