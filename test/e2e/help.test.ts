import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPath } from '../integration/temp-db.ts';
import { launchBrowser, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

describe('browser mode: 使用说明', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the year in order, names the data file and hands out the blank templates', async () => {
    const dataFile = tempDataFile();
    const app = await startApp(dataFile);
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await navigate(page, '使用说明');
    await page.getByText('一年的工作顺序').waitFor();
    expect(await page.getByTestId('help-data-file').textContent()).toBe(app.dataFile);
    await screenshot(page, '03-help-1366x768');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-budget').click()]);
    expect(download.suggestedFilename()).toBe('预算指标导入模板.xlsx');
    const file = tempPath('budget-template.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as never);
    expect(wb.worksheets[0]!.getRow(1).getCell(8).value).toBe('年初预算（元）');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
