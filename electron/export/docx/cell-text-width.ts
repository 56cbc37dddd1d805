import { widthInChars } from '../../../shared/report/char-width.ts';

/**
 * Width in twips of a cell text at `size` half-points, for keeping figures and units on one line:
 * a character is size × 10 twips. A digit is counted at 0.65 em, not 仿宋's 0.5: where 仿宋 is
 * missing the face put in its place (LibreOffice's Noto Sans CJK / DejaVu) sets digits up to
 * 0.64 em, and "100.00" broke in two.
 */
export function cellTextTwips(text: string, size: number): number {
  const w = widthInChars(text);
  return (w + 0.3 * ([...text].length - w)) * size * 10;
}

/** A cell's 60 + 60 twips of side margin and a little slack for the face's own widths. */
export const CELL_TEXT_PADDING = 160;
