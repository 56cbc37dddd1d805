import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cashBook, nothingImportable, writeOtherLedger } from '../fixtures/spreadsheets/other-ledgers.ts';
import { tempPath } from '../integration/temp-db.ts';
import { launchBrowser, loadExample, navigate, openApp, SCREENSHOT_DIR, screenshot, startApp, tempDataFile } from './harness.ts';

describe('browser mode: import wizard, ledgers of other finance software', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('states where the year comes from and how 借/贷 are read, reports checksum mismatches, and refuses an empty import', async () => {
    const wrong = writeOtherLedger(tempPath('银行存款日记账.xls'), cashBook({ wrongYearTotal: true }));
    const empty = writeOtherLedger(tempPath('日记账-2020.csv'), nothingImportable());
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadExample(page);

    await navigate(page, '导入数据');
    await page.getByTestId('import-file').setInputFiles(wrong);
    const yearLine = page.getByTestId('year-source');
    await yearLine.waitFor();
    expect(await yearLine.textContent()).toBe('年份：2021（取自标题“2021年度银行存款日记账”）');
    expect(await page.getByTestId('book-side').textContent()).toContain('借方 = 收入（存入），贷方 = 支出（付出）');
    const mismatch = page.getByTestId('total-mismatch');
    expect(await mismatch.textContent()).toContain('第 13 行“本年累计”与导入的各行之和不符');
    await yearLine.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '34-import-year-source.png') });
    await mismatch.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '35-import-total-mismatch.png') });

    await page.getByTestId('import-commit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('年份：2021（取自标题“2021年度银行存款日记账”）');
    expect(await result.getByTestId('total-mismatch').textContent()).toContain('第 13 行“本年累计”');
    expect(await result.textContent()).toContain('53,234.66');

    await page.getByTestId('import-file').setInputFiles(empty);
    const nothing = page.getByTestId('nothing-to-import');
    await nothing.waitFor();
    expect(await nothing.textContent()).toMatch(/没有一行可以导入.*第 4、5 行（A 列“日期”）：日期 2020-12-30 不在导入的 2021 年度内/);
    expect(await page.getByTestId('year-source').textContent()).toBe('年份：取自导入年度 2021');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await nothing.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '36-import-nothing-to-import.png') });
    await screenshot(page, '37-import-nothing-to-import-full');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
