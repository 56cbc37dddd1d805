import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  UnderlineType,
  WidthType,
} from 'docx';
import { buildReportModel, type ReportBlock } from '../../../shared/report/build-report-model.ts';
import type { ReportInput } from '../../../shared/report/input.ts';
import { SIGN_BLANK_CHARS, type SignatureBlockModel, type SignatureField } from '../../../shared/report/signature-block.ts';
import { formatCellText, type ReportTable, type TableRow as ModelRow } from '../../../shared/report/table-model.ts';
import { CELL_TEXT_PADDING, cellTextTwips } from './cell-text-width.ts';
import { gridBlocks } from './render-project-eval-docx.ts';
import { tableColumnWidths } from '../../../shared/report/table-widths.ts';
import { validateReportInput } from '../../../shared/report/validate-input.ts';
import { DRAFT_FOOTER, type ExportOptions } from '../draft-mark.ts';
import { FACE, fontTableXml } from './font-table.ts';
import { unsnapStyles } from './off-grid-styles.ts';

// ReportInput → .docx in the same 公文 layout as the PDF: real heading styles (so Word's navigation
// pane and outline work), the model's numbering, exact 28.95 pt line pitch, tables with repeated
// header rows, "— n —" page numbers right on odd and left on even pages, and the 22 × 28 document
// grid. Fonts are named as government offices have them installed; the font table (font-table.ts)
// gives each a fallback a stock Windows or 信创 PC has.

const FONT = FACE;

const face = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Half-points. */
const SIZE = { er: 44, xiaoEr: 36, san: 32, si: 28, xiaoSi: 24, wu: 21 } as const;
/** GB/T 9704 in twips: A4, 上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm. */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 22 lines on the 225 mm 版心: 28.95 pt exact. */
const LINE = { line: 579, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const INDENT = { firstLine: 640 };
/**
 * 22 lines × 28 characters (GB/T 9704 §5.2.1). The line grid gives the 22 lines. The 28 characters
 * come from condensing every character by 0.25 pt (16 pt × 28 is 448 pt, the text width 442.2 pt)
 * rather than from a character grid: Word reaches 28 with a negative charSpace, but LibreOffice 7
 * (what many 信创 PCs open Word files with) lays each character of such a grid over two cells and
 * prints 14–20 characters a line.
 */
const GRID = { type: DocumentGridType.LINES, linePitch: LINE.line };
/** Twips per character: a 三号 character is 320 twips, 28 of them share TEXT_WIDTH (−5). */
const CONDENSE = Math.floor(TEXT_WIDTH / 28 - SIZE.san * 10);
/** Paragraph styles kept off the line grid (off-grid-styles.ts): table cells and the 二号 title. */
const TABLE_TEXT = 'TableText';
const TITLE = 'ReportTitle';

const HEADING: Record<1 | 2 | 3 | 4, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
};

/** Heading n is outline level n − 1, so Word's navigation pane and a table of contents list it. */
function headingStyle(id: string, name: string, font: string, outlineLevel: number) {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: face(font), size: SIZE.san, bold: false, color: '000000' },
    paragraph: { spacing: LINE, indent: INDENT, keepNext: true, keepLines: true, outlineLevel },
  };
}

function para(text: string, opts: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: INDENT,
    keepNext: opts.keepNext,
    children: [new TextRun(text)],
  });
}

