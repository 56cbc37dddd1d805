import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { projectEvalYear } from '../../../electron/services/project-eval-service.ts';
import { createClient } from '../../../shared/api/client.ts';
import { buildProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';
import { MIN_PRINTED_PT, printScale } from '../../../electron/export/xlsx/print-layout.ts';
import { CELL_PT } from '../../../electron/export/xlsx/render-project-eval-xlsx.ts';
import { displayWidth } from '../../../electron/export/xlsx/text-width.ts';
import { clearCachedResults, hasSoffice, sofficePdf } from '../export/libreoffice.ts';
import { layoutText, pageCount } from '../export/poppler.ts';
import { openTestApp, tempPath } from '../temp-db.ts';
import { brokenFigures, gridFigures, layoutTokens } from './whole-figures.ts';

async function exampleFiles() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('example.load', {});
  const write = async (format: 'pdf' | 'xlsx' | 'docx') => {
    const f = await api.call('projectEval.render', { yearId: 1, format });
    const file = tempPath(`项目自评.${format}`);
    writeFileSync(file, Buffer.from(f.base64, 'base64'));
    return { file, fileName: f.fileName };
  };
  const y = projectEvalYear(app.db, 1);
  const grids = y.projects.map((p) => buildProjectEvalGrid(p, y.rules, y.year));
  return { api, write, grids };
}

describe('项目支出绩效自评表 exports', () => {
  it('PDF: one table per page with the execution figures, totals and grade; a draft says 草稿 in the footer', async () => {
    const { write } = await exampleFiles();
    const { file, fileName } = await write('pdf');
    expect(fileName).toBe('2021年度项目支出绩效自评表（草稿）.pdf');
    expect(pageCount(file)).toBe(3);
    // The layout text, one table row per line with its whitespace collapsed, as a reader sees it.
    const pages = [1, 2, 3].map((p) => layoutText(file, p));
    const expected = [
      ['城市运行指挥平台运行维护', '年度资金总额 300.00 330.00 300.50 10.00 91.06% 9.11', '99.11'],
      ['12345热线工单处置保障', '年度资金总额 160.00 200.25 120.66 10.00 60.25% 6.03', '96.03'],
      ['海防管控工作经费', '年度资金总额 104.08 114.08 70.55 10.00 61.84% 6.18', '96.18'],
    ];
    pages.forEach((text, i) => {
      const [name, fundRow, total] = expected[i]!;
      expect(text).toContain('项目支出绩效自评表');
      expect(text).toContain(name!);
      expect(text).toContain(fundRow!);
      expect(text).toContain(`总分 100.00 ${total}`);
      expect(text).toMatch(/评价等次：\n(.*\n)?优/);
      expect(text).toContain('草稿');
    });
    expect(pages[0]).toContain('≤4小时 2.5小时 56.25 56.25');
    expect(pages[1]).toContain('≥90% 96.2% 15.00 15.00');
  });

  it('PDF: no figure is split across lines (330.00, 91.06% each print whole)', async () => {
    const { write, grids } = await exampleFiles();
    const { file } = await write('pdf');
    expect(grids.flatMap(gridFigures)).toEqual(expect.arrayContaining(['330.00', '91.06%', '300.50', '100.00', '99.11']));
    expect(brokenFigures(grids, layoutTokens(file))).toEqual([]);
  });

  it('Excel: one sheet per project with live formulas for rates, scores, total and grade (results cached)', async () => {
    const { write } = await exampleFiles();
    const { file } = await write('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['城市运行指挥平台运行维护', '12345热线工单处置保障', '海防管控工作经费']);
    const ws = wb.worksheets[0]!;
    // Row 4 is the first grid row; the fund header is grid row 2, 年度资金总额 grid row 3 → sheet row 7.
    expect(ws.getCell('H7').value).toMatchObject({ formula: 'IF(E7=0,"",F7/E7)' });
    expect(ws.getCell('I7').value).toMatchObject({ formula: 'IF(E7=0,"",ROUND(MIN(F7/E7,1)*G7,2))', result: 9.11 });
    const totalRow = ws.getColumn(1).values.indexOf('总分');
    expect(ws.getCell(`H${totalRow}`).value).toMatchObject({ result: 99.11 });
    expect((ws.getCell(`H${totalRow}`).value as { formula: string }).formula).toBe(`I7+SUM(H14:H15)`);
    expect(ws.getCell(`I${totalRow}`).value).toMatchObject({ result: '评价等次：优' });
    // A4 landscape, one page wide: fitted to it, the 10.5 pt cell text still prints at 9 pt or more.
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      const widths = sheet.columns.map((c) => c.width ?? 8.43);
      expect(printScale(widths, 'landscape') * CELL_PT).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
      // Column A holds its row headings on one line: "项目资金（万元）" no longer wraps before its "）".
      expect(widths[0]).toBeGreaterThanOrEqual(displayWidth('项目资金（万元）') + 1);
      expect(sheet.headerFooter.oddHeader).toContain('广州市番禺区人民政府办公室 2021年度');
      expect(sheet.headerFooter.oddHeader).toContain('草稿');
    }
  });

  it.skipIf(!hasSoffice)('Excel recalculated by LibreOffice gives the same figures (skipped without soffice)', async () => {
    const { write } = await exampleFiles();
    const { file } = await write('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    clearCachedResults(wb);
    const bare = join(dirname(file), 'bare.xlsx');
    await wb.xlsx.writeFile(bare);
    const pdf = sofficePdf(bare);
    // Printed as planned: each project's table on one A4 landscape page.
    expect(pageCount(pdf)).toBe(3);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const text = layoutText(pdf);
    for (const s of [
      '年度资金总额 300.00 330.00 300.50 10.00 91.06% 9.11',
      '年度资金总额 160.00 200.25 120.66 10.00 60.25% 6.03',
      '年度资金总额 104.08 114.08 70.55 10.00 61.84% 6.18',
      '总分 100.00 99.11 评价等次：优',
      '总分 100.00 96.03 评价等次：优',
      '总分 100.00 96.18 评价等次：优',
    ]) {
      expect(text).toContain(s);
    }
  });

  it.skipIf(!hasSoffice)('Word printed by LibreOffice splits no figure across lines (skipped without soffice)', async () => {
    const { write, grids } = await exampleFiles();
    const { file } = await write('docx');
    const pdf = sofficePdf(file);
    expect(pageCount(pdf)).toBe(3);
    expect(brokenFigures(grids, layoutTokens(pdf))).toEqual([]);
  });

  it('Word: every project’s table, with its figures', async () => {
    const { write } = await exampleFiles();
    const { file } = await write('docx');
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    for (const s of ['项目支出绩效自评表', '城市运行指挥平台运行维护', '91.06%', '9.11', '99.11', '评价等次：优', '海防管控工作经费', '96.18']) expect(xml).toContain(s);
    expect(xml.match(/w:pageBreakBefore/g)).toHaveLength(2);
    expect(existsSync(file) && readFileSync(file).length > 0).toBe(true);
  });
});
