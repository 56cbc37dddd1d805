import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, launchBrowser, loadExample, navigate, openApp, SCREENSHOT_DIR, startApp, tempDataFile } from './harness.ts';

describe('browser mode: 项目自评', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the projects with their scores, shows one table per project, and asks for a 偏差原因 below full marks', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadExample(page);
    await navigate(page, '项目自评');

    const table = page.getByTestId('project-eval-table');
    await table.getByText('城市运行指挥平台运行维护').waitFor();
    expect(await page.getByTestId('project-eval-total').textContent()).toBe('总分 99.11 / 100　评价等次：优');
    expect(await table.textContent()).toContain('91.06% × 10 = 9.11 分');
    // Money comes from the ledger and budget: shown, not typeable.
    expect(await table.getByRole('row').filter({ hasText: '年度资金总额' }).locator('input').count()).toBe(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, '70-project-eval.png') });

    // 海防: little spent while every target is met → a 提示.
    await page.getByRole('row').filter({ hasText: '海防管控工作经费' }).first().click();
    await table.getByText('海防管控工作经费').waitFor();
    await page.getByTestId('project-eval-findings').getByText('请核实是预算编制偏大，还是绩效目标设定偏低').waitFor();

    // A 定性 indicator judged 部分达成 scores 70 % of its 分值 and needs a reason.
    await table.getByRole('button', { name: '添加指标' }).click();
    const dialog = page.getByRole('dialog');
    await chooseOption(page, dialog.getByLabel('一级指标'), '效益指标');
    await chooseOption(page, dialog.getByLabel('二级指标'), '社会效益指标');
    await dialog.getByLabel('三级指标').fill('沿海管控秩序');
    await dialog.getByText('定性', { exact: true }).click();
    await dialog.getByLabel('年度指标值').fill('管控秩序保持稳定');
    await chooseOption(page, dialog.getByLabel('完成档次'), '部分达成年度指标并具有一定效果（得分 70%）');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = table.getByRole('row').filter({ hasText: '沿海管控秩序' });
    await row.getByText('需填写').waitFor();
    // 效益 gets its 30 分 (no 满意度 indicator: 30 + 10 × 30/80 = 33.75), 70 % of it = 23.63.
    expect(await row.textContent()).toContain('33.7523.63');
    await page.getByTestId('project-eval-findings').getByText('指标“沿海管控秩序”得分 23.63 分，低于分值 33.75 分：请填写偏差原因分析及改进措施').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, '71-project-eval-reason-needed.png') });

    await row.getByRole('button', { name: '编辑' }).click();
    await dialog.getByLabel('偏差原因分析及改进措施').fill('个别岸段巡查力量不足；下年度增加联合巡查频次。');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('个别岸段巡查力量不足；下年度增加联合巡查频次。').waitFor();
    expect(await page.getByText('指标“沿海管控秩序”得分 23.63 分').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
