// The identity of one bank or ledger movement across files: the same payment in two overlapping
// statements gives the same key. The bank's serial number, when present, separates two genuinely
// identical payments on one day.

import type { Direction } from '../domain/enums.ts';
import { toParseText } from './normalize-text.ts';

function comparable(text: string): string {
  let s = toParseText(text);
  if (/[\s|A-Z]/.test(s)) s = s.replace(/\s+/g, '').toLowerCase().replaceAll('|', '/');
  return s;
}

/**
 * comparable() remembered per distinct text: a file repeats its counterparties and 摘要 thousands
 * of times (serial numbers are unique, so they are not remembered). Bounded, one per field.
 */
function memo(): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    if (text === '') return '';
    let s = cache.get(text);
    if (s === undefined) {
      s = comparable(text);
      if (cache.size >= 16_384) cache.clear();
      cache.set(text, s);
    }
    return s;
  };
}

const part = (text: string) => (text === '' ? '' : comparable(text));
const counterpartyPart = memo();
const summaryPart = memo();

export function ledgerFingerprintKey(row: {
  date: string;
  direction: Direction;
  amountFen: number;
  counterparty: string;
  summary: string;
  serialNo: string;
}): string {
  return `${row.date}|${row.direction}|${row.amountFen}|${counterpartyPart(row.counterparty)}|${summaryPart(row.summary)}|${part(row.serialNo)}`;
}

/** The identity of a budget quota line: the same 指标 imported from two exports matches. */
export function budgetFingerprintKey(row: {
  fundingSource: string;
  category: string;
  projectName: string;
  funcCode: string;
  econCode: string;
  docNo: string;
  initialFen: number;
  adjustmentFen: number;
}): string {
  return [
    row.fundingSource,
    row.category,
    part(row.projectName),
    row.funcCode,
    row.econCode,
    part(row.docNo),
    row.initialFen,
    row.adjustmentFen,
  ].join('|');
}
