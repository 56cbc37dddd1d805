import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../electron/import/limits.ts';
import { runParse } from '../../../electron/import/parse-pipeline.ts';
import { commitImport, undoImport } from '../../../electron/services/import-service.ts';
import { AppError } from '../../../shared/api/app-error.ts';
import type { LedgerRow } from '../../../shared/import/schemas.ts';
import { formatYuan } from '../../../shared/money/fen.ts';
import { type ImportTestDb, importTablesSnapshot, openImportTestDb } from '../../integration/import/import-db.ts';
import { encodeSheet, extensionOf, type SheetCell, type SheetFormat, type SheetRows } from '../../stress/generated-sheets.ts';

// File-level properties of the importer (issue #7 §8, reliability-notes §5.2 items 4–5), on
// generated sheets written as GBK CSV, UTF-8 CSV, .xlsx and .xls and read by the real readers:
// the row accounting closes (rows read = imported + duplicates + rejected + layout rows, with the
// exact number of each), and importing the same rows again adds nothing. 10,000 runs each with
// SELFEVAL_STRESS=full, 200 in npm test.

const FULL = process.env.SELFEVAL_STRESS === 'full';
const RUNS = FULL ? 10_000 : 200;
const TIMEOUT = FULL ? 60 * 60_000 : 120_000;

// Summaries start with 支付 and use no character a totals or footer label starts with.
const SUMMARY_CHARS = '办公费用差旅议培训邮电维修物业水款项采购,"'.split('');
const FORMATS: SheetFormat[] = ['csv-gbk', 'csv-utf8', 'xlsx', 'xls'];

interface DataLine {
  kind: 'valid' | 'bad-date' | 'bad-amount';
  day: number;
  summary: string;
  fen: number;
  out: boolean;
  numeric: boolean;
}

const lineArb: fc.Arbitrary<DataLine> = fc.record({
  kind: fc.constantFrom('valid', 'valid', 'valid', 'bad-date', 'bad-amount'),
  day: fc.integer({ min: 0, max: 364 }),
  summary: fc.array(fc.constantFrom(...SUMMARY_CHARS), { minLength: 1, maxLength: 12 }).map((cs) => `支付${cs.join('')}`),
  fen: fc.integer({ min: 1, max: 10 ** 10 }),
  out: fc.boolean(),
  numeric: fc.boolean(),
});

interface Generated {
  titles: string[];
  lines: DataLine[];
  totals: boolean;
  footer: boolean;
  format: SheetFormat;
}

const sheetArb: fc.Arbitrary<Generated> = fc.record({
  titles: fc.subarray(['2021年银行账户交易明细', '单位：广州市番禺区某某办公室', '币种：人民币 单位：元']),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 40 }),
  totals: fc.boolean(),
  footer: fc.boolean(),
  format: fc.constantFrom(...FORMATS),
});

const isoOf = (day: number) => new Date(Date.UTC(2021, 0, 1 + day)).toISOString().slice(0, 10);

function amountCell(line: DataLine, format: SheetFormat): SheetCell {
  if (line.kind === 'bad-amount') return '1.234,56';
  return line.numeric && !format.startsWith('csv') ? line.fen / 100 : formatYuan(line.fen);
}

function toRows(g: Generated, tag = ''): SheetRows {
  const rows: SheetRows = g.titles.map((t) => [t]);
  rows.push(['交易日期', '摘要', '支出金额', '收入金额']);
  let out = 0;
  let inflow = 0;
  for (const l of g.lines) {
    const date = l.kind === 'bad-date' ? '2021-02-30' : isoOf(l.day);
    const amount = amountCell(l, g.format);
    rows.push([date, `${l.summary}${tag}`, l.out ? amount : null, l.out ? null : amount]);
    if (l.kind === 'valid') {
      if (l.out) out += l.fen;
      else inflow += l.fen;
    }
  }
  if (g.totals) rows.push(['合计', null, formatYuan(out), formatYuan(inflow)]);
  if (g.footer) rows.push(['制表人：张三']);
  return rows;
}

let dir = '';
let t: ImportTestDb;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'selfeval-props-'));
  t = openImportTestDb();
});
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeGenerated(name: string, rows: SheetRows, format: SheetFormat): string {
  const path = join(dir, `${name}.${extensionOf(format)}`);
  writeFileSync(path, encodeSheet(rows, format));
  return path;
}

