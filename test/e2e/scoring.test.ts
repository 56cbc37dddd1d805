import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPath } from '../integration/temp-db.ts';
import { launchBrowser, loadExample, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

describe('browser mode: score sheet follows the year’s work', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('drops the score and rewrites the 自评综述 when a key task misses its target', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);

    await navigate(page, '绩效评分');
    await page.getByTestId('score-total').getByText('94.21').waitFor();
    const before = await page.getByTestId('self-eval-summary').textContent();
    expect(before).toContain('2021 年度我办部门整体支出绩效自评分数为 94.21 分');
    expect(before).toContain('分别扣 0.74 分和 0.05 分');
    expect(before).toContain('本项得满分');
    await screenshot(page, '10-scoring-example');

    // The year's framework leaves as a JSON file and comes back in unchanged, inputs kept.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出指标体系' }).click()]);
    const frameworkJson = tempPath('framework.json');
    await download.saveAs(frameworkJson);
    expect(JSON.parse(readFileSync(frameworkJson, 'utf8')).name).toContain('指标体系');
    await page.getByTestId('framework-file').setInputFiles(frameworkJson);
    await page.getByText('已导入指标体系').waitFor();
    await page.getByTestId('score-total').getByText('94.21').waitFor();

    // The hotline task gets a target of 25 万宗 against its actual 23.36 万宗: no longer complete.
    await navigate(page, '年度工作');
    await page.getByTestId('measure-hotline_orders').click();
    await page.getByRole('dialog').getByLabel('目标值').fill('25');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').first().waitFor();
    await page.getByTestId('measure-hotline_orders').getByText('目标 25').waitFor();

    await navigate(page, '绩效评分');
    await page.getByTestId('score-total').getByText('90.88').waitFor();
    expect(await page.getByTestId('score-2.1.1').textContent()).toContain('26.67');
    const after = await page.getByTestId('self-eval-summary').textContent();
    expect(after).toContain('自评分数为 90.88 分');
    expect(after).not.toContain('本项得满分');
    expect(after).toContain('重点工作任务完成率');
    await screenshot(page, '11-scoring-after-task-change');

    // The change is in the year's history with who/when/before/after, and can be undone there.
    await navigate(page, '备份与设置');
    const latest = page.getByTestId('history-list').locator('.history-item').first();
    await latest.getByText('目标值：（空） → 25').waitFor();
    await page.getByTestId('backup-now').click();
    await page.getByText(/已备份：.*manual\.db/).waitFor();
    await page.getByTestId('backup-list').getByText('手动').first().waitFor();
    await screenshot(page, '12-history');
    await latest.getByRole('button', { name: '撤销' }).click();
    await page.getByText('已撤销').waitFor();
    await navigate(page, '绩效评分');
    await page.getByTestId('score-total').getByText('94.21').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });

  it('refuses, inside the dialog, a score above full and one below full without a reason', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);
    await navigate(page, '绩效评分');
    await page.getByTestId('score-total').getByText('94.21').waitFor();

    await page.getByRole('row').filter({ has: page.getByTestId('score-1.1.3') }).getByRole('button', { name: '填报' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('score-basis').fill('');
    await dialog.getByTestId('score-chosen').fill('2.5');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('得分不能超过 2 分').waitFor();
    // Not clamped: the typed figure stays for the user to correct.
    expect(await dialog.getByTestId('score-chosen').inputValue()).toBe('2.50');

    await dialog.getByTestId('score-chosen').fill('1.9');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('得分低于满分，请填写扣分原因').waitFor();
    await screenshot(page, '13-score-dialog-refuses');
    expect(await page.getByText('已保存，得分已重新计算').count()).toBe(0);

    await dialog.getByTestId('score-basis').fill('个别支出凭证附件不全，已整改。');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存，得分已重新计算').waitFor();
    await page.getByTestId('score-total').getByText('94.11').waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
