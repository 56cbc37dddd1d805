import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport, listBatches, previewImport, undoImport } from '../../../electron/services/import-service.ts';
import { bigLedgerTotals, writeBigLedgerXlsx } from '../../fixtures/spreadsheets/big-ledger.ts';
import { LEDGER_EXPECTED, writeMessyLedgerXlsx } from '../../fixtures/spreadsheets/ledger-workbooks.ts';
import { type ImportTestDb, importTablesSnapshot, openImportTestDb, rollupDrift } from './import-db.ts';

let t: ImportTestDb;
beforeEach(() => {
  t = openImportTestDb();
});
afterEach(() => t.close());

function spentByCategory(): Record<string, number> {
  const rows = t.db
    .prepare("SELECT category, sum(amount_fen) AS fen FROM ledger_txn WHERE direction = 'out' GROUP BY category")
    .all() as Array<{ category: string; fen: number }>;
  return Object.fromEntries(rows.map((r) => [r.category, r.fen]));
}

describe('messy 明细账 in 万元 with a two-level header', () => {
  it('previews exactly what it then commits, and undo removes it all', async () => {
    const filePath = await writeMessyLedgerXlsx(join(t.dir, '行政支出明细账.xlsx'));
    const options = { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
    const before = importTablesSnapshot(t.db);

    const preview = await previewImport(t.db, options);
    expect(importTablesSnapshot(t.db)).toBe(before);
    expect(preview.headerRow).toBe(4);
    expect(preview.headerRows).toBe(2);
    expect(preview.amountScale).toBe('wan');
    expect(preview.amountScaleEvidence).toContain('万元');
    expect(preview.mapping).toMatchObject({ month: 0, day: 1, summary: 3, econCode: 4, outflow: 6, inflow: 7 });
    expect(preview.accounting).toEqual({
      rowsRead: LEDGER_EXPECTED.rowsRead,
      rowsImported: LEDGER_EXPECTED.rowsImported,
      rowsDuplicate: 0,
      rowsRejected: 0,
      rowsSkippedLayout: LEDGER_EXPECTED.rowsSkippedLayout,
      rowsHidden: 0,
    });
    expect(preview.ledgerTotals).toEqual({
      outflowFen: LEDGER_EXPECTED.outflowFen,
      inflowFen: LEDGER_EXPECTED.inflowFen,
      dateFrom: LEDGER_EXPECTED.dateFrom,
      dateTo: LEDGER_EXPECTED.dateTo,
    });
    expect(preview.skippedRows.map((s) => `${s.row}:${s.kind}:${s.label}`)).toEqual([
      '1:title:行政支出明细账',
      expect.stringMatching(/^2:title:/),
      expect.stringMatching(/^3:title:/),
      '4:header:',
      '5:header:',
      '6:total:期初余额',
      '11:total:本月合计',
      '12:total:本年累计',
      '15:blank:',
      '17:total:本月合计',
      '18:total:本年累计',
      '19:blank:',
      '20:footer:制表人',
    ]);
    // 本月合计 against the month's rows, 本年累计 against the year's so far.
    expect(preview.checks.map((c) => [c.row, c.label, c.ok])).toEqual([
      [11, '本月合计', true],
      [12, '本年累计', true],
      [17, '本月合计', true],
      [18, '本年累计', true],
    ]);
    expect(preview.yearSource).toMatchObject({ year: 2021, kind: 'header', evidence: '2021年' });
    const reversal = preview.rows.find((r) => r.row === 14);
    expect(reversal).toMatchObject({ kind: 'ledger', direction: 'out', amountFen: -500_000, category: 'project' });
    expect(preview.rows.find((r) => r.row === 16)).toMatchObject({ amountFen: 300_000, econCode: '30211' });

    const progress: number[] = [];
    const result = await commitImport(
      t.db,
      { ...options, expectedSha256: preview.file.sha256 },
      { onProgress: (p) => progress.push(p.percent) },
    );
    expect(progress.at(-1)).toBe(100);
    expect(result.accounting).toEqual(preview.accounting);
    expect(result.ledgerTotals).toEqual(preview.ledgerTotals);
    expect(result.projectsCreated).toEqual(LEDGER_EXPECTED.projects);

    const stored = t.db
      .prepare('SELECT txn_date, amount_fen, direction, category, econ_code, source_row, project_id FROM ledger_txn ORDER BY source_row')
      .all() as Array<{ source_row: number; amount_fen: number; txn_date: string }>;
    expect(stored).toHaveLength(LEDGER_EXPECTED.rowsImported);
    const previewed = preview.rows.map((r) => [r.row, (r as { amountFen: number }).amountFen, (r as { date: string }).date]);
    expect(stored.map((s) => [s.source_row, s.amount_fen, s.txn_date])).toEqual(previewed);
    expect(spentByCategory()).toEqual({
      personnel: LEDGER_EXPECTED.personnelFen,
      public: LEDGER_EXPECTED.publicFen,
      project: LEDGER_EXPECTED.projectFen,
    });
    expect(rollupDrift(t.db)).toEqual([]);

    const [batch] = listBatches(t.db, t.yearId);
    expect(batch).toMatchObject({
      id: result.batchId,
      status: 'committed',
      rowsRead: 20,
      rowsImported: 7,
      rowsSkippedLayout: 13,
      outflowFen: LEDGER_EXPECTED.outflowFen,
      inflowFen: LEDGER_EXPECTED.inflowFen,
      amountScale: 'wan',
      headerRow: 4,
    });

    const undo = undoImport(t.db, result.batchId);
    expect(undo.rowsRemoved).toBe(7);
    expect((t.db.prepare('SELECT count(*) AS n FROM ledger_txn').get() as { n: number }).n).toBe(0);
    expect((t.db.prepare('SELECT count(*) AS n FROM project').get() as { n: number }).n).toBe(0);
    expect(rollupDrift(t.db)).toEqual([]);
    expect(listBatches(t.db, t.yearId)[0]).toMatchObject({ status: 'reverted', revertedAt: undo.revertedAt });
    expect(() => undoImport(t.db, result.batchId)).toThrow(/已于 .* 撤销过/);
  });

  it('refuses the same file twice with the date of the first import, and allows it after undo', async () => {
    const filePath = await writeMessyLedgerXlsx(join(t.dir, 'a.xlsx'));
    const options = { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
    const first = await commitImport(t.db, options, { inProcess: true });
    const before = importTablesSnapshot(t.db);
    const preview = await previewImport(t.db, options, { inProcess: true });
    expect(preview.alreadyImported?.batchId).toBe(first.batchId);
    // Every row is also flagged as an overlap with the first import.
    expect(preview.accounting.rowsDuplicate).toBe(7);
    expect(preview.duplicates.every((d) => d.existingBatchId === first.batchId)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    await expect(commitImport(t.db, options, { inProcess: true })).rejects.toMatchObject({
      code: 'IMPORT',
      message: expect.stringContaining(`已于 ${today} 导入过（导入批次 ${first.batchId}）`),
    });
    expect(importTablesSnapshot(t.db)).toBe(before);
    undoImport(t.db, first.batchId);
    const again = await commitImport(t.db, options, { inProcess: true });
    expect(again.accounting.rowsImported).toBe(7);
  });
});

describe('a ledger of several blocks', () => {
  it('rolls up every block exactly and finds duplicates across blocks of a longer, overlapping file', async () => {
    const first = join(t.dir, 'first.xlsx');
    const longer = join(t.dir, 'longer.xlsx');
    await writeBigLedgerXlsx(first, 6000);
    await writeBigLedgerXlsx(longer, 6205);
    const options = { yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
    const a = await commitImport(t.db, { ...options, filePath: first });
    expect(a.accounting).toMatchObject({ rowsImported: 6000, rowsDuplicate: 0 });
    expect(a.ledgerTotals).toMatchObject(bigLedgerTotals(6000));
    expect(rollupDrift(t.db)).toEqual([]);

    // The same 17 rows a day, so its first 6,000 rows are those of the first file, in every block.
    const preview = await previewImport(t.db, { ...options, filePath: longer });
    expect(preview.accounting).toMatchObject({ rowsImported: 205, rowsDuplicate: 6000 });
    const b = await commitImport(t.db, { ...options, filePath: longer, acceptDuplicates: [2, 6001] });
    expect(b.accounting).toMatchObject({ rowsImported: 207, rowsDuplicate: 5998 });
    // The list stops at its cap; the accepted row of the third block is stored all the same.
    expect(b.duplicates.filter((d) => d.accepted).map((d) => d.row)).toEqual([2]);
    const accepted = t.db.prepare('SELECT source_row FROM ledger_txn WHERE batch_id = ? AND source_row IN (2, 6001)').pluck();
    expect(accepted.all(b.batchId)).toEqual([2, 6001]);
    expect(b.duplicates.every((d) => d.existingBatchId === a.batchId)).toBe(true);
    expect(rollupDrift(t.db)).toEqual([]);
    expect(t.db.prepare('SELECT count(*) AS n FROM ledger_txn').get()).toEqual({ n: 6207 });

    undoImport(t.db, a.batchId);
    expect(rollupDrift(t.db)).toEqual([]);
  });
});