function tableContent(table: ReportTable): Table {
  const n = table.columns.length;
  const size = n >= 7 ? SIZE.wu : SIZE.xiaoSi;
  // Units, statuses and figures never break (table-widths.ts, cell-text-width.ts).
  const widths = tableColumnWidths(table, TEXT_WIDTH, (t) => cellTextTwips(t, size), CELL_TEXT_PADDING).map(Math.floor);
  // The header and first body row keep with the next row, so a table's title (kept with the
  // header) never ends a page with less than two rows under it.
  let keepRows = 2;
  const cellPara = (text: string, align: 'left' | 'center' | 'right', fontName: string, indent = 0) =>
    new Paragraph({
      style: TABLE_TEXT,
      alignment: align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { line: Math.round(size * 12.5), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: indent > 0 ? { left: indent * size * 10 } : undefined,
      keepNext: keepRows > 0 ? true : undefined,
      children: [new TextRun({ text, font: face(fontName), size })],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map(
      (c, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: [cellPara(c.header, 'center', FONT.hei)] }),
    ),
  });
  const row = (r: ModelRow) => {
    keepRows -= 1;
    if (r.role === 'section') {
      const label = r.cells[0] ? formatCellText(r.cells[0]) : '';
      return new TableRow({
        cantSplit: true,
        children: [new TableCell({ columnSpan: n, children: [cellPara(label, 'left', FONT.hei)] })],
      });
    }
    return new TableRow({
      cantSplit: true,
      children: r.cells.map((cell, i) => {
        const numeric = cell.kind === 'fen' || cell.kind === 'centi' || cell.kind === 'ratio';
        const fontName = r.role === 'total' && i === 0 ? FONT.hei : FONT.fang;
        return new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          children: [cellPara(formatCellText(cell), numeric ? 'right' : table.columns[i]!.align, fontName, i === 0 ? r.indent : 0)],
        });
      }),
    });
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    // 3 pt side margins (Word's default is 5.4 pt) so "100.00" fits a 分值 column.
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    rows: [header, ...table.rows.map(row)],
  });
}

/** One 3号 character in twips. */
const CHAR = 320;

/**
 * 署名 and 成文日期 placed by the shared model (signature-block.ts), exactly as the PDF places them:
 * the date 右空四字, the unit centred over it, then the sign lines, two fields each, the second at a
 * tab stop in the middle of the line.
 */
function signatureContent(s: SignatureBlockModel): Paragraph[] {
  const rightLine = (text: string, rightChars: number) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: Math.round(rightChars * CHAR) }, keepNext: true, children: [new TextRun(text)] });
  const blank = () => new Paragraph({ spacing: LINE, keepNext: true, children: [] });
  // A blank to sign is underlined ideographic space, as in the PDF.
  const field = (f: SignatureField, tab: boolean): TextRun[] => [
    new TextRun({ children: [...(tab ? [new Tab()] : []), `${f.label}：${f.value ?? ''}`] }),
    ...(f.value === null ? [new TextRun({ text: '\u3000'.repeat(SIGN_BLANK_CHARS), underline: { type: UnderlineType.SINGLE } })] : []),
  ];
  return [
    blank(),
    rightLine(s.unit, s.unitRightChars),
    rightLine(s.date, s.dateRightChars),
    blank(),
    ...s.rows.map(
      ([left, right], i) =>
        new Paragraph({
          spacing: LINE,
          keepNext: i < s.rows.length - 1,
          tabStops: [{ type: TabStopType.LEFT, position: Math.round(TEXT_WIDTH / 2) }],
          children: [...field(left, false), ...field(right, true)],
        }),
    ),
  ];
}

