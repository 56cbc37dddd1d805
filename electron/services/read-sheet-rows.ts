import type { RawRow } from '../../shared/import/cell.ts';
import { openWorkbook } from '../import/open-workbook.ts';
import { toImportError } from '../import/import-error.ts';
import { DEFAULT_LIMITS } from '../import/limits.ts';

// Small tables (a 科目表, a 政府采购 list) read whole with the import's own readers, so they take
// every format the wizard takes (.xlsx, .xls, .csv in GBK or UTF-8 …) and fail with its messages.

export interface SheetRows {
  name: string;
  rows: RawRow[];
}

/** A table this small never needs the wizard's streaming; more rows than this is not a 科目表. */
const MAX_TABLE_ROWS = 50_000;

export async function readSheetRows(bytes: Buffer, fileName: string): Promise<SheetRows[]> {
  const limits = { ...DEFAULT_LIMITS, maxRows: MAX_TABLE_ROWS };
  const source = await openWorkbook(bytes, fileName, 'auto', limits);
  const out: SheetRows[] = [];
  try {
    for (const sheet of source.sheets) {
      if (sheet.hidden) continue;
      const rows: RawRow[] = [];
      for await (const batch of source.rows(sheet.index)) rows.push(...batch.filter((r) => !r.hidden));
      out.push({ name: sheet.name, rows });
    }
  } catch (err) {
    throw toImportError(err, fileName);
  }
  return out;
}
