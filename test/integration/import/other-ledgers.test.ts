// Ledgers from other offices' finance software, written as real .xlsx, .xls and GBK .csv files and
// imported through the real pipeline (worker included) into a real SQLite file.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/services/import-service.ts';
import { AppError } from '../../../shared/api/app-error.ts';
import {
  CASH_BOOK_EXPECTED,
  CASH_JOURNAL_EXPECTED,
  cashBook,
  cashJournal,
  nothingImportable,
  OTHER_LEDGER_FORMATS,
  type OtherLedger,
  type OtherLedgerExpectation,
  PERIOD_LEDGER_EXPECTED,
  periodLedger,
  writeOtherLedger,
} from '../../fixtures/spreadsheets/other-ledgers.ts';
import { type ImportTestDb, importTablesSnapshot, openImportTestDb, rollupDrift } from './import-db.ts';

let t: ImportTestDb;
beforeEach(() => {
  t = openImportTestDb();
});
afterEach(() => t.close());

function options(filePath: string) {
  return { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
}

function stored(): { out: number; in: number; rows: number } {
  const r = t.db
    .prepare(
      "SELECT coalesce(sum(CASE WHEN direction = 'out' THEN amount_fen END), 0) AS o, coalesce(sum(CASE WHEN direction = 'in' THEN amount_fen END), 0) AS i, count(*) AS n FROM ledger_txn",
    )
    .get() as { o: number; i: number; n: number };
  return { out: r.o, in: r.i, rows: r.n };
}

const LAYOUTS: [string, () => OtherLedger, OtherLedgerExpectation][] = [
  ['银行存款日记账 (year in the title, "01-05" dates, 借方 = money in)', cashBook, CASH_BOOK_EXPECTED],
  ['现金日记账 (merged 2021年 over 月 | 日, 方向 + 金额)', cashJournal, CASH_JOURNAL_EXPECTED],
  ['支出明细账 (会计期间 + 日, 50x codes, 方向 + 金额)', periodLedger, PERIOD_LEDGER_EXPECTED],
];

describe.each(OTHER_LEDGER_FORMATS)('other finance software, as .%s', (format) => {
  it.each(LAYOUTS)('%s imports to the fen, checksums matched, year source stated', async (_name, build, expected) => {
    const filePath = writeOtherLedger(join(t.dir, `ledger.${format}`), build());
    const preview = await previewImport(t.db, options(filePath));
    expect(preview.mappingProblems).toEqual([]);
    expect([preview.headerRow, preview.headerRows]).toEqual([expected.headerRow, expected.headerRows]);
    // Header names as in the file: no preamble text glued on.
    expect(preview.columns.every((c) => !c.name.includes('单位'))).toBe(true);
    expect(preview.badCells).toEqual([]);
    expect(preview.yearSource?.text).toBe(expected.yearSourceText);
    expect(preview.bookSide?.debitMeans).toBe(expected.bookSideIn ? 'in' : 'out');
    expect(preview.nothingToImport).toBeNull();
    expect(preview.accounting.rowsImported).toBe(expected.rowsImported);
    expect(preview.ledgerTotals).toMatchObject({ outflowFen: expected.outflowFen, inflowFen: expected.inflowFen });
    expect(preview.checks.map((c) => [c.row, c.label, c.ok])).toEqual(expected.checks);
    // No checksum or carried balance is imported as a movement.
    expect(preview.rows.some((r) => /合计|累计|结转/.test(r.kind === 'ledger' ? r.summary : ''))).toBe(false);

    const result = await commitImport(t.db, { ...options(filePath), expectedSha256: preview.file.sha256 });
    expect(result.accounting).toEqual(preview.accounting);
    expect(result.checks).toEqual(preview.checks);
    expect(result.yearSource).toEqual(preview.yearSource);
    expect(stored()).toEqual({ out: expected.outflowFen, in: expected.inflowFen, rows: expected.rowsImported });
    expect(rollupDrift(t.db)).toEqual([]);
  });

  it('splits 50x codes into 人员, 公用 and 项目 and reads every 会计期间 form', async () => {
    const filePath = writeOtherLedger(join(t.dir, `period.${format}`), periodLedger());
    await commitImport(t.db, options(filePath));
    const rows = t.db
      .prepare("SELECT category, sum(amount_fen) AS fen FROM ledger_txn WHERE direction = 'out' GROUP BY category")
      .all() as { category: string; fen: number }[];
    expect(Object.fromEntries(rows.map((r) => [r.category, r.fen]))).toEqual(PERIOD_LEDGER_EXPECTED.byCategory);
    const dates = t.db.prepare('SELECT txn_date AS d FROM ledger_txn ORDER BY id').all() as { d: string }[];
    expect(dates.map((r) => r.d)).toEqual(['2021-03-05', '2021-03-18', '2021-04-02', '2021-04-15', '2021-04-20']);
  });

  it('reports a 本年累计 that does not match the rows, in the preview and the import result', async () => {
    const filePath = writeOtherLedger(join(t.dir, `wrong.${format}`), cashBook({ wrongYearTotal: true }));
    const preview = await previewImport(t.db, options(filePath));
    const bad = preview.checks.filter((c) => !c.ok);
    expect(bad).toEqual([
      { sheet: '银行存款日记账', row: 13, label: '本年累计', fileOutFen: 5_323_476, rowsOutFen: 5_323_466, fileInFen: 30_000_001, rowsInFen: 30_000_001, ok: false },
    ].map((c) => (format === 'csv' ? { ...c, sheet: 'wrong' } : c)));
    const result = await commitImport(t.db, options(filePath));
    expect(result.checks.filter((c) => !c.ok)).toEqual(bad);
    // Reported, not hidden — and the rows themselves still import as they are.
    expect(stored().out).toBe(CASH_BOOK_EXPECTED.outflowFen);
  });

  it('reads 借/贷 the other way round when the user says so', async () => {
    const filePath = writeOtherLedger(join(t.dir, `chosen.${format}`), cashBook());
    const preview = await previewImport(t.db, { ...options(filePath), debitMeans: 'out' }, { inProcess: true });
    expect(preview.bookSide).toMatchObject({ debitMeans: 'out', chosen: true, text: '借贷方向：借方 = 支出，贷方 = 收入（手工指定）' });
    expect(preview.ledgerTotals).toMatchObject({ outflowFen: CASH_BOOK_EXPECTED.inflowFen, inflowFen: CASH_BOOK_EXPECTED.outflowFen });
  });

  it('refuses a file that states another year before reading a row', async () => {
    const filePath = writeOtherLedger(join(t.dir, `y2020.${format}`), cashBook({ title: '2020年度银行存款日记账' }));
    const before = importTablesSnapshot(t.db);
    const preview = await previewImport(t.db, options(filePath));
    expect(preview.yearSource).toMatchObject({ year: 2020, kind: 'title' });
    expect(preview.mappingProblems.join()).toContain('表明这是 2020 年的账，而当前导入的是 2021 年度');
    const err = await commitImport(t.db, options(filePath)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('2020 年的账');
    expect(importTablesSnapshot(t.db)).toBe(before);
  });

  it('fails an import in which no row can be imported, saying which rows and why, writing nothing', async () => {
    const filePath = writeOtherLedger(join(t.dir, `empty.${format}`), nothingImportable());
    const before = importTablesSnapshot(t.db);
    const preview = await previewImport(t.db, options(filePath));
    expect(preview.accounting.rowsImported).toBe(0);
    expect(preview.nothingToImport).toMatch(/没有一行可以导入.*2 行无法识别：工作表“[^”]+”第 4、5 行（A 列“日期”）：日期 2020-12-30 不在导入的 2021 年度内/);
    const err = await commitImport(t.db, options(filePath)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe(preview.nothingToImport);
    expect((err as AppError).details.map((d) => d.row)).toEqual([4, 5]);
    expect(importTablesSnapshot(t.db)).toBe(before);
  });
});
