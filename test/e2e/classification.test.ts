import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { tempPath } from '../integration/temp-db.ts';
import { chooseOption, launchBrowser, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

async function bankXlsx(file: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('交易明细');
  ws.addRow(['交易日期', '摘要', '对方户名', '支出金额', '收入金额']);
  for (const r of rows) ws.addRow(r);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

describe('browser mode: classifying bank rows at 1366×768', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the matching rule in the import preview, and sets codes on ticked 未分类 rows at once', { timeout: 300_000 }, async () => {
    const file = tempDataFile();
    const quiet = { stdout: () => {}, stderr: () => {} };
    const rules = tempPath('rules.json');
    writeFileSync(rules, JSON.stringify({ rules: [{ when: { field: 'summary', contains: '工资' }, set: { econCode: '30101' } }] }));
    expect(await runCli(['rules', 'import', '--db', file, '--from', rules], quiet)).toBe(0);
    const first = await bankXlsx(tempPath('一月流水.xlsx'), [['2023-01-10', '发放1月工资', '本单位职工', 1000, null]]);
    expect(await runCli(['import', first, '--db', file, '--year', '2023', '--into', 'ledger'], quiet)).toBe(0);

    const app = await startApp(file);
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });

    // The preview says which rule classified a row, and which rows stay 未分类.
    const second = await bankXlsx(tempPath('二月流水.xlsx'), [
      ['2023-02-10', '发放2月工资', '本单位职工', 1200, null],
      ['2023-02-12', '购买办公用品', '某某文具店', 88.5, null],
      ['2023-02-15', '信息系统运维服务费', '某某科技有限公司', 3000, null],
    ]);
    await navigate(page, '导入数据');
    await page.getByTestId('import-file').setInputFiles(second);
    const preview = page.getByTestId('preview-rows');
    await preview.getByTestId('preview-rule').getByText('规则 1：摘要包含“工资” → 经济分类 30101').waitFor();
    expect(await preview.getByTestId('preview-unclassified').count()).toBe(2);
    await page.getByTestId('preview-rows').scrollIntoViewIfNeeded();
    await screenshot(page, '80-import-preview-rules-1366x768');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();

    // 支出明细, filtered to 未分类: tick all, set 经济分类 30201 in one go.
    await navigate(page, '支出明细');
    const grid = page.getByTestId('ledger-grid');
    await grid.getByText('信息系统运维服务费').waitFor();
    // 未关联: the 未分类 rows are listed apart, to be classified — never linked to one line together.
    await page.getByTestId('unmatched-open').click();
    const section = page.getByTestId('unmatched-section').filter({ hasText: '未分类支出（先分类，再关联）' });
    await section.getByText('2 笔，3,088.50 元').waitFor();
    expect(await section.getByRole('button', { name: '全部关联' }).count()).toBe(0);
    await screenshot(page, '84-unmatched-by-suggestion-1366x768');
    await section.getByTestId('unmatched-show').click();
    await page.getByTestId('ledger-summary').getByText('共 2 笔').waitFor();
    await grid.getByText('购买办公用品').waitFor();
    await page.getByTestId('txn-check-all').check();
    await page.getByTestId('classify-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('批量分类：已选 2 条').waitFor();
    await page.getByTestId('classify-econ').fill('30201');
    await screenshot(page, '81-ledger-classify-1366x768');
    await dialog.getByRole('button', { name: '设置' }).click();
    await page.getByText('已设置 2 条支出记录的分类').waitFor();
    await page.getByTestId('ledger-summary').getByText('共 0 笔').waitFor();

    await page.getByTestId('filter-clear').click();
    await chooseOption(page, page.getByTestId('filter-category'), '基本支出·公用经费');
    await grid.getByText('信息系统运维服务费').waitFor();
    await grid.getByText('购买办公用品').waitFor();
    await screenshot(page, '82-ledger-classified-1366x768');

    // The rules drawer lists the saved rule, editable.
    await page.getByTestId('rules-open').click();
    const pattern = page.getByTestId('rule-pattern');
    await expect.poll(() => pattern.first().inputValue()).toBe('工资');
    await screenshot(page, '83-rules-drawer-1366x768');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
