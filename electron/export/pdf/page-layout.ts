// GB/T 9704-2012 page geometry and type sizes (domain-notes §3), in PDF points.

export const mm = (v: number): number => (v * 72) / 25.4;

export const PAGE = {
  size: 'A4' as const,
  marginTop: mm(37),
  marginBottom: mm(35),
  marginLeft: mm(28),
  marginRight: mm(26),
};

/** 版心 156 × 225 mm. */
export const TEXT_WIDTH = mm(210) - PAGE.marginLeft - PAGE.marginRight;
export const TEXT_HEIGHT = mm(297) - PAGE.marginTop - PAGE.marginBottom;

/** Chinese size names (号) in points. */
export const SIZE = { er: 22, xiaoEr: 18, san: 16, si: 14, xiaoSi: 12, wu: 10.5 } as const;

/**
 * 22 lines per page: 225 mm / 22 = 28.99 pt. A hair less, so rounding never pushes the 22nd line
 * onto the next page. Every face is normalised to a 1 em line box, so lineHeight = pitch / size.
 */
export const LINE_PITCH = TEXT_HEIGHT / 22 - 0.05;
export const BODY_LINE_HEIGHT = LINE_PITCH / SIZE.san;

/**
 * 28 characters a line: 156 mm holds 27.6 characters of 16 pt, so the 3号 text is set a hair
 * tighter (−0.21 pt after each character), as Word's document grid does. A thousandth less, so a
 * full line never rounds over the edge.
 */
export const CHARS_PER_LINE = 28;
export const BODY_TRACKING = (TEXT_WIDTH - CHARS_PER_LINE * SIZE.san) / (CHARS_PER_LINE - 1) - 0.001;
/** One body character on the grid: 15.79 pt. */
export const CHAR_PITCH = SIZE.san + BODY_TRACKING;
export const BODY_INDENT = CHAR_PITCH * 2;

/** Page numbers: 4号 宋体 "— n —", top 7 mm below the 版心, one character in from the edge. */
export const PAGE_NUMBER_GAP = mm(7);

/** Tables: 仿宋 小四 with a looser 1.25 line box and 3 pt cell padding. */
export const TABLE_FONT_SIZE = SIZE.xiaoSi;
export const TABLE_LINE_HEIGHT = 1.3;
export const TABLE_CELL_PADDING_X = 3;
export const TABLE_CELL_PADDING_Y = 2;
