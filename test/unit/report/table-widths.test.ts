import { describe, expect, it } from 'vitest';
import { fitColumnWidths, tableColumnWidths, unbreakableTexts } from '../../../shared/report/table-widths.ts';
import { buildTaskTable } from '../../../shared/report/annex-task-table.ts';

describe('table column widths', () => {
  it('keeps the proportions when every column is wide enough', () => {
    expect(fitColumnWidths([1, 3], [10, 10], 100)).toEqual([25, 75]);
  });

  it('widens a narrow column to its minimum and takes the difference from the others', () => {
    const w = fitColumnWidths([1, 4, 5], [30, 0, 0], 100);
    expect(w[0]).toBe(30);
    expect(w[1]! + w[2]!).toBeCloseTo(70, 9);
    expect(w[1]! / w[2]!).toBeCloseTo(4 / 5, 9);
  });

  it('scales the minimums together when even they do not fit', () => {
    expect(fitColumnWidths([1, 1], [80, 120], 100)).toEqual([40, 60]);
  });

  it('never breaks a short unit such as 项（次）: the 单位 column gets its width', () => {
    const table = buildTaskTable([
      {
        title: '服务决策',
        summary: '',
        tasks: [
          {
            title: '抓好督查督办',
            description: '',
            status: 'done',
            measures: [{ key: '', name: '梳理重点工作', unit: '项（次）', target: '400', actual: '431' }],
          },
        ],
      },
    ]);
    expect(unbreakableTexts(table)[2]).toEqual(['单位', '项（次）']);
    // One unit per character: 项（次） needs 4 plus padding, more than its 1.4/16.8 share of 40.
    const measure = (t: string) => [...t].length;
    const widths = tableColumnWidths(table, 40, measure, 0.5);
    expect(widths[2]).toBeGreaterThanOrEqual(4.5);
    expect(widths.reduce((s, w) => s + w, 0)).toBeCloseTo(40, 9);
  });
});
