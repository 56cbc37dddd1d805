import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportXlsx } from '../../../electron/export/xlsx/render-report-xlsx.ts';
import type { ExpenseDetailRow, ReportInput } from '../../../shared/report/input.ts';
import { exampleInput } from '../../unit/report/example-input.ts';

// The workbook is read back with exceljs: formulas must be formulas, their cached results must be
// what the formula computes, and no user text may turn into a formula.

const OUT = path.resolve('test-output/report');

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Evaluates the few formula shapes the export writes, from other cells' values or cached results. */
function evaluate(ws: ExcelJS.Worksheet, formula: string): number | string {
  const num = (a1: string): number => {
    const v = ws.getCell(a1).value;
    if (typeof v === 'number') return v;
    if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
    return 0;
  };
  let m = /^SUM\((.+)\)$/.exec(formula);
  if (m) {
    let total = 0;
    for (const part of m[1]!.split(',')) {
      const range = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(part);
      if (range) for (let r = Number(range[2]); r <= Number(range[4]); r++) total += num(`${range[1]}${r}`);
      else total += num(part);
    }
    return total;
  }
  m = /^([A-Z]+\d+)-([A-Z]+\d+)$/.exec(formula);
  if (m) return num(m[1]!) - num(m[2]!);
  m = /^IF\(([A-Z]+\d+)=0,"",([A-Z]+\d+)\/([A-Z]+\d+)\)$/.exec(formula);
  if (m) return num(m[1]!) === 0 ? '' : num(m[2]!) / num(m[3]!);
  if (formula === '0') return 0;
  throw new Error(`测试不认识的公式：${formula}`);
}

function rowByLabel(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r);
  throw new Error(`工作表“${ws.name}”中找不到“${label}”行`);
}

function formulaOf(cell: ExcelJS.Cell): { formula: string; result: unknown } {
  const v = cell.value as ExcelJS.CellFormulaValue;
  expect(cell.type, `${cell.address} 应为公式`).toBe(ExcelJS.ValueType.Formula);
  return { formula: v.formula, result: v.result };
}

async function* detailRows(n: number): AsyncGenerator<ExpenseDetailRow> {
  for (let i = 0; i < n; i++) {
    yield {
      date: `2021-${String((i % 12) + 1).padStart(2, '0')}-15`,
      voucherNo: `记-${i + 1}`,
      unitName: '本级',
      summary: i === 0 ? '\t制表符开头的摘要' : i === 1 ? '\r回车开头的摘要' : `办公用品采购 ${i}`,
      counterparty: i === 2 ? '=HYPERLINK("http://example.invalid","点我")' : '某供应商',
      fundingSource: '一般公共预算财政拨款',
      category: '公用经费',
      projectName: '',
      econCode: '30201',
      amountFen: 10_000 + i,
    };
  }
}

let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const buf = await renderReportXlsx(exampleInput, detailRows(2000));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'example-report.xlsx'), buf);
  wb = await load(buf);
});

