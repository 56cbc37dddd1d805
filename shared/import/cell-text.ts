// A cell read as text for a text field (摘要, 对方户名, 流水号, codes). Long serial numbers stored as
// numbers keep every digit; dates become ISO text.

import type { CellValue } from './cell.ts';
import { doubleToDecimalText } from './double-to-decimal.ts';
import { excelSerialToIso } from './normalize-date.ts';
import { cleanStoredText } from './normalize-text.ts';

export function cellToText(value: CellValue | undefined, max = 500): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanStoredText(unwrapExcelText(value), max);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
    return doubleToDecimalText(value) ?? '';
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value.kind === 'date') return excelSerialToIso(value.serial) ?? '';
  return '';
}

/** `="00123"` and a leading apostrophe are Excel's ways of forcing text; the content is what counts. */
export function unwrapExcelText(text: string): string {
  if (text.startsWith('="') && text.endsWith('"') && text.length >= 3) return text.slice(2, -1);
  if (text.startsWith("'") && text.length > 1 && /^'[\d=+\-@]/.test(text)) return text.slice(1);
  return text;
}