function blockContent(b: ReportBlock, keepNext: boolean): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [
        ...b.lines.map(
          (l) =>
            new Paragraph({
              style: TITLE,
              children: [new TextRun(l)],
            }),
        ),
        new Paragraph({ spacing: LINE, children: [] }),
      ];
    case 'heading':
      return [new Paragraph({ heading: HEADING[b.level], children: [new TextRun(`${b.number}${b.text}`)] })];
    case 'paragraph':
      return [para(b.text, { keepNext })];
    case 'table':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 120 },
          keepNext: true,
          children: [new TextRun({ text: b.table.title, font: face(FONT.hei), size: SIZE.si })],
        }),
        ...(b.table.unitLine === ''
          ? []
          : [new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, children: [new TextRun({ text: b.table.unitLine, size: SIZE.xiaoSi })] })]),
        tableContent(b.table),
        new Paragraph({ spacing: LINE, children: [] }),
      ];
    case 'annexNote':
      // An outline without annexes prints no 附件 line.
      if (b.items.length === 0) return [];
      return [
        new Paragraph({ spacing: LINE, keepNext: true, children: [] }),
        ...b.items.map(
          (item, i) =>
            new Paragraph({
              spacing: LINE,
              keepNext: true,
              // 附件：1.×× two characters in; later items aligned under the first item's number.
              indent: { left: 1600, hanging: i === 0 ? 960 : 0 },
              children: [new TextRun(i === 0 ? `附件：${item}` : item)],
            }),
        ),
      ];
    case 'signature':
      return signatureContent(b.signature);
    case 'annex':
      return [
        new Paragraph({ pageBreakBefore: true, spacing: LINE, children: [new TextRun({ text: b.label, font: face(FONT.hei) })] }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 240 },
          children: [new TextRun({ text: b.table.title, font: face(FONT.title), size: SIZE.xiaoEr })],
        }),
        ...(b.table.unitLine === ''
          ? []
          : [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: b.table.unitLine, size: SIZE.xiaoSi })] })]),
        tableContent(b.table),
      ];
    case 'projectEvalAnnex':
      // The table as the standalone 项目自评 Word file prints it, after the annex label.
      return [new Paragraph({ pageBreakBefore: true, spacing: LINE, children: [new TextRun({ text: b.label, font: face(FONT.hei) })] }), ...gridBlocks(b.grid, false, TABLE_TEXT)];
  }
}

function pageNumberFooter(align: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { left?: number; right?: number }): Footer {
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: face(FONT.song), size: SIZE.si });
  return new Footer({
    children: [new Paragraph({ alignment: align, indent, children: [run(['— ', PageNumber.CURRENT, ' —'])] })],
  });
}

/** A draft's page header: the 草稿 line, grey, centred above the 版心 on every page. */
function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: DRAFT_FOOTER, font: face(FONT.hei), size: SIZE.wu, color: '606060' })],
      }),
    ],
  });
}

export async function renderReportDocx(input: ReportInput, opts: ExportOptions = {}): Promise<Buffer> {
  const model = buildReportModel(validateReportInput(input));
  const sigAt = model.blocks.findIndex((b) => b.kind === 'signature');
  const noteAt = model.blocks.findIndex((b) => b.kind === 'annexNote');
  // The last paragraph before the annex note keeps with the signature block (Word's keep-with-next).
  const keepFrom = (noteAt >= 0 ? noteAt : sigAt) - 1;
  const children = model.blocks.flatMap((b, i) => blockContent(b, i === keepFrom));

  const doc = new Document({
    creator: 'SelfEval Desk',
    title: model.title,
    description: `${model.year}年度部门整体支出绩效自评报告`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: face(FONT.fang), size: SIZE.san, characterSpacing: CONDENSE },
          paragraph: { spacing: LINE },
        },
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT,
          name: '表格文字',
          basedOn: 'Normal',
          quickFormat: true,
          paragraph: { spacing: { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
        {
          id: TITLE,
          name: '公文标题',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: face(FONT.title), size: SIZE.er },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 869, lineRule: LineRuleType.EXACT }, keepNext: true },
        },
        headingStyle('Heading1', 'heading 1', FONT.hei, 0),
        headingStyle('Heading2', 'heading 2', FONT.kai, 1),
        headingStyle('Heading3', 'heading 3', FONT.fang, 2),
        headingStyle('Heading4', 'heading 4', FONT.fang, 3),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            // Footer distance puts the page number's top about 7 mm below the 版心.
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 1304 },
          },
          grid: GRID,
        },
        ...(opts.draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {}),
        footers: {
          default: pageNumberFooter(AlignmentType.RIGHT, { right: 280 }),
          even: pageNumberFooter(AlignmentType.LEFT, { left: 280 }),
        },
        children,
      },
    ],
  });
  const packed = await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return unsnapStyles(packed, [TABLE_TEXT, TITLE]);
}
