import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { DETAIL_SHEET, EXCEL_MAX_ROWS } from '../../../electron/export/xlsx/detail-sheet.ts';
import { renderReportXlsx } from '../../../electron/export/xlsx/render-report-xlsx.ts';
import type { ExpenseDetailRow } from '../../../shared/report/input.ts';
import { exampleInput } from '../../unit/report/example-input.ts';
import { tempPath } from '../temp-db.ts';

// 支出明细 past Excel's row limit continues on 支出明细(2), (3)… (a small limit passed in stands
// for Excel's 1,048,576 rows, which is what the export uses unless told otherwise), and the
// detail can go into a workbook of its own: `report --format xlsx --detail-out FILE` streams a
// real year from its SQLite file into both files.

async function* generatedYear(n: number): AsyncGenerator<ExpenseDetailRow> {
  for (let i = 0; i < n; i++) {
    yield {
      date: `2021-${String((i % 12) + 1).padStart(2, '0')}-10`,
      voucherNo: `记-${i + 1}`,
      unitName: '本级',
      summary: `支出 ${i + 1}`,
      counterparty: '',
      fundingSource: '一般公共预算财政拨款',
      category: '公用经费',
      projectName: '',
      econCode: '30201',
      amountFen: 1_000 + i,
    };
  }
}

async function load(source: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ArrayBuffer);
  return wb;
}

/** Body rows of a detail sheet: from row 4 until the first 本表小计/合计 row. */
function bodyRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const out: ExcelJS.Row[] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (String(row.getCell(1).value ?? '').startsWith('本表小计') || String(row.getCell(1).value ?? '').startsWith('合计')) break;
    out.push(row);
  }
  return out;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('支出明细 beyond one sheet', () => {
  it('uses Excel’s row limit unless a smaller one is passed in', () => {
    expect(EXCEL_MAX_ROWS).toBe(1_048_576);
  });

  it('continues on 支出明细(2), (3)… each within the limit, with a 本表小计 per sheet and one 合计 over all', async () => {
    const limit = 50; // 3 heading rows + 45 rows + 本表小计 + 合计 room
    const n = 120;
    const wb = await load(await renderReportXlsx(exampleInput, generatedYear(n), { maxDetailRows: limit }));
    const names = wb.worksheets.map((w) => w.name).filter((s) => s.startsWith(DETAIL_SHEET));
    expect(names).toEqual(['支出明细', '支出明细(2)', '支出明细(3)']);
    const sheets = names.map((s) => wb.getWorksheet(s)!);
    for (const ws of sheets) expect(ws.rowCount, ws.name).toBeLessThanOrEqual(limit);
    const counts = sheets.map((ws) => bodyRows(ws).length);
    expect(counts).toEqual([45, 45, 30]);
    // Every row once, in order: the voucher numbers run on across the sheets.
    const vouchers = sheets.flatMap((ws) => bodyRows(ws).map((r) => r.getCell(2).value));
    expect(vouchers).toEqual(Array.from({ length: n }, (_, i) => `记-${i + 1}`));
    // Each continued sheet repeats the title (marked 续) and the column header.
    expect(String(sheets[1]!.getCell('A1').value)).toContain('（续2）');
    expect(sheets[2]!.getCell('D3').value).toBe('摘要');

    const subtotal = sheets[0]!.getRow(4 + 45);
    expect(subtotal.getCell(1).value).toBe('本表小计');
    expect((subtotal.getCell(10).value as ExcelJS.CellFormulaValue).formula).toBe('SUM(J4:J48)');
    const last = sheets[2]!;
    const total = last.getRow(last.rowCount);
    expect(String(total.getCell(1).value)).toMatch(/^合计/);
    const f = total.getCell(10).value as ExcelJS.CellFormulaValue;
    expect(f.formula).toBe(`'支出明细'!J49+'支出明细(2)'!J49+J34`);
    expect(f.result).toBeCloseTo((n * 1_000 + (n * (n - 1)) / 2) / 100, 6);
  });

  it('keeps one sheet with its 合计 when the rows fit', async () => {
    const wb = await load(await renderReportXlsx(exampleInput, generatedYear(45), { maxDetailRows: 50 }));
    expect(wb.worksheets.map((w) => w.name).filter((s) => s.startsWith(DETAIL_SHEET))).toEqual(['支出明细']);
    const ws = wb.getWorksheet(DETAIL_SHEET)!;
    expect(ws.getRow(49).getCell(1).value).toBe('合计');
  });
});

describe('支出明细 as its own workbook', () => {
  it('CLI report --detail-out streams the year into a report without 支出明细 and a detail workbook', async () => {
    const db = tempPath('data.db');
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const out = tempPath('report.xlsx');
    const detailOut = tempPath('detail.xlsx');
    const r = await cli('report', '--db', db, '--year', '2021', '--format', 'xlsx', '--out', out, '--detail-out', detailOut, '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { ok: boolean; bytes: number; sha256: string; detailOut: string; detailBytes: number };
    expect(json.ok).toBe(true);
    expect(json.bytes).toBe(readFileSync(out).length);
    expect(json.sha256).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'));
    expect(json.detailBytes).toBe(readFileSync(detailOut).length);
    expect(existsSync(`${out}.tmp`)).toBe(false);

    const report = await load(out);
    expect(report.worksheets.map((w) => w.name)).not.toContain(DETAIL_SHEET);
    expect(report.worksheets.map((w) => w.name)).toContain('预算执行情况表');
    const detail = await load(detailOut);
    expect(detail.worksheets.map((w) => w.name)).toEqual([DETAIL_SHEET]);

    // Every 'out' transaction of the year, and the same total as the data file.
    const conn = openDatabase(db, { readonly: true });
    const expected = conn
      .prepare("SELECT count(*) AS n, sum(amount_fen) AS fen FROM ledger_txn t JOIN fiscal_year y ON y.id = t.year_id WHERE y.year = 2021 AND t.direction = 'out'")
      .get() as { n: number; fen: number };
    conn.close();
    const ws = detail.getWorksheet(DETAIL_SHEET)!;
    expect(bodyRows(ws)).toHaveLength(expected.n);
    const total = ws.getRow(ws.rowCount).getCell(10).value as ExcelJS.CellFormulaValue;
    expect(total.result).toBeCloseTo(expected.fen / 100, 6);
    // 3752.63 万元, the example year's spending.
    expect(expected.fen).toBe(37_526_300_00);

    // Without --detail-out the report carries 支出明细 itself.
    const whole = tempPath('whole.xlsx');
    expect((await cli('report', '--db', db, '--year', '2021', '--format', 'xlsx', '--out', whole)).code).toBe(0);
    expect((await load(whole)).worksheets.map((w) => w.name)).toContain(DETAIL_SHEET);
  });

  it('refuses --detail-out with a format other than xlsx', async () => {
    const db = tempPath('data.db');
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const r = await cli('report', '--db', db, '--year', '2021', '--format', 'pdf', '--out', tempPath('r.pdf'), '--detail-out', tempPath('d.xlsx'));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('--detail-out 只能与 --format xlsx 同用');
  });
});
