import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, launchBrowser, loadExample, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

const EXAMPLE_PARAGRAPH =
  '本年度财政下达预算收入指标 3982.33 万元，均为一般公共预算财政拨款收入。全年支出 3752.63 万元，部门预算完成率为 94.23%。按支出分类：基本支出 3260.92 万元，占 86.90%；项目支出 491.71 万元，占 13.10%。';
// 调整数 of 30101 基本工资 raised from 35 to 135 万元: the final budget grows by 100 万元.
const EDITED_PARAGRAPH =
  '本年度财政下达预算收入指标 4082.33 万元，均为一般公共预算财政拨款收入。全年支出 3752.63 万元，部门预算完成率为 91.92%。按支出分类：基本支出 3260.92 万元，占 86.90%；项目支出 491.71 万元，占 13.10%。';

const figure = (page: Page, id: string) => page.getByTestId(id).locator('.figure-value');

describe('browser mode: 预算执行', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the example year, drills into figures, and follows budget, target and 出错说明 edits', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);

    await navigate(page, '预算执行');
    await figure(page, 'exec-budget-final').getByText('3982.33').waitFor();
    expect(await figure(page, 'exec-budget-initial').textContent()).toBe('3765.08');
    expect(await figure(page, 'exec-actual').textContent()).toBe('3752.63');
    expect(await figure(page, 'exec-rate').textContent()).toBe('94.23%');
    expect(await figure(page, 'exec-balance').textContent()).toBe('229.70');
    expect(await figure(page, 'exec-basic').textContent()).toBe('3260.92');
    expect(await figure(page, 'exec-project').textContent()).toBe('491.71');
    expect(await figure(page, 'exec-adjust-rate').textContent()).toBe('5.77%');
    await page.getByTestId('revenue-paragraph').getByText('本年度财政下达').waitFor();
    expect(await page.getByTestId('revenue-paragraph').textContent()).toBe(EXAMPLE_PARAGRAPH);

    // The 预算调整率 formula is on hover.
    await page.getByTestId('adjust-rate-label').hover();
    await page.getByTestId('adjust-rate-formula').waitFor();
    expect(await page.getByTestId('adjust-rate-formula').textContent()).toContain('217.25 ÷ 3765.08 × 100% = 5.77%');

    // Every chart has its table; the chart's accessible description carries the same figures.
    const fundingTable = page.getByTestId('table-funding');
    expect(await fundingTable.innerText()).toContain('一般公共预算财政拨款');
    await expect.poll(() => page.getByTestId('chart-funding').getAttribute('aria-label')).toContain('3982.33');
    // 审核 runs with the page: the example's four 提示 findings on quarterly progress and the one on
    // key tasks without targets are explained.
    await page.getByTestId('checks-advisory-count').getByText('提示 5（已说明 5）').waitFor();
    await screenshot(page, '50-execution-example');
    await page.getByRole('tab', { name: '按月份' }).click();
    await page.getByTestId('table-month').getByText('12 月').waitFor();
    await page.getByTestId('chart-month').locator('svg').waitFor();
    await page.getByRole('tab', { name: '按经济分类' }).click();
    await page.getByTestId('econ-level').getByText('款').click();
    await page.getByTestId('table-econ').getByText('30101 基本工资').waitFor();
    await page.getByTestId('chart-econ').locator('svg').waitFor();
    await screenshot(page, '51-execution-econ-items');
    await page.getByRole('tab', { name: '按资金来源' }).click();

    // One unit instead of the department.
    await chooseOption(page, page.getByTestId('exec-scope'), '番禺区政府办下属事业单位（示例）');
    await figure(page, 'exec-actual').getByText('629.39').waitFor();
    expect(await figure(page, 'exec-budget-final').textContent()).toBe('670.00');
    await chooseOption(page, page.getByTestId('exec-scope'), '部门整体（全部单位合并）');
    await figure(page, 'exec-actual').getByText('3752.63').waitFor();

    // Clicking a figure lists the transactions behind it.
    await page.getByTestId('exec-actual').click();
    await page.getByTestId('drill-summary').getByText('共 120 笔').waitFor();
    expect(await page.getByTestId('drill-summary').textContent()).toBe('共 120 笔，支出合计 37,526,300.00 元（3752.63 万元）');
    await page.getByTestId('drill-drawer').locator('.ant-table-row').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('drill-drawer').waitFor({ state: 'hidden' });

    // Raise one line's 调整数 on the 预算 page; 预算执行 follows.
    await navigate(page, '预算');
    const adjustment = page.locator('[data-row="0"][data-col="adjustment"]');
    await adjustment.click();
    expect(await adjustment.inputValue()).toBe('35.00');
    await page.keyboard.type('135');
    await page.keyboard.press('Enter');
    await page.getByTestId('category-totals').getByText('4082.33').waitFor();
    expect(await page.locator('[data-testid="budget-row"]').first().getAttribute('data-status')).toBe('saved');

    await navigate(page, '预算执行');
    await figure(page, 'exec-budget-final').getByText('4082.33').waitFor();
    expect(await figure(page, 'exec-rate').textContent()).toBe('91.92%');
    expect(await figure(page, 'exec-balance').textContent()).toBe('329.70');
    expect(await page.getByTestId('revenue-paragraph').textContent()).toBe(EDITED_PARAGRAPH);
    expect(await fundingTable.innerText()).toContain('4082.33');
    expect(await fundingTable.innerText()).toContain('91.92%');
    await expect.poll(() => page.getByTestId('chart-funding').getAttribute('aria-label')).toContain('4082.33');

    // A lower first-quarter target is saved and 审核 runs again: the first-quarter finding is gone.
    await page.getByRole('tab', { name: '按季度' }).click();
    await page.getByTestId('target-q1').fill('20');
    await page.getByTestId('targets-save').click();
    await page.getByText('季度进度目标已保存').waitFor();
    await page.getByTestId('checks-advisory-count').getByText('提示 4（已说明 4）').waitFor();
    expect(await page.getByTestId('table-quarter').innerText()).toContain('20.00%');

    // A 出错说明 is rewritten in place and stays with its finding after the re-run.
    const finding = page.getByTestId('finding-execution.progress').first();
    await finding.getByText('修改').click();
    await finding.getByTestId('explanation-input').fill('项目资金按合同节点在下半年集中支付。');
    await finding.getByTestId('explanation-save').click();
    await page.getByText('出错说明已保存').waitFor();
    await finding.getByTestId('explanation-text').getByText('项目资金按合同节点在下半年集中支付。').waitFor();
    await screenshot(page, '52-execution-after-edits');

    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
