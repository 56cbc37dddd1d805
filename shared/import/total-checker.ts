// Uses the file's own 合计/本月合计 rows as checksums (reliability-notes §3.5): the rows imported
// above a totals row must add up to what the row says. A difference means a dropped, doubled or
// misread row, and is shown before anything is committed.

import type { AmountScale } from './amount-scale.ts';
import type { CellValue } from './cell.ts';
import type { TotalScope } from './classify-layout-row.ts';
import type { ColumnMapping } from './fields.ts';
import { parseAmountCell } from './normalize-amount.ts';
import type { LedgerRow, TotalCheck } from './schemas.ts';

export class TotalChecker {
  private periodOut = 0;
  private periodIn = 0;
  private allOut = 0;
  private allIn = 0;
  readonly checks: TotalCheck[] = [];

  constructor(
    private readonly sheet: string,
    private readonly mapping: ColumnMapping,
    private readonly scale: AmountScale,
  ) {}

  add(row: LedgerRow): void {
    if (row.direction === 'out') {
      this.periodOut += row.amountFen;
      this.allOut += row.amountFen;
    } else {
      this.periodIn += row.amountFen;
      this.allIn += row.amountFen;
    }
  }

  private fileAmount(cells: readonly CellValue[], index: number | undefined): number | null {
    if (index === undefined) return null;
    const r = parseAmountCell(cells[index], this.scale);
    return r.kind === 'ok' ? r.fen : r.kind === 'empty' ? 0 : null;
  }

  totalRow(row: number, label: string, scope: TotalScope, cells: readonly CellValue[]): void {
    if (scope === 'none' || (this.mapping.outflow === undefined && this.mapping.inflow === undefined)) return;
    const rowsOut = scope === 'period' ? this.periodOut : this.allOut;
    const rowsIn = scope === 'period' ? this.periodIn : this.allIn;
    if (scope === 'period') {
      this.periodOut = 0;
      this.periodIn = 0;
    }
    const fileOut = this.fileAmount(cells, this.mapping.outflow);
    const fileIn = this.fileAmount(cells, this.mapping.inflow);
    if (fileOut === null && fileIn === null) return;
    if (this.checks.length >= 500) return;
    const ok = (fileOut === null || fileOut === rowsOut) && (fileIn === null || fileIn === rowsIn);
    this.checks.push({
      sheet: this.sheet,
      row,
      label,
      fileOutFen: this.mapping.outflow === undefined ? null : fileOut,
      rowsOutFen: rowsOut,
      fileInFen: this.mapping.inflow === undefined ? null : fileIn,
      rowsInFen: rowsIn,
      ok,
    });
  }
}
