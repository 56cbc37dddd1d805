import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BODY_PT, wrappedRowHeight } from '../../../electron/export/xlsx/print-layout.ts';
import { displayWidth } from '../../../electron/export/xlsx/text-width.ts';

// The Excel detail sheet measures every cell of a million rows, so the measuring is written for
// speed; these are the plain definitions it must agree with, on any text.

function widthByCodePoint(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    w += cp >= 0x2e80 || (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xff00 && cp <= 0xffef) ? 2 : 1;
  }
  return w;
}

function heightByLines(cells: Array<{ text: string; width: number; pt?: number }>): number | undefined {
  let height = 0;
  for (const c of cells) {
    const pt = c.pt ?? BODY_PT;
    const perLine = Math.max(1, c.width - 1) * (BODY_PT / pt);
    let lines = 0;
    for (const part of c.text.split('\n')) lines += Math.max(1, Math.ceil(widthByCodePoint(part) / perLine));
    height = Math.max(height, lines * pt * 1.3 + 3);
  }
  return height > BODY_PT * 1.3 + 3 ? Math.ceil(height) : undefined;
}

// Latin, CJK, full-width forms, Hangul jamo, line breaks, astral characters and lone surrogates.
const text = fc
  .array(fc.constantFrom('a', '1', ' ', '办', '公', '（', 'Ａ', '\u1100', '\n', '😀', '\ud800', '\udc00', '𠀋'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('measuring cell text', () => {
  it('counts display width as the code-point definition does', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (t) => {
          expect(displayWidth(t)).toBe(widthByCodePoint(t));
        }), { numRuns: 5000 });
  });

  it('sizes wrapped rows as the line-by-line definition does', () => {
    const cell = fc.record({ text, width: fc.integer({ min: 1, max: 40 }), pt: fc.constantFrom(undefined, 9, 10.5, 12) });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 7 }), (cells) => {
        const plain = cells.map((c) => (c.pt === undefined ? { text: c.text, width: c.width } : c));
        expect(wrappedRowHeight(plain)).toBe(heightByLines(plain));
      }),
      { numRuns: 5000 },
    );
  });
});
