// The amount unit a sheet declares: "金额单位：万元" / "单位：元" in the lines above the table, or a
// unit in an amount header ("年初预算（万元）"). Without any statement amounts are 元, which is what
// finance systems and banks export.

import type { AmountScale } from './amount-scale.ts';
import { toParseText } from './normalize-text.ts';

export interface ScaleDetection {
  scale: AmountScale;
  /** The text the unit was read from, or null when nothing said it. */
  evidence: string | null;
}

const UNIT_STATEMENT = /单位\s*[:：]?\s*(?:人民币)?\s*(万元|千元|元)(?![a-z\u4e00-\u9fff])/i;
const HEADER_UNIT = /[(（[【]\s*(?:单位\s*[:：]?\s*)?(?:人民币)?\s*(万元|千元|元)\s*[)）\]】]|(万元|千元)$/;
const SCALE_OF: Record<string, AmountScale> = { 万元: 'wan', 千元: 'thousand', 元: 'yuan' };

export function detectAmountScale(preambleTexts: readonly string[], amountHeaderTexts: readonly string[]): ScaleDetection {
  for (const raw of preambleTexts) {
    const text = toParseText(raw);
    const m = UNIT_STATEMENT.exec(text);
    if (m) return { scale: SCALE_OF[m[1] ?? ''] ?? 'yuan', evidence: text.slice(0, 80) };
  }
  for (const raw of amountHeaderTexts) {
    const text = toParseText(raw);
    const m = HEADER_UNIT.exec(text);
    if (m) return { scale: SCALE_OF[m[1] ?? m[2] ?? ''] ?? 'yuan', evidence: text.slice(0, 80) };
  }
  for (const raw of preambleTexts) {
    const text = toParseText(raw);
    const m = HEADER_UNIT.exec(text);
    if (m) return { scale: SCALE_OF[m[1] ?? m[2] ?? ''] ?? 'yuan', evidence: text.slice(0, 80) };
  }
  return { scale: 'yuan', evidence: null };
}
