import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadExample, navigate, openApp, SCREENSHOT_DIR, startApp, tempDataFile } from './harness.ts';

describe('browser mode: the signature block options', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('turns printed names off and keeps the choice for the year', { timeout: 180_000 }, async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);
    await navigate(page, '报告');
    const box = page.getByTestId('signature-print-names');
    await box.waitFor();
    // The example office prints its people's names (the form fills in once the year's block arrives).
    await expect.poll(() => box.isChecked()).toBe(true);
    await box.uncheck();
    await page.getByTestId('signature-save').click();
    await page.getByText('签章信息已保存').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '23-report-signature-1366x768.png') });

    await page.reload();
    await navigate(page, '报告');
    // Loaded from the saved block: unticked. The filled-in 盖章单位 shows the block has arrived.
    await page.getByRole('textbox', { name: '盖章单位' }).and(page.locator('[value="广州市番禺区人民政府办公室"]')).waitFor();
    expect(await page.getByTestId('signature-print-names').isChecked()).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
