import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, launchBrowser, loadExample, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

describe('browser mode: project indicators', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('judges an indicator set to 反向 as met at or below its target', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);
    await navigate(page, '年度工作');

    const hotline = page.locator('[data-testid^="project-indicators-"]').filter({ hasText: '12345热线工单处置保障' });
    // The example's own 反向 indicator prints its target with ≤ and counts as met.
    const platform = page.locator('[data-testid^="project-indicators-"]').filter({ hasText: '城市运行指挥平台运行维护' });
    const repair = platform.getByRole('row').filter({ hasText: '平台故障平均修复时长' });
    await repair.getByText('≤4 小时').waitFor();
    expect(await repair.textContent()).toContain('是100.00%');

    // A new indicator is 正向 unless told otherwise: 12 days against 15 misses.
    await hotline.getByText('新增指标').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('指标名称').fill('工单办结时限');
    await dialog.getByLabel('计量单位').fill('个工作日');
    await dialog.getByLabel('指标值').fill('15');
    await dialog.getByLabel('实际完成值').fill('12');
    expect(await dialog.getByText('正向（越大越好，≥目标）').count()).toBe(1);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('项目指标已保存').first().waitFor();
    const row = hotline.getByRole('row').filter({ hasText: '工单办结时限' });
    await row.getByText('≥15 个工作日').waitFor();
    expect(await row.textContent()).toContain('否80.00%');

    // Set it to 反向: the same figures now meet the target.
    await row.getByText('编辑').click();
    await chooseOption(page, dialog.getByLabel('指标方向'), '反向（越小越好，≤目标）');
    await screenshot(page, '60-project-indicator-direction');
    await dialog.getByRole('button', { name: '保存' }).click();
    await row.getByText('≤15 个工作日').waitFor();
    expect(await row.textContent()).toContain('是100.00%');
    // The page as the user sees it once the dialog has faded out, not behind its closing mask.
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(page, '61-project-indicators-reverse');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
