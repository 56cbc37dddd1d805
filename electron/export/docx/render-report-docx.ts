import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { buildReportModel, type ReportBlock, type SignatureView } from '../../../shared/report/build-report-model.ts';
import type { ReportInput } from '../../../shared/report/input.ts';
import { formatCellText, type ReportTable, type TableRow as ModelRow } from '../../../shared/report/table-model.ts';
import { gridBlocks } from './render-project-eval-docx.ts';
import { validateReportInput } from '../../../shared/report/validate-input.ts';
import { DRAFT_FOOTER, type ExportOptions } from '../draft-mark.ts';

// ReportInput → .docx in the same 公文 layout as the PDF: real heading styles (so Word's navigation
// pane and outline work), the model's numbering, exact 28.95 pt line pitch, tables with repeated
// header rows, "— n —" page numbers right on odd and left on even pages. Fonts are named as
// government offices have them installed; Word substitutes if one is missing.

const FONT = {
  fang: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  title: '方正小标宋简体',
  song: '宋体',
} as const;

const face = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Half-points. */
const SIZE = { er: 44, xiaoEr: 36, san: 32, si: 28, xiaoSi: 24, wu: 21 } as const;
/** GB/T 9704 in twips: A4, 上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm. */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 22 lines on the 225 mm 版心: 28.95 pt exact. */
const LINE = { line: 579, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const INDENT = { firstLine: 640 };

const HEADING: Record<1 | 2 | 3 | 4, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
};

function headingStyle(id: string, name: string, font: string) {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: face(font), size: SIZE.san, bold: false, color: '000000' },
    paragraph: { spacing: LINE, indent: INDENT, keepNext: true, keepLines: true },
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
  const rel = table.columns.reduce((s, c) => s + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / rel) * TEXT_WIDTH));
  const cellPara = (text: string, align: 'left' | 'center' | 'right', fontName: string, indent = 0) =>
    new Paragraph({
      alignment: align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      indent: indent > 0 ? { left: indent * size * 10 } : undefined,
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

function signatureContent(s: SignatureView): (Paragraph | Table)[] {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const rows: TableRow[] = [];
  const widths = [Math.floor(TEXT_WIDTH * 0.58), Math.ceil(TEXT_WIDTH * 0.42)];
  for (let i = 0; i < s.persons.length; i += 2) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [s.persons[i], s.persons[i + 1]].map(
          (p, col) =>
            new TableCell({
              borders,
              width: { size: widths[col]!, type: WidthType.DXA },
              children: [new Paragraph({ spacing: LINE, keepNext: true, children: [new TextRun(p ? `${p.label}：${p.value}` : '')] })],
            }),
        ),
      }),
    );
  }
  const date = s.dateText === '' ? '年\u3000\u3000月\u3000\u3000日' : s.dateText;
  return [
    new Paragraph({ spacing: LINE, keepNext: true, children: [] }),
    new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, borders, margins: { left: 0, right: 0 }, rows }),
    new Paragraph({ spacing: LINE, keepNext: true, children: [] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 640 }, keepNext: true, children: [new TextRun(`${s.sealLabel}：${s.sealingUnit}`)] }),
    // 成文日期 右空四字.
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 1280 }, children: [new TextRun(date)] }),
  ];
}

function blockContent(b: ReportBlock, keepNext: boolean): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [
        ...b.lines.map(
          (l) =>
            new Paragraph({
              style: 'ReportTitle',
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
      return [new Paragraph({ pageBreakBefore: true, spacing: LINE, children: [new TextRun({ text: b.label, font: face(FONT.hei) })] }), ...gridBlocks(b.grid, false)];
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
          run: { font: face(FONT.fang), size: SIZE.san },
          paragraph: { spacing: LINE },
        },
      },
      paragraphStyles: [
        {
          id: 'ReportTitle',
          name: '公文标题',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: face(FONT.title), size: SIZE.er },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 869, lineRule: LineRuleType.EXACT }, keepNext: true },
        },
        headingStyle('Heading1', 'heading 1', FONT.hei),
        headingStyle('Heading2', 'heading 2', FONT.kai),
        headingStyle('Heading3', 'heading 3', FONT.fang),
        headingStyle('Heading4', 'heading 4', FONT.fang),
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
  return Packer.toBuffer(doc);
}
