import type * as fontkit from 'fontkit';
import type { CanvasElement, Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DRAFT_FOOTER, DRAFT_MARK } from '../draft-mark.ts';
import type { FontSet } from './font-registry.ts';
import { SIZE, mm } from './page-layout.ts';

// A draft PDF: a light diagonal 草稿 behind every page and a 草稿 line under the page number.
// The diagonal is drawn as glyph outlines, not text, so copying or extracting a page's text gives
// the report's sentences unbroken (pdfmake's text watermark lands in the middle of them); the
// footer line is text, so every page's text still says 草稿. The outline is built once per font
// set and drawn as one canvas path per page, which pdfkit writes straight out (an SVG node cost
// some 6 ms a page to parse): no per-glyph work in the report's layout.

const PAGE_WIDTH = mm(210);
const PAGE_HEIGHT = mm(297);
const WATERMARK_SIZE = 150;
const WATERMARK_ANGLE = (-50 * Math.PI) / 180;

/** 草稿 as SVG path data, centred on the page and turned to the diagonal, in PDF points. */
function watermarkPath(font: fontkit.Font): string {
  const run = font.layout(DRAFT_MARK);
  const scale = WATERMARK_SIZE / font.unitsPerEm;
  // Glyph outlines laid side by side in text space (font units, y up).
  let pen = 0;
  const glyphs = run.glyphs.map((g, i) => {
    const pos = run.positions[i]!;
    const dx = pen + pos.xOffset;
    const dy = pos.yOffset;
    pen += pos.xAdvance;
    return g.path.mapPoints((x, y) => [x + dx, y + dy]);
  });
  const box = glyphs.reduce(
    (b, p) => ({ minX: Math.min(b.minX, p.cbox.minX), minY: Math.min(b.minY, p.cbox.minY), maxX: Math.max(b.maxX, p.cbox.maxX), maxY: Math.max(b.maxY, p.cbox.maxY) }),
    { minX: Number.POSITIVE_INFINITY, minY: Number.POSITIVE_INFINITY, maxX: Number.NEGATIVE_INFINITY, maxY: Number.NEGATIVE_INFINITY },
  );
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  const cos = Math.cos(WATERMARK_ANGLE);
  const sin = Math.sin(WATERMARK_ANGLE);
  // Centre on the origin, scale to points with y down, turn, and move to the page centre.
  const toPage = (x: number, y: number): [number, number] => {
    const u = (x - cx) * scale;
    const v = -(y - cy) * scale;
    return [PAGE_WIDTH / 2 + u * cos - v * sin, PAGE_HEIGHT / 2 + u * sin + v * cos];
  };
  return glyphs.map((p) => p.mapPoints(toPage).toSVG()).join('');
}

const pathCache = new WeakMap<FontSet, string>();

export function markDraft(dd: TDocumentDefinitions, fonts: FontSet): void {
  let d = pathCache.get(fonts);
  if (d === undefined) {
    d = watermarkPath(fonts.faces.hei.font);
    pathCache.set(fonts, d);
  }
  // pdfmake draws a canvas 'path' (absent from @types/pdfmake) at its page coordinates as given;
  // the background sits behind the text, so the mark never covers a character.
  const path = { type: 'path', d, color: '#808080', fillOpacity: 0.14 } as unknown as CanvasElement;
  dd.background = (): Content => ({ canvas: [{ ...path }] });
  const pageFooter = dd.footer;
  const note: ContentText = { text: DRAFT_FOOTER, font: 'hei', fontSize: SIZE.wu, color: '#606060', alignment: 'center', noWrap: true, margin: [0, 6, 0, 0] };
  dd.footer = (currentPage, pageCount, pageSize): Content => {
    const pageNumber = typeof pageFooter === 'function' ? pageFooter(currentPage, pageCount, pageSize) : pageFooter;
    return { stack: pageNumber ? [pageNumber, note] : [note] };
  };
}
