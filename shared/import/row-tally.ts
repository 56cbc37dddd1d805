// Counts every row read into exactly one bucket and keeps the lists the user sees (capped so a
// broken file cannot flood the window). Duplicates are decided later, against the database, and
// move rows from "normalised" to "duplicate".

import { type CellValue, cellDisplayText, columnLetter } from './cell.ts';
import type { LayoutKind } from './classify-layout-row.ts';
import type { RowIssue } from './row-issue.ts';
import type { BadCell, SkippedRow } from './schemas.ts';

export const LIST_CAP = 1000;

export class RowTally {
  rowsRead = 0;
  rowsNormalized = 0;
  rowsRejected = 0;
  rowsSkippedLayout = 0;
  badCellCount = 0;
  readonly badCells: BadCell[] = [];
  readonly skippedRows: SkippedRow[] = [];

  skip(sheet: string, row: number, kind: LayoutKind, label: string): void {
    this.rowsSkippedLayout++;
    if (this.skippedRows.length < LIST_CAP) this.skippedRows.push({ sheet, row, kind, label });
  }

  /** Rows absent from the file between two present rows are blank rows. */
  skipBlankRange(sheet: string, from: number, to: number): void {
    for (let r = from; r <= to; r++) this.skip(sheet, r, 'blank', '');
  }

  reject(sheet: string, row: number, issues: readonly RowIssue[], cells: readonly CellValue[], headers: readonly string[]): void {
    this.rowsRejected++;
    for (const issue of issues) {
      this.badCellCount++;
      if (this.badCells.length >= LIST_CAP) continue;
      const col = issue.column;
      this.badCells.push({
        sheet,
        row,
        column: col === null ? '' : columnLetter(col),
        header: col === null ? '' : (headers[col] ?? ''),
        value: col === null ? '' : cellDisplayText(cells[col]),
        reason: issue.reason,
      });
    }
  }

  accept(): void {
    this.rowsNormalized++;
  }
}
