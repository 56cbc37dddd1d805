import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { gridColumnWidths, keepRowHeadings } from '../../../shared/project-eval/grid-widths.ts';
import type { ProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';
import { CELL_TEXT_PADDING, cellTextTwips } from './cell-text-width.ts';

// The 项目支出绩效自评表 of every project as .docx: one table per page, the report's page geometry
// (GB/T 9704 margins) and fonts, merged cells as in the official table, 草稿 in a draft's footer.

export interface ProjectEvalDocxInput {
  grids: ProjectEvalGrid[];
  draft: boolean;
  title: string;
}

const FONT = { fang: '仿宋_GB2312', hei: '黑体', kai: '楷体_GB2312', title: '方正小标宋简体', song: '宋体' } as const;
const face = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 五号 in half-points. */
const CELL_SIZE = 21;

/**
 * The table; `cellStyle` names a paragraph style for its cells, which a document with a line grid
 * (the report) passes so the rows are not stretched to the grid's 28.95 pt lines.
 */
export function gridTable(grid: ProjectEvalGrid, cellStyle?: string): Table {
  // Figures and short units never break (grid-widths.ts).
  const widths = gridColumnWidths([grid], TEXT_WIDTH, (t) => cellTextTwips(t, CELL_SIZE), CELL_TEXT_PADDING, keepRowHeadings(4)).map(Math.floor);
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const cells = grid.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: cells.map((c) => {
          const bold = c.style === 'label' || c.style === 'header' || c.style === 'total';
          const alignment = c.style === 'number' ? AlignmentType.RIGHT : c.style === 'text' && c.colSpan > 1 ? AlignmentType.LEFT : AlignmentType.CENTER;
          return new TableCell({
            columnSpan: c.colSpan,
            rowSpan: c.rowSpan,
            verticalAlign: VerticalAlign.CENTER,
            width: { size: widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
            children: [
              new Paragraph({
                ...(cellStyle ? { style: cellStyle } : {}),
                alignment,
                spacing: { line: 260, lineRule: LineRuleType.AUTO, before: 20, after: 20 },
                children: [new TextRun({ text: c.text, font: face(bold ? FONT.hei : FONT.fang), size: CELL_SIZE })],
              }),
            ],
          });
        }),
      }),
    );
  }
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, margins: { left: 60, right: 60, top: 20, bottom: 20 }, rows });
}

/** Title, year and table of one project, starting a new page unless it is the first. */
export function gridBlocks(grid: ProjectEvalGrid, pageBreakBefore: boolean, cellStyle?: string): (Paragraph | Table)[] {
  return [
    new Paragraph({
      pageBreakBefore,
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 60 },
      children: [new TextRun({ text: grid.title, font: face(FONT.title), size: 36 })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: grid.subtitle, font: face(FONT.kai), size: 28 })] }),
    gridTable(grid, cellStyle),
  ];
}

export async function renderProjectEvalDocx(input: ProjectEvalDocxInput): Promise<Buffer> {
  const footerRun = new TextRun({ children: [input.draft ? '草稿　　— ' : '— ', PageNumber.CURRENT, ' —'], font: face(FONT.song), size: 28 });
  const children =
    input.grids.length === 0
      ? [new Paragraph({ children: [new TextRun('本年度没有项目支出。')] })]
      : input.grids.flatMap((g, i) => gridBlocks(g, i > 0));
  const doc = new Document({
    creator: 'SelfEval Desk',
    title: input.title,
    styles: { default: { document: { run: { font: face(FONT.fang), size: CELL_SIZE } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 1304 } },
        },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [footerRun] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
