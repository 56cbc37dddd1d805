import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportXlsx } from '../../../electron/export/xlsx/render-report-xlsx.ts';
import { BODY_PT, MIN_PRINTED_PT, type Orientation, printScale } from '../../../electron/export/xlsx/print-layout.ts';
import { displayWidth } from '../../../electron/export/xlsx/text-width.ts';
import type { ExpenseDetailRow } from '../../../shared/report/input.ts';
import { exampleInput } from '../../unit/report/example-input.ts';
import { clearCachedResults, hasSoffice, sofficePdf } from './libreoffice.ts';
import { layoutText, normalizeWhitespace, pageCount } from './poppler.ts';

// The report workbook as a director's office prints and uses it: every sheet on A4 with no text
// under 9 pt, figures stored as numbers and dates as dates with number formats, a Chinese face
// named, a page header with the department and year. Checked twice: in the workbook itself
// (page setup, widths, fonts → the scale fitToWidth prints at), and, where LibreOffice is
// installed, in the PDF it prints (page sizes, the font sizes its content streams set, and the
// figures it computes when the formulas' cached results are removed).

const OUT = path.resolve('test-output/report-xlsx-print');
const DEPT = exampleInput.departmentName;

function* detailRows(n: number): Generator<ExpenseDetailRow> {
  for (let i = 0; i < n; i++) {
    yield {
      date: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      voucherNo: `记-${i + 1}`,
      unitName: '本级',
      summary: `支付政务信息系统运维服务费（第 ${i + 1} 期）`,
      counterparty: '某某科技有限公司',
      fundingSource: '一般公共预算财政拨款',
      category: i % 2 ? '公用经费' : '项目支出',
      projectName: i % 2 ? '' : '政务信息系统运行维护',
      econCode: '30201',
      amountFen: 123_456 + i,
    };
  }
}

const DETAIL_ROWS = 40;
const detailTotalYuan = (DETAIL_ROWS * 123_456 + (DETAIL_ROWS * (DETAIL_ROWS - 1)) / 2) / 100;

let file: string;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  file = path.join(OUT, 'report-draft.xlsx');
  writeFileSync(file, await renderReportXlsx(exampleInput, detailRows(DETAIL_ROWS), { draft: true }));
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
});

/** Font sizes a sheet prints: every written cell's (11 pt when it names none) and its header/footer's. */
function fontSizes(ws: ExcelJS.Worksheet): number[] {
  const sizes: number[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value !== null && cell.value !== '') sizes.push(cell.font?.size ?? BODY_PT);
    }),
  );
  for (const hf of [ws.headerFooter.oddHeader, ws.headerFooter.oddFooter]) {
    for (const m of (hf ?? '').matchAll(/&(\d+)/g)) sizes.push(Number(m[1]));
  }
  return sizes;
}

