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
    // The example office prints its people's names.
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await page.getByTestId('signature-save').click();
    await page.getByText('签章信息已保存').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '23-report-signature-1366x768.png') });

    await page.reload();
    await navigate(page, '报告');
    await page.getByTestId('signature-print-names').waitFor();
    expect(await page.getByTestId('signature-print-names').isChecked()).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
