// The identity of one bank or ledger movement across files: the same payment in two overlapping
// statements gives the same key. The bank's serial number, when present, separates two genuinely
// identical payments on one day.

import type { Direction } from '../domain/enums.ts';
import { toParseText } from './normalize-text.ts';

function part(text: string): string {
  if (text === '') return '';
  let s = toParseText(text);
  if (/[\s|A-Z]/.test(s)) s = s.replace(/\s+/g, '').toLowerCase().replaceAll('|', '/');
  return s;
}

export function ledgerFingerprintKey(row: {
  date: string;
  direction: Direction;
  amountFen: number;
  counterparty: string;
  summary: string;
  serialNo: string;
}): string {
  return `${row.date}|${row.direction}|${row.amountFen}|${part(row.counterparty)}|${part(row.summary)}|${part(row.serialNo)}`;
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
