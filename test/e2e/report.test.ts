import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadExample, navigate, openApp, screenshot, SCREENSHOT_DIR, startApp, tempDataFile } from './harness.ts';

describe('browser mode: the report page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('flags a contradicting figure, previews and exports the PDF, finalizes and reopens', { timeout: 240_000 }, async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);
    await navigate(page, '报告');
    await page.getByTestId('section-budget_paragraph').waitFor();
    expect(await page.getByTestId('section-budget_paragraph').inputValue()).toBe(
      '本年度财政下达预算收入指标 3982.33 万元，均为一般公共预算财政拨款收入。全年支出 3752.63 万元，部门预算完成率为 94.23%。按支出分类：基本支出 3260.92 万元，占 86.90%；项目支出 491.71 万元，占 13.10%。',
    );

    // A typed figure that contradicts the data is flagged with both values and blocks finalizing.
    const problemsBox = page.getByTestId('section-problems');
    await problemsBox.fill('本年度部门预算完成率为 90.00%，仍有提升空间。');
    await page.getByTestId('save-problems').click();
    await page.getByText('已保存').first().waitFor();
    const findings = page.getByTestId('report-findings');
    await findings.getByRole('cell', { name: '94.23%', exact: true }).first().waitFor();
    expect(await findings.textContent()).toContain('90.00%');
    expect(await page.getByTestId('report-finalize').isDisabled()).toBe(true);
    await screenshot(page, '20-report-finding');
    await problemsBox.fill('本年度部门预算完成率为 {{budget.execution_rate}}，仍有提升空间。');
    // Each reference in the text shows its current value under the editor, while typing.
    const refs = page.getByTestId('refs-problems');
    await refs.locator('li[data-key="budget.execution_rate"]').getByText('94.23%').waitFor();
    await page.getByTestId('save-problems').click();
    await page.getByTestId('report-findings').waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await refs.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '20a-report-reference-values-1366x768.png') });

    // 预览 opens over the page where the user is, not below the last section.
    await page.getByTestId('report-preview').click();
    const dialog = page.getByRole('dialog', { name: '报告预览（与导出的 PDF 完全相同）' });
    await dialog.locator('[data-testid="pdf-preview"] canvas').nth(4).waitFor({ timeout: 60_000 });
    const box = await dialog.locator('[data-testid="pdf-preview"] canvas').first().boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(768);
    await page.screenshot({ path: join(SCREENSHOT_DIR, '21-report-preview-1366x768.png') });
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'hidden' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    expect(download.suggestedFilename()).toBe('广州市番禺区人民政府办公室2021年度部门整体支出绩效自评报告（草稿）.pdf');
    const saved = join(SCREENSHOT_DIR, 'exported-report.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByTestId('report-finalize').click();
    await page.getByRole('dialog').getByRole('button', { name: '定稿' }).click();
    await page.getByText('已定稿，文件校验值').waitFor();
    // PDF, Excel and Word are stored; 导出 now hands out the stored PDF under its 定稿 name.
    await page.getByText('下载原件').nth(2).waitFor();
    const [finalDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    expect(finalDownload.suggestedFilename()).toBe('广州市番禺区人民政府办公室2021年度部门整体支出绩效自评报告（定稿）.pdf');
    expect(await page.getByTestId('section-problems').isDisabled()).toBe(true);
    await screenshot(page, '22-report-final');

    await page.getByTestId('report-reopen').click();
    await page.getByTestId('reopen-reason').fill('补充审核说明');
    await page.getByRole('dialog').getByRole('button', { name: '重新打开' }).click();
    await page.getByText('已重新打开，可以修改数据').waitFor();
    await page.getByText('已重新打开：补充审核说明').first().waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