describe('file properties', () => {
  it(
    'row accounting closes with the exact number of imported, rejected and layout rows',
    async () => {
      let n = 0;
      let rowsRead = 0;
      await fc.assert(
        fc.asyncProperty(sheetArb, async (g) => {
          const filePath = writeGenerated(`accounting-${n++}`, toRows(g), g.format);
          const received: LedgerRow[] = [];
          const summary = await runParse(
            { filePath, target: 'ledger', year: 2021, autoProfile: false, profiles: [], limits: DEFAULT_LIMITS, batchSize: 2500 },
            { file() {}, layout() {}, rows: async (rows) => void received.push(...(rows as LedgerRow[])) },
          );
          rowsRead += summary.rowsRead;
          const valid = g.lines.filter((l) => l.kind === 'valid');
          const layout = g.titles.length + 1 + (g.totals ? 1 : 0) + (g.footer ? 1 : 0);
          expect(summary.rowsRead).toBe(summary.rowsNormalized + summary.rowsRejected + summary.rowsSkippedLayout);
          expect(summary.rowsRead).toBe(layout + g.lines.length);
          expect(summary.rowsNormalized).toBe(valid.length);
          expect(summary.rowsRejected).toBe(g.lines.length - valid.length);
          expect(summary.rowsSkippedLayout).toBe(layout);
          expect(received.map((r) => (r.direction === 'out' ? r.amountFen : -r.amountFen))).toEqual(
            valid.map((l) => (l.out ? l.fen : -l.fen)),
          );
          if (g.totals && valid.length === g.lines.length) expect(summary.checks.every((c) => c.ok)).toBe(true);
        }),
        { numRuns: RUNS },
      );
      console.log(`PROPERTY row_accounting runs=${RUNS} rows_read=${rowsRead}`);
    },
    TIMEOUT,
  );

  it(
    'importing the same file again is refused, and the same rows in another file fail as nothing to import',
    async () => {
      let n = 0;
      let duplicates = 0;
      const onlyValid = sheetArb.map((g) => ({ ...g, lines: g.lines.map((l) => ({ ...l, kind: 'valid' as const })) }));
      await fc.assert(
        fc.asyncProperty(onlyValid, fc.constantFrom(...FORMATS), async (g, otherFormat) => {
          const id = n++;
          // The run number keeps rows of different runs apart; within a run rows may repeat.
          const rows = toRows(g, ` #${id}`);
          const first = writeGenerated(`same-${id}`, rows, g.format);
          // The writer is the test's own connection: the same transaction code, without opening
          // a second connection per commit.
          const run = { inProcess: true, openWriter: () => t.db };
          const options = { yearId: t.yearId, unitId: t.unitId, target: 'ledger' as const };
          const a = await commitImport(t.db, { ...options, filePath: first }, run);
          expect(a.accounting.rowsImported + a.accounting.rowsDuplicate).toBe(g.lines.length);
          // Rows changed on this connection, rolled back or not: the refusal must write nothing at all.
          const changes = () => (t.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
          const before = changes();
          const again = await commitImport(t.db, { ...options, filePath: first }, run).catch((e: unknown) => e);
          expect(again).toBeInstanceOf(AppError);
          expect((again as AppError).message).toMatch(/已于 .* 导入过/);
          expect(changes()).toBe(before);
          // Same rows, another file: a different format, an extra title line.
          const second = writeGenerated(`other-${id}`, [['重新导出'], ...toRows({ ...g, format: otherFormat }, ` #${id}`)], otherFormat);
          // Nothing new to import is a failure that writes nothing, not an empty batch.
          const tablesBefore = importTablesSnapshot(t.db);
          const b = await commitImport(t.db, { ...options, filePath: second }, run).catch((e: unknown) => e);
          expect(b).toBeInstanceOf(AppError);
          expect((b as AppError).message).toContain(`${g.lines.length} 行与已导入的数据重复`);
          expect(importTablesSnapshot(t.db)).toBe(tablesBefore);
          duplicates += g.lines.length;
          undoImport(t.db, a.batchId);
        }),
        { numRuns: RUNS },
      );
      console.log(`PROPERTY reimport runs=${RUNS} duplicates_flagged=${duplicates}`);
    },
    TIMEOUT,
  );
});
