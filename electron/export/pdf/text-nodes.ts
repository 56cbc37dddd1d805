import type { Alignment, ContentText } from 'pdfmake/interfaces';
import type { FaceId, FontSet } from './font-registry.ts';
import { type BrokenLine, breakLines, justifySpacing } from './line-breaker.ts';
import { TEXT_WIDTH } from './page-layout.ts';

// Text nodes for pdfmake built from pre-broken lines (line-breaker.ts), shared by every PDF the app
// writes (the report, the 项目支出绩效自评表), so all break and justify Chinese text the same way.

// Column and cell properties ride along on text nodes used as columns or table cells.
export type TextProps = Omit<ContentText, 'text'> & { width?: string | number; colSpan?: number; rowSpan?: number; id?: string };

export type TextMetrics = Pick<FontSet, 'covers' | 'measure'>;

// pdfmake resolves some twenty style properties for every inline; each one the inline does not
// state is found by pushing the inline onto the style stack and walking the stack, which made style
// look-ups the largest cost of a table page. Every inline states them, with the values the walk would
// find (pdfmake's defaults, or what the node and its table set), so the output stays the same bytes.
function inlineRun(
  text: string,
  face: FaceId,
  size: number,
  lineHeight: number,
  alignment: Alignment,
  noWrap: boolean,
  characterSpacing: number,
): ContentText {
  return {
    text,
    font: face,
    fontSize: size,
    lineHeight,
    alignment,
    bold: false,
    italics: false,
    color: 'black',
    opacity: 1,
    sup: false,
    sub: false,
    characterSpacing,
    preserveLeadingSpaces: false,
    preserveTrailingSpaces: false,
    wordBreak: 'normal',
    noWrap,
  };
}

/**
 * `trackingFor` gives the spacing after each character at a type size: the report sets the 3号
 * body to 28 characters a line as GB/T 9704 asks, every other text keeps the face's own pitch.
 */
export function createTextNodes(metrics: TextMetrics, trackingFor: (size: number) => number = () => 0) {
  const covers = metrics.covers.bind(metrics);
  const measure = metrics.measure.bind(metrics);
  // Pre-broken lines (see line-breaker.ts): one unbreakable inline per font run, "\n" between lines.
  const lineNode = (
    lines: BrokenLine[],
    face: FaceId,
    size: number,
    lineHeight: number,
    indent: number,
    justify: boolean,
    props: TextProps = {},
  ): ContentText & TextProps => {
    const alignment = props.alignment ?? 'left';
    const inlines: ContentText[] = [];
    if (lines.length === 0) inlines.push(inlineRun('', face, size, lineHeight, alignment, false, 0));
    lines.forEach((line, i) => {
      const cs = justify ? justifySpacing(line, size) : line.tracking;
      for (const r of line.runs) inlines.push(inlineRun(r.text, r.face, size, lineHeight, alignment, true, cs));
      if (i < lines.length - 1) inlines.push(inlineRun('\n', face, size, lineHeight, alignment, false, 0));
    });
    return { ...props, font: face, fontSize: size, lineHeight, text: inlines, ...(indent > 0 ? { leadingIndent: indent } : {}) };
  };
  const flow = (
    s: string,
    face: FaceId,
    size: number,
    lineHeight: number,
    width: number,
    indent: number,
    justify: boolean,
    props: TextProps = {},
  ): ContentText & TextProps =>
    lineNode(breakLines(s, face, size, width, indent, measure, covers, trackingFor(size)), face, size, lineHeight, indent, justify, props);
  /**
   * Short text (titles, labels, table headers, figures): broken here like body text, never by pdfmake,
   * which would lay out, measure and draw every ideograph as a word of its own. `width` is the
   * space the text gets; noWrap text is never broken.
   */
  const txt = (s: string, face: FaceId, size: number, lineHeight: number, props: TextProps = {}, width = TEXT_WIDTH) =>
    flow(s, face, size, lineHeight, props.noWrap ? Number.POSITIVE_INFINITY : width, 0, false, props);
  return { lineNode, flow, txt, measure, covers };
}
