import type ExcelJS from 'exceljs';
import { DRAFT_FOOTER } from '../draft-mark.ts';
import { displayWidth } from './text-width.ts';

// How every sheet of the report workbook prints: A4, a Chinese face, no text under 9 pt. Excel and
// LibreOffice shrink a fitToWidth sheet by (printable width ÷ used width), so each sheet's columns
// are chosen to fit the page at a scale that keeps its smallest text at 9 pt or more; the same
// arithmetic (printScale) is what the tests check the written workbook with.

/** 宋体 is on every Chinese Windows, WPS and 信创 desktop; charset 134 (GB2312) makes a viewer without it substitute a Chinese face. */
export const FONT_NAME = '宋体';
export const BODY_PT = 11;
export const TITLE_PT = 14;
/** Page header and footer text; they shrink with the sheet like the cells do. */
export const HEADER_PT = BODY_PT;
/** The smallest printed size the report allows. */
export const MIN_PRINTED_PT = 9;

export const BASE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: BODY_PT, charset: 134, family: 3 };
export const BOLD_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true };
export const TITLE_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, size: TITLE_PT, bold: true };

/** A4 in points; margins in inches, as the sheet stores them. */
const A4_PT = { short: 595.3, long: 841.9 };
export const MARGINS = { left: 0.5, right: 0.5, top: 0.8, bottom: 0.7, header: 0.3, footer: 0.3 };

/**
 * Points one column-width unit takes on paper. A unit is the normal font's widest digit plus
 * padding: Excel with 宋体 11 gives 8 px (6 pt); LibreOffice prints 7.06 pt per unit (measured in
 * its PDF of this workbook). The layout is planned with the wider figure so both fit.
 */
export const PT_PER_WIDTH_UNIT = 7.1;

export type Orientation = 'portrait' | 'landscape';

export function printableWidthPt(orientation: Orientation): number {
  const paper = orientation === 'portrait' ? A4_PT.short : A4_PT.long;
  return paper - (MARGINS.left + MARGINS.right) * 72;
}

/** The scale fitToWidth prints at: 1 when the columns fit, else printable ÷ used width. */
export function printScale(columnWidths: number[], orientation: Orientation): number {
  const used = columnWidths.reduce((s, w) => s + w, 0) * PT_PER_WIDTH_UNIT;
  return Math.min(1, printableWidthPt(orientation) / used);
}

/** Width units the page holds at the smallest scale that keeps `smallestPt` text at 9 pt. */
export function widthBudget(orientation: Orientation, smallestPt = BODY_PT): number {
  const minScale = Math.min(1, MIN_PRINTED_PT / smallestPt);
  return Math.floor(printableWidthPt(orientation) / minScale / PT_PER_WIDTH_UNIT);
}

/**
 * Shrinks the widest columns first until the sheet fits its budget; text wraps in what is left,
 * numbers keep at least `floor` units so they never turn into ####.
 */
export function fitWidths(widths: number[], budget: number, floor: number[] = []): number[] {
  const out = [...widths];
  let excess = out.reduce((s, w) => s + w, 0) - budget;
  while (excess > 0.5) {
    let widest = -1;
    for (let i = 0; i < out.length; i++) {
      const room = out[i]! - (floor[i] ?? 8);
      if (room > 0 && (widest < 0 || out[i]! > out[widest]!)) widest = i;
    }
    if (widest < 0) break;
    const cut = Math.min(excess, out[widest]! - (floor[widest] ?? 8), 2);
    out[widest]! -= cut;
    excess -= cut;
  }
  return out;
}

export interface SheetPrintContext {
  /** "某某部门 2021年度": printed at the top left of every page. */
  headerName: string;
  draft: boolean;
}

/** Page header: department and year on the left, and on a draft the 草稿 line on the right. */
export function pageHeader(ctx: SheetPrintContext): string {
  const font = `&"${FONT_NAME},Regular"&${HEADER_PT}`;
  return `&L${font}${ctx.headerName}${ctx.draft ? `&R${font}${DRAFT_FOOTER}` : ''}`;
}

export function pageFooter(sheetLabel: string): string {
  const font = `&"${FONT_NAME},Regular"&${HEADER_PT}`;
  return `&L${font}${sheetLabel}&C${font}第 &P 页，共 &N 页`;
}

export function pageSetup(orientation: Orientation, printTitleRows?: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
    ...(printTitleRows ? { printTitlesRow: `1:${printTitleRows}` } : {}),
  };
}

/**
 * Makes 宋体 the workbook's normal font (font 0, which unstyled cells and column widths use)
 * instead of exceljs's Calibri: the styles manager adds its default only when no font exists yet.
 */
export function setChineseNormalFont(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (wb as unknown as { styles: { _addFont?: (f: Partial<ExcelJS.Font>) => number } }).styles;
  styles._addFont?.(BASE_FONT);
}

/**
 * The height a row of wrapped text needs, in points. Viewers size such rows themselves only
 * sometimes (LibreOffice measures CJK text with the Latin fallback face and clips it), so the
 * workbook states it: a full-width character counts two width units, one unit is left for padding.
 */
export function wrappedRowHeight(cells: Array<{ text: string; width: number; pt?: number }>): number | undefined {
  let height = 0;
  for (const c of cells) {
    const pt = c.pt ?? BODY_PT;
    const perLine = Math.max(1, c.width - 1) * (BODY_PT / pt);
    let lines = 0;
    // No character is wider than two units, so short text without a line break is one line.
    if (c.text.length * 2 <= perLine && !c.text.includes('\n')) lines = 1;
    else for (const part of c.text.split('\n')) lines += Math.max(1, Math.ceil(displayWidth(part) / perLine));
    height = Math.max(height, lines * pt * 1.3 + 3);
  }
  return height > BODY_PT * 1.3 + 3 ? Math.ceil(height) : undefined;
}