describe('report workbook', () => {
  it('has the four sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报告正文', '自评表', '预算执行情况表', '重点工作', '支出明细']);
  });

  it('writes totals and rates as formulas whose cached results match the data', () => {
    const budget = wb.getWorksheet('预算执行情况表')!;
    const total = rowByLabel(budget, '合计');
    const final = formulaOf(total.getCell(4));
    const actual = formulaOf(total.getCell(5));
    const rate = formulaOf(total.getCell(6));
    expect(final.result).toBeCloseTo(3982.33, 6);
    expect(actual.result).toBeCloseTo(3752.63, 6);
    expect(rate.formula).toMatch(/^IF\(D\d+=0,"",E\d+\/D\d+\)$/);
    expect(rate.result).toBeCloseTo(3752.63 / 3982.33, 12);
    expect(total.getCell(4).numFmt).toBe('#,##0.00');
    expect(total.getCell(6).numFmt).toBe('0.00%');
    const basic = rowByLabel(budget, '基本支出');
    expect(formulaOf(basic.getCell(5)).result).toBeCloseTo(3260.92, 6);

    const score = wb.getWorksheet('自评表')!;
    const scoreTotal = rowByLabel(score, '合计');
    expect(formulaOf(scoreTotal.getCell(4)).result).toBeCloseTo(95, 9);
    expect(formulaOf(scoreTotal.getCell(5)).result).toBeCloseTo(94.21, 9);
    expect(formulaOf(scoreTotal.getCell(6)).result).toBeCloseTo(0.79, 9);
    const management = rowByLabel(score, '管理效能');
    expect(formulaOf(management.getCell(5)).result).toBeCloseTo(44.21, 9);
  });

  it('caches, in every formula cell, the value its formula computes', () => {
    let checked = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          const { formula, result } = cell.value as ExcelJS.CellFormulaValue;
          const expected = evaluate(ws, formula);
          // exceljs's reader drops a cached <v>0</v> (it tests the text for truthiness after parsing).
          if (typeof expected === 'number') expect((result ?? 0) as number, `${ws.name}!${cell.address}`).toBeCloseTo(expected, 6);
          else expect(result ?? '', `${ws.name}!${cell.address}`).toBe(expected);
          checked++;
        }),
      );
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('freezes the header rows and sets A4 print with repeated titles and a page footer', () => {
    // 报告正文 is prose, one paragraph per row: no header to freeze or repeat.
    for (const ws of wb.worksheets.filter((w) => w.name !== '报告正文')) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.printTitlesRow).toBe('1:3');
      expect(ws.headerFooter.oddFooter).toContain('&P');
    }
  });

  it('sizes columns to fit Chinese text', () => {
    const tasks = wb.getWorksheet('重点工作')!;
    // "处理疫情防控文件" is 8 full-width characters = 16 width units.
    expect(tasks.getColumn(2).width).toBeGreaterThanOrEqual(16);
  });

  it('streams 支出明细 rows and totals them with a live SUM', () => {
    const detail = wb.getWorksheet('支出明细')!;
    const total = rowByLabel(detail, '合计');
    const sum = formulaOf(total.getCell(10));
    expect(sum.formula).toBe('SUM(J4:J2003)');
    const expectedYuan = (2000 * 10_000 + (1999 * 2000) / 2) / 100;
    expect(sum.result).toBeCloseTo(expectedYuan, 6);
  });

  it('keeps user text that looks like a formula as text', async () => {
    const hostile: ReportInput = structuredClone(exampleInput);
    hostile.workAreas[0]!.tasks[0]!.title = '+做好办文办会服务';
    hostile.workAreas[0]!.tasks[0]!.measures[0]!.name = '@收编号文件';
    hostile.workAreas[0]!.title = '-服务决策';
    hostile.scoreSheet.groups[0]!.children[0]!.children[1]!.reason = '=1+1';
    hostile.scoreSheet.groups[0]!.children[0]!.children[0]!.name = '=SUM(A1:A9)';
    const book = await load(await renderReportXlsx(hostile, detailRows(3)));
    const cells: ExcelJS.Cell[] = [];
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          // Slave cells of a merged range echo the master's value; the master is the stored cell.
          if (cell.type === ExcelJS.ValueType.Merge) return;
          if (typeof cell.value === 'string' && /^'[=+\-@\t\r\n]/.test(cell.value)) cells.push(cell);
        }),
      );
    }
    // XML parsing turns a stored CR into LF; the apostrophe in front is what matters.
    const texts = cells.map((c) => (c.value as string).replace(/^'\n/, "'\r"));
    for (const expected of ["'+做好办文办会服务", "'@收编号文件", "'-服务决策", "'=1+1", "'=SUM(A1:A9)", "'\t制表符开头的摘要", "'\r回车开头的摘要"]) {
      expect(texts.some((t) => t.startsWith(expected)), expected).toBe(true);
    }
    for (const c of cells) expect(c.type).toBe(ExcelJS.ValueType.String);
    const detail = book.getWorksheet('支出明细')!;
    expect(detail.getCell('E6').type).toBe(ExcelJS.ValueType.String);
    expect(detail.getCell('E6').value).toBe('\'=HYPERLINK("http://example.invalid","点我")');
  });
});
