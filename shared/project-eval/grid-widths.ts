import { widthInChars } from '../report/char-width.ts';
import { fitColumnWidths, UNBREAKABLE_CHARS } from '../report/table-widths.ts';
import { GRID_COLUMNS, GRID_WIDTHS, type GridCell, type ProjectEvalGrid } from './table-grid.ts';

// Column widths of the 项目支出绩效自评表 grid on a page, by the rule the report's tables follow
// (table-widths.ts): no column narrower than the figures and short texts it must print on one line.
// Nine columns on a portrait page leave no room for every short heading on one line, so the rule
// is applied in tiers: figures always stay whole ("330.00", "91.06%", "≥30个"), and short texts
// only as long as the page holds them; a heading such as "一级指标" may then wrap as 一级/指标,
// as it does on the official table, but a figure never does.

/** Cells a renderer wants whole whatever the tier (the Excel sheet: its row headings). */
export type KeepWhole = (cell: GridCell) => boolean;

/** Row headings of column A ("项目名称", "绩效指标"…) up to `maxChars`, kept whole. */
export const keepRowHeadings =
  (maxChars: number): KeepWhole =>
  (c) =>
    c.col === 0 && c.style === 'label' && widthInChars(c.text) <= maxChars;

/** The texts of each column that must stay on one line: every figure, and texts up to `maxChars`. */
export function gridUnbreakableTexts(grid: ProjectEvalGrid, maxChars: number, keepWhole: KeepWhole = () => false): string[][] {
  const out: string[][] = Array.from({ length: GRID_COLUMNS }, () => []);
  for (const c of grid.cells) {
    if (c.colSpan !== 1 || c.text === '') continue;
    const short = !/\s/.test(c.text) && widthInChars(c.text) <= maxChars;
    if (c.style === 'number' || short || keepWhole(c)) out[c.col]!.push(c.text);
  }
  return out;
}

/**
 * Widths summing to `total` for a renderer that measures text with `measure` and pads a cell by
 * `padding`. Takes the most short texts whose minimums leave the prose columns (三级指标, 偏差原因)
 * at least their share of the page, down to figures only.
 */
export function gridColumnWidths(
  grids: ProjectEvalGrid[],
  total: number,
  measure: (text: string) => number,
  padding: number,
  keepWhole?: KeepWhole,
): number[] {
  const rel = GRID_WIDTHS.reduce((a, b) => a + b, 0);
  const minsFor = (maxChars: number) => {
    const min = new Array<number>(GRID_COLUMNS).fill(0);
    for (const g of grids) {
      gridUnbreakableTexts(g, maxChars, keepWhole).forEach((texts, i) => {
        for (const t of texts) min[i] = Math.max(min[i]!, measure(t) + padding);
      });
    }
    return min;
  };
  const proseShare = (PROSE_COLUMNS.reduce((s, i) => s + GRID_WIDTHS[i]!, 0) / rel) * total;
  for (let maxChars = UNBREAKABLE_CHARS; maxChars > 0; maxChars--) {
    const min = minsFor(maxChars);
    const others = min.reduce((s, m, i) => (PROSE_COLUMNS.includes(i) ? s : s + m), 0);
    if (total - others >= proseShare) return fitColumnWidths(GRID_WIDTHS, min, total);
  }
  return fitColumnWidths(GRID_WIDTHS, minsFor(0), total);
}

/** 三级指标 and 偏差原因分析及改进措施: the columns of running text. */
const PROSE_COLUMNS = [3, 8];
