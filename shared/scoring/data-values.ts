import type { Rational } from './rational.ts';
import type { ValueSource } from './value-sources.ts';

/** A value computed from the year's records, with the figures it came from for display. */
export interface DataValue {
  /** In the indicator's unit (rates in percent); null when there is nothing to compute from. */
  value: Rational | null;
  /** e.g. "支出 3752.63 万元 ÷ 调整后预算 3982.33 万元". */
  detail: string;
}

export type DataValues = Record<Exclude<ValueSource, 'manual'>, DataValue>;
