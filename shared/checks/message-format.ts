import { type Category, LEDGER_CATEGORY_LABELS, type LedgerCategory } from '../domain/enums.ts';
import { formatYuan } from '../money/fen.ts';
import { formatPercent, type Ratio } from '../money/rate.ts';

// How amounts and rates read inside check messages: 元 with grouping (a check is about exact
// figures, so 万元 would hide small differences), rates to 2 decimals.

export const yuan = (fen: number): string => `${formatYuan(fen)} 元`;
export const percent = (r: Ratio | null): string => (r === null ? '—' : `${formatPercent(r)}%`);
export const categoryLabel = (c: LedgerCategory): string => LEDGER_CATEGORY_LABELS[c];
export const CATEGORY_KEYS: readonly Category[] = ['personnel', 'public', 'project'];
