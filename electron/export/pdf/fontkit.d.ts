// fontkit 2.0 ships no types; this declares the part the PDF export uses (cmap coverage and
// metrics). It is the same fontkit that pdfkit embeds with.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): { advanceWidth: number };
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
