// fontkit 2.0 ships no types; this declares the part the PDF export uses (cmap coverage and
// metrics, glyph outlines for the draft watermark). It is the same fontkit that pdfkit embeds with.
declare module 'fontkit' {
  export interface Path {
    /** A new path with every point mapped. */
    mapPoints(fn: (x: number, y: number) => [number, number]): Path;
    toSVG(): string;
    readonly cbox: { minX: number; minY: number; maxX: number; maxY: number };
  }
  export interface Glyph {
    readonly path: Path;
  }
  export interface GlyphPosition {
    xAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): { advanceWidth: number; glyphs: Glyph[]; positions: GlyphPosition[] };
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
