import { widthInChars } from './char-width.ts';
import { formatCellText, type ReportTable } from './table-model.ts';

// Column widths for a printed table. The table model gives relative widths; a renderer scales them
// to its page, but a column that came out too narrow would break a unit such as "项（次）" or "万元"
// into pieces. Texts up to a few characters (units, statuses, figures, short headers) are never
// broken, so each column gets at least the width of its widest one, taken from the wider columns.

/** Cell texts no wider than this many characters (spaces excluded) are kept on one line. */
export const UNBREAKABLE_CHARS = 5;

/** The texts of each column that must stay on one line: short texts and every figure. */
export function unbreakableTexts(table: ReportTable): string[][] {
  const out = table.columns.map((c) => (widthInChars(c.header) <= UNBREAKABLE_CHARS ? [c.header] : []));
  for (const row of table.rows) {
    if (row.role === 'section') continue;
    row.cells.forEach((cell, i) => {
      const t = formatCellText(cell);
      const figure = cell.kind === 'fen' || cell.kind === 'centi' || cell.kind === 'ratio';
      if (t !== '' && (figure || (!/\s/.test(t) && widthInChars(t) <= UNBREAKABLE_CHARS))) out[i]?.push(t);
    });
  }
  return out;
}

/**
 * Widths summing to `total`: proportional to `relative`, except that no column is narrower than
 * its `min`; what the narrow columns need comes from the others in proportion to their slack.
 * When even the minimums do not fit, they are scaled down together.
 */
export function fitColumnWidths(relative: number[], min: number[], total: number): number[] {
  const minSum = min.reduce((s, m) => s + m, 0);
  if (minSum >= total) return min.map((m) => (m / minSum) * total);
  const fixed = new Set<number>();
  // Each pass pins at least one more column at its minimum, so this ends within n passes.
  for (;;) {
    const freeRel = relative.reduce((s, r, i) => (fixed.has(i) ? s : s + r), 0);
    const freeTotal = total - [...fixed].reduce((s, i) => s + min[i]!, 0);
    const widths = relative.map((r, i) => (fixed.has(i) ? min[i]! : (r / freeRel) * freeTotal));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < min[i]!);
    if (short < 0) return widths;
    widths.forEach((w, i) => {
      if (!fixed.has(i) && w < min[i]!) fixed.add(i);
    });
  }
}

/** Column widths for a renderer that measures text with `measure` and pads each cell by `padding`. */
export function tableColumnWidths(table: ReportTable, total: number, measure: (text: string) => number, padding: number): number[] {
  const min = unbreakableTexts(table).map((texts) => texts.reduce((m, t) => Math.max(m, measure(t)), 0) + padding);
  return fitColumnWidths(
    table.columns.map((c) => c.width),
    min,
    total,
  );
}
