import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadExample, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

describe('browser mode: 政府采购', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('computes 政府采购执行率 from entered items, shows the formula, and scores it', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadExample(page);
    await navigate(page, '政府采购');
    const rate = page.getByTestId('procurement-rate');
    await rate.getByText('97.50%', { exact: true }).waitFor();
    await rate.getByText('= 390.00 ÷ 400.00 × 100% = 97.50%（万元）').waitFor();

    // Enter the year item by item: the totals become the items' sums.
    const add = async (name: string, planned: string, actual: string) => {
      await page.getByTestId('procurement-add').click();
      const form = page.getByTestId('procurement-form');
      await form.getByTestId('procurement-name').fill(name);
      await form.getByTestId('procurement-planned').fill(planned);
      await form.getByTestId('procurement-actual').fill(actual);
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
      await page.getByTestId('procurement-items').getByText(name).waitFor();
    };
    await add('办公设备', '300', '296');
    await add('物业服务', '200', '184');
    await rate.getByText('96.00%', { exact: true }).waitFor();
    await rate.getByText('= 480.00 ÷ 500.00 × 100% = 96.00%（万元）').waitFor();
    expect(await page.getByTestId('procurement-total-planned').isDisabled()).toBe(true);
    await screenshot(page, '58a-procurement-items-1366x768');

    // A negative amount is refused in the dialog.
    await page.getByTestId('procurement-add').click();
    await page.getByTestId('procurement-name').fill('错误示例');
    await page.getByTestId('procurement-planned').fill('-1');
    await page.getByTestId('procurement-actual').fill('0');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').getByText('政府采购预算不能为负数').waitFor();
    await screenshot(page, '58-procurement-1366x768');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    // The score sheet reads the same figures: 96% of 2 分 = 1.92.
    await navigate(page, '绩效评分');
    await page.getByTestId('score-1.2.1').getByText('1.92').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