describe('report workbook, ready to print', () => {
  it('prints every sheet on A4, one page wide, at a scale that keeps all text at 9 pt or more', () => {
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(5);
    for (const ws of wb.worksheets) {
      const setup = ws.pageSetup;
      expect(setup.paperSize, ws.name).toBe(9);
      expect(setup.fitToPage, ws.name).toBe(true);
      expect(setup.fitToWidth, ws.name).toBe(1);
      expect(setup.fitToHeight, ws.name).toBe(0);
      const widths = ws.columns.map((c) => c.width ?? 9);
      const scale = printScale(widths, setup.orientation as Orientation);
      const smallest = Math.min(...fontSizes(ws));
      expect(smallest * scale, `${ws.name}: ${smallest} pt × ${scale.toFixed(3)}`).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    }
    // The wide tables turn the page.
    expect(wb.getWorksheet('自评表')!.pageSetup.orientation).toBe('landscape');
    expect(wb.getWorksheet('支出明细')!.pageSetup.orientation).toBe('landscape');
    expect(wb.getWorksheet('报告正文')!.pageSetup.orientation).toBe('portrait');
  });

  it('names a Chinese face in every cell font and puts department, year and 草稿 in the page header', () => {
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value !== null) expect(cell.font?.name, `${ws.name}!${cell.address}`).toBe('宋体');
        }),
      );
      expect(ws.headerFooter.oddHeader, ws.name).toContain(`${DEPT} 2021年度`);
      expect(ws.headerFooter.oddHeader, ws.name).toContain('草稿');
      expect(ws.headerFooter.oddFooter, ws.name).toContain('&P');
    }
    const styles = execFileSync('unzip', ['-p', file, 'xl/styles.xml'], { encoding: 'utf8' });
    // The normal style's font (font 0), which unstyled cells and column widths go by.
    expect(/<fonts[^>]*><font>(.*?)<\/font>/.exec(styles)?.[1]).toContain('<name val="宋体"/>');
    expect(styles).not.toContain('Calibri');
  });

  it('stores amounts, rates, scores and dates as numbers with number formats', () => {
    const budget = wb.getWorksheet('预算执行情况表')!;
    let amounts = 0;
    budget.eachRow((row, r) => {
      // Rows 1–3 are title, unit and header; a merged row is a section heading.
      if (r <= 3 || row.getCell(1).isMerged) return;
      for (const c of [2, 3, 4, 5]) {
        const cell = row.getCell(c);
        if (cell.value === null) continue;
        const n = cell.type === ExcelJS.ValueType.Formula ? (cell.value as ExcelJS.CellFormulaValue).result : cell.value;
        expect(typeof n, `${budget.name}!${cell.address}`).toBe('number');
        expect(cell.numFmt).toBe('#,##0.00');
        amounts++;
      }
      const rate = row.getCell(6);
      if (rate.value !== null && rate.value !== '') expect(rate.numFmt).toBe('0.00%');
    });
    expect(amounts).toBeGreaterThan(20);

    const score = wb.getWorksheet('自评表')!;
    const total = score.getRow(score.rowCount);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(5).numFmt).toBe('0.00');

    const detail = wb.getWorksheet('支出明细')!;
    const first = detail.getRow(4);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect((first.getCell(1).value as Date).toISOString()).toBe('2021-01-01T00:00:00.000Z');
    expect(first.getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(10).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(10).value).toBe(1234.56);
    expect(first.getCell(10).numFmt).toMatch(/^#,##0\.00/);
    // Text wider than its column wraps, whatever the column: a cell that does not is cut off by its
    // neighbours when printed (基本支出·人员经费 printed as 本支出·人员经).
    const cutOff: string[] = [];
    detail.eachRow((row, n) => {
      if (n <= 3) return;
      row.eachCell((cell, col) => {
        const width = detail.getColumn(col).width ?? 8.43;
        if (typeof cell.value === 'string' && displayWidth(cell.value) > width - 1 && !cell.alignment?.wrapText) cutOff.push(`${cell.address} ${cell.value}`);
      });
    });
    expect(cutOff).toEqual([]);
  });
});

// ---- through LibreOffice -----------------------------------------------------------------------

if (!hasSoffice) console.warn('report-xlsx-print: soffice (LibreOffice) is not installed; the PDF checks are skipped.');

/** Every page's size in points, from pdfinfo. */
function pageSizes(pdf: string): Array<{ w: number; h: number }> {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pageCount(pdf)), pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
}

/** The font size of every text run LibreOffice wrote (the `n Tf` operators of its content streams). */
function textSizes(pdf: string): number[] {
  const buf = readFileSync(pdf);
  const raw = buf.toString('latin1');
  const sizes: number[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(buf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a deflated content stream (fonts, images)
    }
    for (const t of content.matchAll(/\/F\d+ ([\d.]+) Tf/g)) sizes.push(Number(t[1]));
  }
  return sizes;
}

describe.skipIf(!hasSoffice)('report workbook printed by LibreOffice (skipped without soffice)', () => {
  it('prints every page on A4 with no text under 9 pt', () => {
    const pdf = sofficePdf(file);
    const pages = pageSizes(pdf);
    expect(pages.length).toBe(pageCount(pdf));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const p of pages) {
      const [short, long] = [Math.min(p.w, p.h), Math.max(p.w, p.h)];
      expect(short).toBeCloseTo(595.3, 0);
      expect(long).toBeCloseTo(841.9, 0);
    }
    const sizes = textSizes(pdf);
    expect(sizes.length).toBeGreaterThan(100);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_PRINTED_PT - 0.01);
  });

  it('recalculates the formulas to the report’s figures', async () => {
    // Without cached results only a recalculation can print the figures.
    const bare = new ExcelJS.Workbook();
    await bare.xlsx.readFile(file);
    clearCachedResults(bare);
    const stripped = path.join(OUT, 'report-recalc.xlsx');
    await bare.xlsx.writeFile(stripped);
    const text = normalizeWhitespace(layoutText(sofficePdf(stripped)));
    // 合计 of 预算执行情况表: 全年预算数 3982.33, 执行数 3752.63 万元, 执行率 94.23%; 自评表 94.21 分.
    expect(text).toMatch(/合计 [\d,.]+ [\d,.]+ 3,982\.33 3,752\.63 94\.23%/);
    expect(text).toMatch(/合计 95\.00 94\.21 0\.79/);
    expect(text).toContain(`合计 ${detailTotalYuan.toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  });
});
