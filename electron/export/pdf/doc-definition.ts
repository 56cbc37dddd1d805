import type { Content, ContentText, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { ReportBlock, ReportModel } from '../../../shared/report/build-report-model.ts';
import { SIGN_BLANK_CHARS, type SignatureBlockModel, type SignatureField } from '../../../shared/report/signature-block.ts';
import { formatCellText, type ReportTable, type TableRow } from '../../../shared/report/table-model.ts';
import { tableColumnWidths } from '../../../shared/report/table-widths.ts';
import type { FaceId } from './font-registry.ts';
import { gridContent } from './project-eval-grid.ts';
import { type BrokenLine, breakLines } from './line-breaker.ts';
import {
  BODY_INDENT,
  BODY_LINE_HEIGHT,
  BODY_TRACKING,
  CHAR_PITCH,
  LINE_PITCH,
  mm,
  PAGE,
  PAGE_NUMBER_GAP,
  SIZE,
  TABLE_CELL_PADDING_X,
  TABLE_CELL_PADDING_Y,
  TABLE_FONT_SIZE,
  TABLE_LINE_HEIGHT,
  TEXT_HEIGHT,
  TEXT_WIDTH,
} from './page-layout.ts';
import { createTextNodes, type TextMetrics, type TextProps } from './text-nodes.ts';

// ReportModel → pdfmake document in the layout of 党政机关公文 (GB/T 9704): 仿宋 三号 body on a
// 22-line × 28-character grid, 黑体/楷体 headings, 小标宋-like title, "— n —" page numbers
// alternating sides, annex tables with repeated header rows, a signature block that never starts a
// page alone, and a bookmark (PDF outline entry) for every heading and annex.

/** Longest last paragraph (characters) kept on the signature's page; longer ones may split. */
const KEEP_WITH_SIGNATURE_MAX_CHARS = 300;

export function buildDocDefinition(model: ReportModel, metrics: TextMetrics): TDocumentDefinitions {
  // Only the 3号 text sits on the 28-character grid; titles and tables keep their faces' pitch.
  const trackingFor = (size: number) => (size === SIZE.san ? BODY_TRACKING : 0);
  const { lineNode, flow, txt, measure, covers } = createTextNodes(metrics, trackingFor);

  const bodyTxt = (s: string, face: FaceId, props: TextProps = {}, width = TEXT_WIDTH) => txt(s, face, SIZE.san, BODY_LINE_HEIGHT, props, width);
  const bodyLines = (s: string) => breakLines(s, 'fang', SIZE.san, TEXT_WIDTH, BODY_INDENT, measure, covers, BODY_TRACKING);
  const bodyNode = (lines: BrokenLine[], indent: number) => lineNode(lines, 'fang', SIZE.san, BODY_LINE_HEIGHT, indent, true);
  const body = (s: string): ContentText => bodyNode(bodyLines(s), BODY_INDENT);
  /** A paragraph as its first line and the rest, so the first line can travel with a heading. */
  const bodySplit = (s: string): { first: Content; rest: Content | null } => {
    const lines = bodyLines(s);
    return { first: bodyNode(lines.slice(0, 1), BODY_INDENT), rest: lines.length > 1 ? bodyNode(lines.slice(1), 0) : null };
  };

  const headingFace: Record<1 | 2 | 3 | 4, FaceId> = { 1: 'hei', 2: 'kai', 3: 'fang', 4: 'fang' };

  // Bookmarks: each heading under the nearest heading above it of a higher level; annexes at the top.
  const outlineParents: (string | undefined)[] = [];
  let outlineCount = 0;
  const bookmark = (text: string, level: number): TextProps => {
    const id = `outline-${++outlineCount}`;
    const parent = outlineParents.slice(0, level - 1).findLast((p) => p !== undefined);
    outlineParents.length = level - 1;
    outlineParents[level - 1] = id;
    return { id, outline: true, outlineText: text, outlineExpanded: level === 1, ...(parent ? { outlineParentId: parent } : {}) };
  };

  const blockContent = (b: ReportBlock): Content => {
    switch (b.kind) {
      case 'title':
        return {
          stack: b.lines.map((l) => txt(l, 'songBold', SIZE.er, (LINE_PITCH * 1.5) / SIZE.er, { alignment: 'center' })),
          margin: [0, 0, 0, LINE_PITCH],
        };
      case 'heading': {
        const text = `${b.number}${b.text}`;
        return flow(text, headingFace[b.level], SIZE.san, BODY_LINE_HEIGHT, TEXT_WIDTH, BODY_INDENT, false, bookmark(text, b.level));
      }
      case 'paragraph':
        return body(b.text);
      case 'table':
        return inlineTableContent(b.table);
      case 'annexNote':
        // An outline without annexes prints no 附件 line.
        if (b.items.length === 0) return { stack: [] };
        return {
          columns: [
            bodyTxt('附件：', 'fang', { width: 'auto' }),
            { width: '*', stack: b.items.map((item) => bodyTxt(item, 'fang', {}, TEXT_WIDTH - BODY_INDENT - 3 * CHAR_PITCH)) },
          ],
          margin: [BODY_INDENT, LINE_PITCH, 0, 0],
        };
      case 'signature':
        return signatureContent(b.signature);
      case 'annex':
        return annexContent(b.label, b.table);
      case 'projectEvalAnnex':
        // The table exactly as the standalone 项目自评 PDF prints it, after the annex label.
        return {
          stack: [
            bodyTxt(b.label, 'hei', { pageBreak: 'before' }),
            txt(b.grid.title, 'songBold', SIZE.xiaoEr, 1.6, { alignment: 'center', margin: [0, 4, 0, 0] }),
            txt(b.grid.subtitle, 'kai', SIZE.si, 1.5, { alignment: 'center', margin: [0, 0, 0, 6] }),
            gridContent(b.grid, metrics),
          ],
        };
    }
  };

  // 署名 and 成文日期 placed by the shared model (signature-block.ts), in 3号 characters; one blank
  // line above 署名 so a seal over it and the date reaches within a line of the body, one below the
  // date so the people sign clear of the seal.
  const signatureContent = (s: SignatureBlockModel): Content => {
    const rightLine = (text: string, rightChars: number, top: number): Content =>
      bodyTxt(text, 'fang', { alignment: 'right', margin: [0, top, rightChars * SIZE.san, 0] }, TEXT_WIDTH - rightChars * SIZE.san);
    // Two fields a line, each half the line; a blank to sign is underlined ideographic space.
    const field = TEXT_WIDTH / 2;
    const fieldNode = (f: SignatureField, width: number | '*'): Content => {
      const node = bodyTxt(`${f.label}：${f.value ?? ''}`, 'fang', { width }, field);
      if (f.value === null && Array.isArray(node.text)) {
        node.text.push({ text: '\u3000'.repeat(SIGN_BLANK_CHARS), font: 'fang', fontSize: SIZE.san, lineHeight: BODY_LINE_HEIGHT, decoration: 'underline', noWrap: true });
      }
      return node;
    };
    return {
      stack: [
        rightLine(s.unit, s.unitRightChars, LINE_PITCH),
        rightLine(s.date, s.dateRightChars, 0),
        {
          stack: s.rows.map(([left, right]) => ({
            columns: [fieldNode(left, field), fieldNode(right, '*')],
            columnGap: 0,
          })),
          margin: [0, LINE_PITCH, 0, 0],
        },
      ],
    };
  };

  const annexContent = (label: string, table: ReportTable): Content => {
    const parts: Content[] = [
      bodyTxt(label, 'hei', { pageBreak: 'before', ...bookmark(`${label} ${table.title}`, 1) }),
      txt(table.title, 'songBold', SIZE.xiaoEr, 1.6, { alignment: 'center', margin: [0, 4, 0, 8] }),
    ];
    if (table.unitLine !== '') parts.push(txt(table.unitLine, 'fang', TABLE_FONT_SIZE, 1.4, { alignment: 'right' }));
    parts.push(tableContent(table).node);
    return { stack: parts };
  };

  // A table the outline places in the text keeps its title with its header and first two rows, or
  // moves whole when it is small: pdfmake asks pageBreakBefore about the title (by id), and the
  // height needed below the title's top is known here because every cell is broken into lines here.
  const keepHeights = new Map<string, number>();
  const inlineTableContent = (table: ReportTable): Content => {
    const title = txt(table.title, 'hei', SIZE.si, 1.6, { alignment: 'center', margin: [0, 4, 0, 4] });
    const parts: Content[] = [title];
    let above = SIZE.si * 1.6 + 8;
    if (table.unitLine !== '') {
      parts.push(txt(table.unitLine, 'fang', TABLE_FONT_SIZE, 1.4, { alignment: 'right' }));
      above += TABLE_FONT_SIZE * 1.4;
    }
    const built = tableContent(table);
    parts.push(built.node);
    const rows = built.rowHeights;
    const whole = rows.reduce((s, h) => s + h, 0);
    const id = `table-${keepHeights.size + 1}`;
    title.id = id;
    keepHeights.set(id, above + (whole <= TEXT_HEIGHT / 3 ? whole : rows.slice(0, 3).reduce((s, h) => s + h, 0)));
    return { stack: parts, margin: [0, 0, 0, LINE_PITCH / 2] };
  };

  /** A table node and the height of each of its rows (header first), borders included. */
  const tableContent = (table: ReportTable): { node: Content; rowHeights: number[] } => {
    const n = table.columns.length;
    // Wide tables (the score sheet) drop to 五号 so indicator names fit on one line.
    const fontSize = n >= 7 ? SIZE.wu : TABLE_FONT_SIZE;
    const avail = TEXT_WIDTH - n * 2 * TABLE_CELL_PADDING_X - (n + 1) * 0.5 - 0.5;
    // Units, statuses and figures never break: their columns get at least their width.
    const unbroken = (t: string) => Math.max(measure(t, 'fang', fontSize), measure(t, 'hei', fontSize)) + 0.01;
    const widths = tableColumnWidths(table, avail, unbroken, 0);
    const header: TableCell[] = table.columns.map((c, i) =>
      txt(c.header, 'hei', fontSize, TABLE_LINE_HEIGHT, { alignment: 'center' }, widths[i]!),
    );
    // A section row spans the whole table: every column plus the padding and rules between them.
    const spanWidth = avail + (n - 1) * (2 * TABLE_CELL_PADDING_X + 0.5);
    const rowCells = (row: TableRow): TableCell[] => {
      if (row.role === 'section') {
        const label = row.cells[0] ? formatCellText(row.cells[0]) : '';
        return [txt(label, 'hei', fontSize, TABLE_LINE_HEIGHT, { colSpan: n }, spanWidth), ...Array.from({ length: n - 1 }, () => ({}))];
      }
      return row.cells.map((cell, i) => {
        const col = table.columns[i]!;
        const face: FaceId = row.role === 'total' && i === 0 ? 'hei' : 'fang';
        const numeric = cell.kind === 'fen' || cell.kind === 'centi' || cell.kind === 'ratio';
        const indent = i === 0 ? fontSize * row.indent : 0;
        const props: TextProps = { alignment: numeric ? 'right' : col.align };
        if (indent > 0) props.margin = [indent, 0, 0, 0];
        if (numeric) return txt(formatCellText(cell), face, fontSize, TABLE_LINE_HEIGHT, { ...props, noWrap: true });
        return flow(formatCellText(cell), face, fontSize, TABLE_LINE_HEIGHT, widths[i]! - indent, 0, false, props);
      });
    };
    const body = [header, ...table.rows.map(rowCells)];
    const lineCount = (cell: TableCell) => {
      const inlines = (cell as ContentText).text;
      return Array.isArray(inlines) ? 1 + inlines.filter((t) => (t as ContentText).text === '\n').length : 1;
    };
    const rowHeights = body.map(
      (cells) => Math.max(...cells.map(lineCount)) * fontSize * TABLE_LINE_HEIGHT + 2 * TABLE_CELL_PADDING_Y + 0.5,
    );
    const node: Content = {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths,
        body,
      },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        paddingLeft: () => TABLE_CELL_PADDING_X,
        paddingRight: () => TABLE_CELL_PADDING_X,
        paddingTop: () => TABLE_CELL_PADDING_Y,
        paddingBottom: () => TABLE_CELL_PADDING_Y,
      },
      fontSize,
      lineHeight: TABLE_LINE_HEIGHT,
    };
    return { node, rowHeights };
  };

  // Two things must never end up alone: the signature block (it travels with the annex note and,
  // when short enough, the last paragraph, so it never opens a page) and a heading (it travels with
  // the headings right after it and the first line of its paragraph, so it never ends a page). Both
  // are unbreakable stacks decided here, so pdfmake lays the document out exactly once; its
  // pageBreakBefore callback would lay it out again for every heading it moved.
  const content: Content[] = [];
  const blocks = model.blocks;
  const noteAt = blocks.findIndex((b) => b.kind === 'annexNote');
  const sigAt = blocks.findIndex((b) => b.kind === 'signature');
  let keepFrom = noteAt >= 0 ? noteAt : sigAt;
  const before = blocks[keepFrom - 1];
  if (before?.kind === 'paragraph' && before.text.length <= KEEP_WITH_SIGNATURE_MAX_CHARS) keepFrom -= 1;
  // Headings straight before the signature group join it.
  while (keepFrom > 0 && blocks[keepFrom - 1]!.kind === 'heading') keepFrom -= 1;
  let i = 0;
  while (i < blocks.length) {
    if (keepFrom >= 0 && i === keepFrom) {
      content.push({ stack: blocks.slice(keepFrom, sigAt + 1).map(blockContent), unbreakable: true });
      i = sigAt + 1;
      continue;
    }
    const b = blocks[i]!;
    if (b.kind !== 'heading') {
      content.push(blockContent(b));
      i += 1;
      continue;
    }
    const group: Content[] = [];
    while (i < blocks.length && i !== keepFrom && blocks[i]!.kind === 'heading') group.push(blockContent(blocks[i++]!));
    const next = blocks[i];
    let rest: Content | null = null;
    if (next?.kind === 'paragraph' && i !== keepFrom) {
      const split = bodySplit(next.text);
      group.push(split.first);
      rest = split.rest;
      i += 1;
    }
    content.push({ stack: group, unbreakable: true });
    if (rest) content.push(rest);
  }

  const pageBottom = mm(297) - PAGE.marginBottom;
  return {
    pageSize: PAGE.size,
    // Asked only when the text holds a table: a break it asks for lays the document out again.
    ...(keepHeights.size > 0
      ? {
          pageBreakBefore: (node: { id?: string; startPosition: { top: number } }) => {
            const need = node.id === undefined ? undefined : keepHeights.get(node.id);
            return need !== undefined && node.startPosition.top + need > pageBottom;
          },
        }
      : {}),
    pageMargins: [PAGE.marginLeft, PAGE.marginTop, PAGE.marginRight, PAGE.marginBottom],
    defaultStyle: { font: 'fang', fontSize: SIZE.san, lineHeight: BODY_LINE_HEIGHT },
    content,
    footer: (currentPage: number) =>
      txt(`— ${currentPage} —`, 'serif', SIZE.si, 1, {
        alignment: currentPage % 2 === 1 ? 'right' : 'left',
        margin: [PAGE.marginLeft + SIZE.si, PAGE_NUMBER_GAP, PAGE.marginRight + SIZE.si, 0],
      }),
  };
}
