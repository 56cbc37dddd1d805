import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { countyBureauYear } from '../fixtures/year-files/county-bureau.ts';
import { tempPath } from '../integration/temp-db.ts';
import { launchBrowser, loadExample, navigate, openApp, SCREENSHOT_DIR, screenshot, startApp, tempDataFile } from './harness.ts';

/** Widths of the card toolbar's items around `button`: a hidden file input inside it would show as an empty item taking a gap. */
async function toolbarItemWidths(button: Locator): Promise<number[]> {
  return button.evaluate((b) => [...b.closest('.ant-card-extra')!.querySelectorAll('.ant-space-item')].map((i) => i.getBoundingClientRect().width));
}

async function writeXlsx(file: string, sheet: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

describe('browser mode: 科目代码 and 政府采购 import at 1366×768', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports an office code list, lists codes with their source, and adds a name by hand', { timeout: 240_000 }, async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadExample(page);
    await navigate(page, '科目代码');
    const table = page.getByTestId('codes-table');
    await table.getByText('基本工资', { exact: true }).waitFor();
    const codeItems = await toolbarItemWidths(page.getByTestId('codes-import'));
    expect(codeItems).toHaveLength(3);
    expect(codeItems.every((w) => w > 0)).toBe(true);

    const csv = tempPath('科目表.csv');
    writeFileSync(csv, iconv.encode('2021年科目表\r\n科目编码,科目名称\r\n1001,库存现金\r\n2010601,行政运行（财政）\r\n2350101,应急管理行政运行\r\n', 'gbk'));
    await page.getByTestId('codes-file').setInputFiles(csv);
    const result = page.getByTestId('codes-import-result');
    await result.getByText('新增 2 个').waitFor();
    await result.getByText('第 3 行的编码 1001 不是支出功能分类或经济分类编码，已跳过').waitFor();

    await page.getByPlaceholder('按编码开头或名称查找').fill('235');
    const row = table.locator('tr', { hasText: '2350101' });
    await row.getByText('应急管理行政运行').waitFor();
    await row.getByText('导入的科目表').waitFor();
    await screenshot(page, '70-codes-import-1366x768');

    await page.getByPlaceholder('按编码开头或名称查找').fill('');
    await page.getByTestId('codes-add').click();
    const form = page.getByTestId('code-name-form');
    // The kind follows from the code typed (3… is 经济分类).
    await form.getByLabel('科目编码').fill('30298');
    await form.getByText('部门预算支出经济分类').waitFor();
    await form.getByLabel('科目名称').fill('本单位其他商品服务');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存：30298 本单位其他商品服务').waitFor();
    await page.getByPlaceholder('按编码开头或名称查找').fill('30298');
    await table.locator('tr', { hasText: '30298' }).getByText('手工填写').waitFor();
    await screenshot(page, '71-codes-manual-1366x768');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });

  it('a 提示 about an unnamed code leads to the 科目代码 page with the code filled in; once named, it is gone', { timeout: 240_000 }, async () => {
    const doc = tempPath('bureau.json');
    writeFileSync(doc, JSON.stringify(countyBureauYear()));
    const file = tempDataFile();
    const quiet = { stdout: () => {}, stderr: () => {} };
    expect(await runCli(['import-year', '--db', file, '--from', doc, '--new-file'], quiet)).toBe(0);
    const app = await startApp(file);
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await navigate(page, '预算执行');
    const finding = page.locator('[data-testid="finding-codes.unlisted"][data-subject="func:2010601"]');
    const group = page.getByText('分类编码不在科目表中').first();
    await group.waitFor();
    if (!(await finding.isVisible())) await group.click();
    await finding.getByTestId('finding-jump').getByText('填写名称').click();

    const form = page.getByTestId('code-name-form');
    await form.waitFor();
    expect(await form.getByLabel('科目编码').inputValue()).toBe('2010601');
    await form.getByText('支出功能分类').waitFor();
    await form.getByLabel('科目名称').fill('行政运行');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/74-codes-from-finding-1366x768.png` });
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存：2010601 行政运行').waitFor();
    await page.getByTestId('codes-table').locator('tr', { hasText: '2010601' }).getByText('手工填写').waitFor();

    await navigate(page, '预算执行');
    await page.getByText('分类编码不在科目表中').first().waitFor();
    await expect.poll(() => finding.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });

  it('imports 政府采购 items from a sheet, and shows a bad cell with its place', { timeout: 240_000 }, async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadExample(page);
    await navigate(page, '政府采购');
    const rate = page.getByTestId('procurement-rate');
    await rate.getByText('97.50%', { exact: true }).waitFor();

    const bad = await writeXlsx(tempPath('采购有误.xlsx'), '采购', [
      ['采购项目名称', '采购类别', '政府采购预算（元）', '实际采购金额（元）'],
      ['办公设备', '货物', 3_000_000, '二百九十万'],
    ]);
    const procurementItems = await toolbarItemWidths(page.getByTestId('procurement-import'));
    expect(procurementItems).toHaveLength(3);
    expect(procurementItems.every((w) => w > 0)).toBe(true);
    await page.getByTestId('procurement-file').setInputFiles(bad);
    await page.getByTestId('procurement-import-error').getByText('工作表“采购”第 2 行 D 列（实际采购金额（元））：不是有效的金额').waitFor();
    await rate.getByText('97.50%', { exact: true }).waitFor();
    await screenshot(page, '72-procurement-import-error-1366x768');

    const good = await writeXlsx(tempPath('采购.xlsx'), '采购', [
      ['采购项目名称', '采购类别', '政府采购预算（元）', '实际采购金额（元）', '备注'],
      ['办公设备', '货物', 3_000_000, 2_960_000, ''],
      ['物业服务', '服务', 2_000_000, 1_840_000, '按合同'],
    ]);
    await page.getByTestId('procurement-file').setInputFiles(good);
    await page.getByText('已从“采购.xlsx”导入 2 个采购项目').waitFor();
    await page.getByTestId('procurement-items').getByText('物业服务').waitFor();
    await rate.getByText('96.00%', { exact: true }).waitFor();
    await screenshot(page, '73-procurement-imported-1366x768');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
