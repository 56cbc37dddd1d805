import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, launchBrowser, loadExample, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';
import { writeHiddenRowsXlsx } from '../fixtures/spreadsheets/hidden-rows.ts';
import { tempPath } from '../integration/temp-db.ts';

/** A messy export: title, unit line in 万元, a header with one unusual name, month and year totals. */
async function writeMessyLedger(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支出明细');
  ws.addRow(['某区政府办公室 2021年 支出明细表']);
  ws.addRow(['编制单位：某区政府办公室', '', '', '', '金额单位：万元']);
  ws.addRow(['日期', '凭证号', '款项说明', '经济科目', '借方金额', '贷方金额']);
  ws.addRow(['2021-03-05', '记-101', '购置办公设备', '31002 办公设备购置', '12.50', '']);
  ws.addRow(['2021-03-18', '记-102', '会议场地租赁', '30214 租赁费', 3.25, null]);
  ws.addRow(['', '', '本月合计', '', 15.75, 0]);
  ws.addRow(['2021-04-02', '记-103', '印刷工作手册', '30202 印刷费', '1,000.0000', '']);
  ws.addRow(['', '', '本年累计', '', 1015.75, 0]);
  ws.addRow(['', '', '合计', '', 1015.75, 0]);
  await wb.xlsx.writeFile(path);
}

describe('browser mode: import wizard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports a messy sheet after one mapping fixed by hand, shows it in 预算执行, and undoes the batch', async () => {
    const file = tempPath('支出明细.xlsx');
    await writeMessyLedger(file);
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);

    await navigate(page, '导入数据');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('column-mapping').waitFor();
    // Detected: header row 3, unit 万元, totals rows skipped.
    await screenshot(page, '29-import-detected');
    expect(await page.getByTestId('header-row').inputValue()).toBe('3');
    expect(await page.getByTestId('amount-scale').textContent()).toContain('万元');
    const accounting = page.getByTestId('import-accounting');
    expect(await accounting.textContent()).toContain('导入3');
    // 款项说明 is not a known header name: map it to 摘要 by hand.
    await chooseOption(page, page.getByTestId('map-C'), '摘要/用途');
    await page.getByTestId('preview-rows').getByText('购置办公设备').waitFor();
    await screenshot(page, '30-import-preview');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toContain('10,157,500.00');
    await screenshot(page, '31-import-result');

    // 3752.63 + 1015.75 = 4768.38 万元 spent.
    await navigate(page, '预算执行');
    await page.getByText('4768.38').first().waitFor();

    await navigate(page, '导入数据');
    await page.locator('[data-testid^="undo-batch-"]').first().click();
    await page.getByRole('button', { name: '撤销' }).last().click();
    await page.getByText(/已撤销导入批次 \d+，删除 3 行/).waitFor();
    await navigate(page, '预算执行');
    await page.getByText('3752.63').first().waitFor();
    expect(await page.getByText('4768.38').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });

  it('marks hidden rows and hidden sheets in the preview and states how many were imported', async () => {
    const file = await writeHiddenRowsXlsx(tempPath('明细-隐藏.xlsx'));
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);

    await navigate(page, '导入数据');
    await page.getByTestId('import-file').setInputFiles(file);
    const rows = page.getByTestId('preview-rows');
    await rows.getByText('差旅费（隐藏行）').waitFor();
    // The visible sheet is chosen although a hidden one comes first in the file.
    expect(await page.getByTestId('sheet-select').textContent()).toBe('明细');
    expect(await rows.getByText('隐藏行', { exact: true }).count()).toBe(2);
    expect(await rows.locator('tr', { hasText: '差旅费' }).getByText('隐藏行', { exact: true }).count()).toBe(1);
    expect(await rows.locator('tr', { hasText: '水电费' }).getByText('隐藏行', { exact: true }).count()).toBe(0);
    expect(await page.getByTestId('hidden-rows-note').textContent()).toContain('其中 2 行在原表中为隐藏行');
    // Rows skipped without a label of their own (the header) are named by their kind.
    await page.getByText('第 1 行（表头行）、第 6 行（小计）').waitFor();
    await screenshot(page, '32-import-hidden-rows');

    await page.getByTestId('sheet-select').click();
    const options = page.locator('.ant-select-item-option');
    await options.filter({ hasText: '旧数据' }).getByText('隐藏工作表').waitFor();
    expect(await options.filter({ hasText: '草稿' }).getByText('隐藏工作表').count()).toBe(1);
    expect(await options.filter({ hasText: '明细' }).getByText('隐藏工作表').count()).toBe(0);
    await screenshot(page, '33-import-hidden-sheets');
    await page.keyboard.press('Escape');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').getByTestId('hidden-rows-note').textContent()).toContain('其中 2 行在原表中为隐藏行');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
