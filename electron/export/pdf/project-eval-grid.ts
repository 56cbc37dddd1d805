import type { Content, TableCell } from 'pdfmake/interfaces';
import { gridColumnWidths, keepRowHeadings } from '../../../shared/project-eval/grid-widths.ts';
import { GRID_COLUMNS, type GridCell, type ProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';
import type { FaceId } from './font-registry.ts';
import { SIZE, TABLE_CELL_PADDING_X, TABLE_CELL_PADDING_Y, TEXT_WIDTH } from './page-layout.ts';
import { createTextNodes, type TextMetrics } from './text-nodes.ts';

// One 项目支出绩效自评表 as a pdfmake table with the official merged cells, shared by the standalone
// 项目自评 PDF and the report's annexes so both print the same table.

export const FONT_SIZE = SIZE.wu;
export const LINE_HEIGHT = 1.3;

export function gridContent(grid: ProjectEvalGrid, metrics: TextMetrics): Content {
  const { txt, measure } = createTextNodes(metrics);
  const n = GRID_COLUMNS;
  const avail = TEXT_WIDTH - n * 2 * TABLE_CELL_PADDING_X - (n + 1) * 0.5 - 0.5;
  // Figures and short units never break (grid-widths.ts): measured in the wider of the two faces.
  const unbroken = (t: string) => Math.max(measure(t, 'fang', FONT_SIZE), measure(t, 'hei', FONT_SIZE)) + 0.01;
  const widths = gridColumnWidths([grid], avail, unbroken, 0, keepRowHeadings(4));
  const spanWidth = (c: GridCell) => widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0) + (c.colSpan - 1) * (2 * TABLE_CELL_PADDING_X + 0.5);
  const body: TableCell[][] = Array.from({ length: grid.rows }, () => Array.from({ length: n }, () => ({})));
  for (const c of grid.cells) {
    const face: FaceId = c.style === 'label' || c.style === 'header' || c.style === 'total' ? 'hei' : 'fang';
    const alignment = c.style === 'number' ? 'right' : c.style === 'text' && c.colSpan > 1 ? 'left' : 'center';
    const node = txt(c.text, face, FONT_SIZE, LINE_HEIGHT, { alignment, colSpan: c.colSpan, rowSpan: c.rowSpan }, spanWidth(c));
    body[c.row]![c.col] = { ...node, verticalAlignment: 'middle' } as TableCell;
  }
  return {
    table: { widths, body, dontBreakRows: true },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingLeft: () => TABLE_CELL_PADDING_X,
      paddingRight: () => TABLE_CELL_PADDING_X,
      paddingTop: () => TABLE_CELL_PADDING_Y + 1,
      paddingBottom: () => TABLE_CELL_PADDING_Y + 1,
    },
    fontSize: FONT_SIZE,
    lineHeight: LINE_HEIGHT,
  };
}

