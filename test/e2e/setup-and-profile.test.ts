import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadExample, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

describe('browser mode: first use, profile, restart', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a unit and a year, fills the profile, and finds everything after a restart', async () => {
    const dataFile = tempDataFile();
    let app = await startApp(dataFile);
    let { page, problems } = await openApp(browser, app);

    await page.getByTestId('load-example').waitFor();
    await screenshot(page, '01-empty');

    // A half-finished form is refused with a Chinese message, and nothing is lost.
    await page.getByTestId('department-save').click();
    await page.getByText('请填写部门名称').waitFor();
    await page.getByTestId('department-name').fill('某区人民政府办公室');
    await page.getByTestId('department-save').click();
    await page.getByText('部门信息已保存').waitFor();

    await page.getByTestId('unit-add').click();
    await page.getByTestId('unit-name').fill('某区人民政府办公室（本级）');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('单位已保存').waitFor();
    await page.getByRole('cell', { name: /某区人民政府办公室（本级）/ }).waitFor();

    await page.getByTestId('year-add').click();
    await page.getByTestId('year-input').fill('2022');
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    await page.getByText('已创建 2022 年度').waitFor();
    await screenshot(page, '02-units-years');

    await navigate(page, '部门概况');
    await page.getByTestId('duty-add').click();
    await page.getByTestId('duty-0').fill('负责区政府文电处理和会议组织。');
    await page.getByTestId('duty-add').click();
    // An empty duty is a half-finished form: saving is refused and says why.
    await page.getByTestId('profile-save').click();
    await page.getByText('职责内容不能为空，不需要请删除此条').waitFor();
    await page.getByTestId('duty-1').fill('督促检查重要工作部署的落实。');
    await page.getByTestId('office-add').click();
    await page.getByTestId('office-0').fill('秘书科');
    await page.getByTestId('office-add').click();
    await page.getByTestId('office-1').fill('人事行政科');
    await page.getByTestId('staff-authorized').fill('45');
    await page.getByTestId('overall-goal').fill('保障区政府高效运转。');
    await expect(page.getByTestId('org-sentence').innerText()).resolves.toContain('内设机构包括秘书科、人事行政科等 2 个科室');
    await page.getByTestId('profile-save').click();
    await page.getByText('部门概况已保存').waitFor();
    await screenshot(page, '03-profile-saved');

    await page.reload();
    await page.getByTestId('duty-1').waitFor();
    expect(await page.getByTestId('duty-0').inputValue()).toBe('负责区政府文电处理和会议组织。');

    // Close the app entirely and start it again on the same data file.
    await page.context().close();
    await app.close();
    app = await startApp(dataFile);
    ({ page, problems } = await openApp(browser, app));
    await navigate(page, '部门概况');
    await page.getByTestId('duty-1').waitFor();
    expect(await page.getByTestId('duty-0').inputValue()).toBe('负责区政府文电处理和会议组织。');
    expect(await page.getByTestId('duty-1').inputValue()).toBe('督促检查重要工作部署的落实。');
    expect(await page.getByTestId('office-1').inputValue()).toBe('人事行政科');
    expect(await page.getByTestId('staff-authorized').inputValue()).toBe('45');
    expect(await page.getByTestId('overall-goal').inputValue()).toBe('保障区政府高效运转。');
    await screenshot(page, '04-profile-after-restart');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });

  it('loads the example year and shows the seed totals on the budget page', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);
    await navigate(page, '预算');
    const totals = page.getByTestId('category-totals');
    await totals.getByText('3982.33').waitFor();
    const text = await totals.innerText();
    expect(text).toContain('3765.08');
    expect(text).toContain('217.25');
    expect(text).toContain('3752.63');
    expect(text).toContain('94.23%');
    await screenshot(page, '05-budget-example');
    await navigate(page, '年度工作');
    await page.getByTestId('measure-docs_received').waitFor();
    expect(await page.getByTestId('measure-docs_received').innerText()).toContain('21609');
    // A project's own indicator, added on the same page.
    await page.locator('[data-testid^="add-indicator-"]').first().click();
    await page.getByRole('dialog').getByLabel('指标名称').fill('平台可用率');
    await page.getByRole('dialog').getByLabel('指标值').fill('99');
    await page.getByRole('dialog').getByLabel('实际完成值').fill('99.6');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('项目指标已保存').waitFor();
    await page.getByRole('cell', { name: '平台可用率' }).waitFor();
    await screenshot(page, '06-work-example');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
