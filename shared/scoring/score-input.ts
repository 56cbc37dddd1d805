import type { Band } from './rules/qualitative-bands.ts';

/** One year's stored input for one indicator (a row of indicator_score). */
export interface ScoreInputRow {
  indicatorId: number;
  /** Decimal text; replaces the rule's default target for this year. */
  targetValue: string | null;
  /** Decimal text; for 是否判断 "1" (yes) or "0" (no). */
  actualValue: string | null;
  band: Band | null;
  /** The score picked inside a 定性 band, or a 手工评分. */
  chosenScoreCenti: number | null;
  overrideScoreCenti: number | null;
  /** 得分依据 for an override, the deduction reason for a judged score, or a 偏差说明. */
  basis: string;
}

export const CHECKLIST_YES = '1';
export const CHECKLIST_NO = '0';

export function emptyInput(indicatorId: number): ScoreInputRow {
  return {
    indicatorId,
    targetValue: null,
    actualValue: null,
    band: null,
    chosenScoreCenti: null,
    overrideScoreCenti: null,
    basis: '',
  };
}
