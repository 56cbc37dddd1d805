import { describe, expect, it } from 'vitest';
import { breakdownRow } from '../../../shared/budget/breakdown-rows.ts';
import { budgetActualBars, progressLine } from '../../../shared/budget/chart-series.ts';
import { monthRows, quarterRows } from '../../../shared/budget/quarter-progress.ts';

describe('chart series', () => {
  it('gives bars in 万元 with labels and the drill-down filter of each bar', () => {
    const rows = [
      breakdownRow('301', { label: '工资福利支出', code: '301', filter: { econPrefix: '301' } }, { initialFen: 0, adjustmentFen: 0, finalFen: 2610000000, lineCount: 1 }, { actualFen: 2549700000, txnCount: 1 }),
      breakdownRow('x', { label: '旧项目', code: null, filter: null }, { initialFen: 0, adjustmentFen: 0, finalFen: 0, lineCount: 0 }, { actualFen: 4999, txnCount: 1 }),
    ];
    expect(budgetActualBars(rows)).toEqual({
      labels: ['301 工资福利支出', '旧项目'],
      budgetWan: [2610, 0],
      actualWan: [2549.7, 0],
      executionPercent: [97.69, null],
      filters: [{ econPrefix: '301' }, null],
    });
  });

  it('draws cumulative execution by month with the quarter-end targets', () => {
    const byMonth = monthRows(2021, 1000, [{ month: 3, actualFen: 300, txnCount: 1 }]);
    const line = progressLine({ byMonth, byQuarter: quarterRows(1000, byMonth, { 1: 2500, 2: 5000, 3: 7550, 4: 10000 }) });
    expect(line.months[0]).toBe('1月');
    expect(line.cumulativePercent.slice(0, 4)).toEqual([0, 0, 30, 30]);
    expect(line.targetPercent).toEqual([null, null, 25, null, null, 50, null, null, 75.5, null, null, 100]);
  });
});
