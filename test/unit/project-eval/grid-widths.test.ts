import { describe, expect, it } from 'vitest';
import { gridColumnWidths, gridUnbreakableTexts, keepRowHeadings } from '../../../shared/project-eval/grid-widths.ts';
import type { CellStyle, GridCell, ProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';
import { widthInChars } from '../../../shared/report/char-width.ts';

const cell = (row: number, col: number, text: string, style: CellStyle, colSpan = 1): GridCell => ({ row, col, rowSpan: 1, colSpan, text, style });

/** A fund block and an indicator row, as the grid builder lays them out. */
const grid: ProjectEvalGrid = {
  title: '项目支出绩效自评表',
  subtitle: '（2021年度）',
  unitLine: '',
  rows: 4,
  cells: [
    cell(0, 0, '项目资金（万元）', 'label'),
    ...['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].map((h, i) => cell(0, 3 + i, h, 'header')),
    cell(1, 0, '项目名称', 'label'),
    cell(1, 1, '年度资金总额', 'label', 2),
    ...['300.00', '330.00', '300.50', '10.00', '91.06%', '9.11'].map((t, i) => cell(1, 3 + i, t, 'number')),
    cell(2, 1, '一级指标', 'header'),
    cell(2, 2, '二级指标', 'header'),
    cell(3, 1, '产出指标', 'text'),
    cell(3, 2, '社会效益指标', 'text'),
    cell(3, 3, '平台故障平均修复时长', 'text'),
  ],
};

// One unit a character, one a cell's padding.
const measure = widthInChars;
const widthOf = (widths: number[], col: number) => widths[col]!;

describe('项目自评表 column widths', () => {
  it('counts every figure as unbreakable, and short texts only up to the tier', () => {
    const texts = gridUnbreakableTexts(grid, 4);
    expect(texts[4]).toEqual(['330.00']);
    expect(texts[7]).toEqual(['执行率', '91.06%']);
    expect(texts[1]).toEqual(['一级指标', '产出指标']);
    expect(gridUnbreakableTexts(grid, 5)[4]).toEqual(['全年预算数', '330.00']);
    // A heading spread over two columns gives neither of them a minimum.
    expect(texts[2]).not.toContain('年度资金总额');
  });

  it('on a wide page keeps the short headings whole as well as the figures', () => {
    const widths = gridColumnWidths([grid], 60, measure, 1);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(60, 9);
    expect(widthOf(widths, 4)).toBeGreaterThanOrEqual(measure('全年预算数') + 1);
    expect(widthOf(widths, 1)).toBeGreaterThanOrEqual(measure('一级指标') + 1);
  });

  it('on a narrow page lets the headings wrap but never a figure', () => {
    const widths = gridColumnWidths([grid], 32, measure, 1);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(32, 9);
    for (const [col, figure] of [
      [3, '300.00'],
      [4, '330.00'],
      [7, '91.06%'],
    ] as const) {
      expect(widthOf(widths, col)).toBeGreaterThanOrEqual(measure(figure) + 1);
    }
    expect(widthOf(widths, 1)).toBeLessThan(measure('一级指标') + 1);
  });

  it('keeps the row headings of column A whole when asked', () => {
    const without = gridColumnWidths([grid], 60, measure, 1);
    expect(widthOf(without, 0)).toBeLessThan(measure('项目资金（万元）') + 1);
    const withHeadings = gridColumnWidths([grid], 60, measure, 1, keepRowHeadings(Number.POSITIVE_INFINITY));
    expect(widthOf(withHeadings, 0)).toBeGreaterThanOrEqual(measure('项目资金（万元）') + 1);
  });
});
