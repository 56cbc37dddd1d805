import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, startApp, tempDataFile } from './harness.ts';
import { SCREENSHOT_DIR } from './harness.ts';

describe('browser mode: the department\'s self-reference', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('suggests 我局/我中心 from the name, keeps a typed one across a reload, and falls back when cleared', async () => {
    const app = await startApp(tempDataFile());
    try {
      const { page, problems } = await openApp(browser, app);
      await page.setViewportSize({ width: 1366, height: 768 });
      const name = page.getByTestId('department-name');
      const self = page.getByTestId('department-self-name');
      await name.fill('某县财政局');
      await expect.poll(() => self.getAttribute('placeholder')).toBe('我局');
      await name.fill('某区融媒体中心');
      await expect.poll(() => self.getAttribute('placeholder')).toBe('我中心');
      await self.fill('我台');
      await page.getByTestId('department-save').click();
      await page.getByText('部门信息已保存').waitFor();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/department-self-name-1366x768.png` });

      await page.reload();
      await page.getByTestId('department-self-name').waitFor();
      // The form fills in once the department has loaded: poll rather than read once.
      await expect.poll(() => page.getByTestId('department-self-name').inputValue()).toBe('我台');
      await page.getByTestId('department-self-name').fill('');
      await page.getByTestId('department-save').click();
      await page.getByText('部门信息已保存').waitFor();
      await page.reload();
      await page.getByTestId('department-self-name').waitFor();
      await expect.poll(() => page.getByTestId('department-name').inputValue()).toBe('某区融媒体中心');
      await expect.poll(() => page.getByTestId('department-self-name').inputValue()).toBe('');
      await expect.poll(() => page.getByTestId('department-self-name').getAttribute('placeholder')).toBe('我中心');
      expect(problems).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
