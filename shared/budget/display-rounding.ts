import { FEN_PER_WAN, formatWan } from '../money/fen.ts';

// Every figure is shown as its own exact value rounded once (shared/budget/ROUNDING.md); this says
// when the shown parts do not add up to the shown total, so the page or text can say so.

/** Displayed 万元 of an exact amount, as integer hundredths of 万元 (10 000 fen each). */
export function displayedWanCents(fen: number): number {
  const step = FEN_PER_WAN / 100;
  const abs = Math.abs(fen);
  const q = Math.floor(abs / step);
  const rounded = (abs - q * step) * 2 >= step ? q + 1 : q;
  return fen < 0 ? -rounded : rounded;
}

/**
 * Gap, in fen of the displayed unit (a multiple of 10 000 fen = 0.01 万元), between the total as
 * shown and the sum of the parts as shown. 0 when the shown figures add up.
 */
export function displayedWanGapFen(partsFen: readonly number[], totalFen: number): number {
  const parts = partsFen.reduce((s, p) => s + displayedWanCents(p), 0);
  const gap = (displayedWanCents(totalFen) - parts) * (FEN_PER_WAN / 100);
  return gap === 0 ? 0 : gap;
}

/** The note printed under a table or after a paragraph whose shown parts miss the shown total. */
export function roundingNote(gapFen: number): string | null {
  if (gapFen === 0) return null;
  return `因分项金额按四舍五入列示，分项之和与合计相差 ${formatWan(Math.abs(gapFen))} 万元，以合计数为准。`;
}
