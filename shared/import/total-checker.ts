// Uses the file's own 本页合计 / 本月合计 / 本年累计 / 合计 rows as checksums (reliability-notes §3.5):
// the rows imported above a totals row must add up to what the row says — the page's rows since
// the last page total, the month's since the last 本月合计, the year's so far for 本年累计 and 合计.
// A difference means a dropped, doubled or misread row, and is shown before anything is committed.

import type { AmountScale } from './amount-scale.ts';
import type { DebitMeans } from './book-side.ts';
import { type CellValue, isBlankCell } from './cell.ts';
import { cellToText } from './cell-text.ts';
import type { TotalScope } from './classify-layout-row.ts';
import type { ColumnMapping } from './fields.ts';
import { parseAmountCell } from './normalize-amount.ts';
import { parseDirectionText } from './parse-direction.ts';
import type { LedgerRow, TotalCheck } from './schemas.ts';

const CHECK_CAP = 500;

class Sums {
  out = 0;
  in = 0;
  add(row: LedgerRow): void {
    if (row.direction === 'out') this.out += row.amountFen;
    else this.in += row.amountFen;
  }
  reset(): void {
    this.out = 0;
    this.in = 0;
  }
}

export class TotalChecker {
  private readonly sums: Record<Exclude<TotalScope, 'none'>, Sums> = { page: new Sums(), month: new Sums(), year: new Sums() };
  readonly checks: TotalCheck[] = [];

  constructor(
    private readonly sheet: string,
    private readonly mapping: ColumnMapping,
    private readonly scale: AmountScale,
    private readonly debitMeans: DebitMeans = 'out',
  ) {}

  add(row: LedgerRow): void {
    this.sums.page.add(row);
    this.sums.month.add(row);
    this.sums.year.add(row);
  }

  private amount(cells: readonly CellValue[], index: number | undefined): number | null {
    if (index === undefined) return null;
    const r = parseAmountCell(cells[index], this.scale);
    return r.kind === 'ok' ? r.fen : r.kind === 'empty' ? 0 : null;
  }

  /** What the totals row says for 支出 and 收入 (null: the file does not say). */
  private fileSides(cells: readonly CellValue[]): { out: number | null; in: number | null } | null {
    const m = this.mapping;
    if (m.outflow !== undefined || m.inflow !== undefined) {
      const out = this.amount(cells, m.outflow);
      const inn = this.amount(cells, m.inflow);
      return out === null && inn === null ? null : { out, in: inn };
    }
    // One 金额 column beside 方向: a totals row states one side, named in its 方向 cell.
    if (m.signedAmount === undefined || m.direction === undefined || isBlankCell(cells[m.signedAmount])) return null;
    const dir = parseDirectionText(cellToText(cells[m.direction]), this.debitMeans);
    const fen = this.amount(cells, m.signedAmount);
    if (dir.kind !== 'ok' || fen === null) return null;
    return dir.direction === 'out' ? { out: fen, in: null } : { out: null, in: fen };
  }

  totalRow(row: number, label: string, scope: TotalScope, cells: readonly CellValue[]): void {
    if (scope === 'none') return;
    const sums = this.sums[scope];
    const rowsOut = sums.out;
    const rowsIn = sums.in;
    if (scope !== 'year') sums.reset();
    const file = this.fileSides(cells);
    if (!file || this.checks.length >= CHECK_CAP) return;
    this.checks.push({
      sheet: this.sheet,
      row,
      label,
      fileOutFen: file.out,
      rowsOutFen: rowsOut,
      fileInFen: file.in,
      rowsInFen: rowsIn,
      ok: (file.out === null || file.out === rowsOut) && (file.in === null || file.in === rowsIn),
    });
  }
}
