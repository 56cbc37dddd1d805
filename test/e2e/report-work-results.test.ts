import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadExample, navigate, openApp, SCREENSHOT_DIR, startApp, tempDataFile } from './harness.ts';

describe('browser mode: 主要工作情况及成效 from the data, and unwritten sections in 审核', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('生成 fills an area’s text from its tasks (asking before replacing), saves it; an emptied section is a 强制 finding that leads back to it', { timeout: 240_000 }, async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadExample(page);
    await navigate(page, '报告');

    const card = page.getByTestId('section-card-work_results');
    const area = card.locator('[data-testid^="work-results-"]').filter({ hasText: '参谋辅政' }).first();
    const text = area.getByTestId('work-results-text');
    await text.waitFor();
    const before = await text.inputValue();
    expect(before).toBe('办文办会、督查督办、综合文稿和政务公开四项工作全年按计划完成。');

    // The area already has text: 生成 asks first; 取消 keeps it.
    await area.getByTestId('work-results-generate').click();
    await page.locator('.ant-modal-confirm-title').getByText('用生成的文字替换“参谋辅政”现有内容？').waitFor();
    await page.getByRole('button', { name: '取 消' }).or(page.getByRole('button', { name: '取消' })).first().click();
    expect(await text.inputValue()).toBe(before);
    await area.getByTestId('work-results-generate').click();
    await page.getByRole('button', { name: '替 换' }).or(page.getByRole('button', { name: '替换' })).first().click();
    await expect.poll(() => text.inputValue()).toMatch(/^我办围绕参谋辅政确定重点工作任务四项，均已完成。办文办会：收编号文件\{\{measure\.docs_received\}\}份/);
    // The references the text uses show their current figures under the editor.
    await area.getByText('21609').first().waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '45-report-work-results.png') });
    await area.getByTestId('work-results-save').click();
    await page.getByText('已保存').first().waitFor();
    expect(await area.getByTestId('work-results-save').isDisabled()).toBe(true);

    // Empty 存在的主要问题: 审核 (on 预算执行) lists it as a 强制 finding; 去填写 opens it on the 报告 page.
    const problemsBox = page.getByTestId('section-problems');
    await problemsBox.fill('');
    await page.getByTestId('save-problems').click();
    await page.getByTestId('report-blockers').getByText(/存在的主要问题/).waitFor();
    await navigate(page, '预算执行');
    const finding = page.getByTestId('finding-report.unwritten').first();
    await finding.getByText('报告“存在的主要问题”尚未填写。').waitFor();
    await finding.getByTestId('finding-jump').click();
    await page.getByTestId('section-card-problems').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('section-problems');
    await page.screenshot({ path: join(SCREENSHOT_DIR, '46-report-jump-to-unwritten.png') });

    // The 项目支出绩效自评表 annex is not in the shipped outline; the outline editor offers it.
    const annexes = page.getByTestId('outline-annexes');
    await annexes.scrollIntoViewIfNeeded();
    expect(await annexes.innerText()).not.toContain('项目支出绩效自评表');
    await annexes.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('项目支出绩效自评表（每个项目一张）', { exact: true }).click();
    await annexes.getByText('项目支出绩效自评表（每个项目一张）').waitFor();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(SCREENSHOT_DIR, '47-outline-project-eval-annex.png') });
    await page.getByTestId('outline-save').click();
    await page.getByText('报告提纲已保存').waitFor();
    await navigate(page, '项目自评');
    await navigate(page, '报告');
    await page.getByTestId('outline-annexes').getByText('项目支出绩效自评表（每个项目一张）').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
