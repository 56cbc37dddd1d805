import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadExample, navigate, openApp, SCREENSHOT_DIR, startApp, tempDataFile } from './harness.ts';

// 报告 page: with 支出明细单独成册 ticked, 导出 Excel hands out two workbooks, the report without
// 支出明细 and 支出明细 on its own.

async function sheets(download: Download, name: string): Promise<string[]> {
  const file = join(SCREENSHOT_DIR, name);
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

describe('browser mode: Excel export with 支出明细 as its own workbook', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('downloads the report workbook and the 支出明细 workbook', { timeout: 180_000 }, async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadExample(page);
    await navigate(page, '报告');
    const box = page.getByTestId('xlsx-detail-separate');
    await box.waitFor();
    await box.click();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '23-report-xlsx-detail-separate-1366x768.png') });

    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('export-xlsx').click();
    await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(2);
    const [report, detail] = downloads as [Download, Download];
    expect(report.suggestedFilename()).toBe('广州市番禺区人民政府办公室2021年度部门整体支出绩效自评报告（草稿）.xlsx');
    expect(detail.suggestedFilename()).toBe('广州市番禺区人民政府办公室2021年度支出明细（草稿）.xlsx');
    const reportSheets = await sheets(report, 'exported-report-separate.xlsx');
    expect(reportSheets).toContain('预算执行情况表');
    expect(reportSheets).not.toContain('支出明细');
    expect(await sheets(detail, 'exported-detail.xlsx')).toEqual(['支出明细']);
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
