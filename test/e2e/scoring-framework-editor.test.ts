import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadExample, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

describe('browser mode: the year’s indicator framework editor', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses weights that do not add up, then saves the fixed tree and rescores', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);
    await navigate(page, '绩效评分');
    await page.getByTestId('score-total').getByText('94.21').waitFor();

    await page.getByRole('tab', { name: '指标体系' }).click();
    const editor = page.getByTestId('framework-editor');
    await editor.getByTestId('framework-table').waitFor();
    const save = editor.getByTestId('framework-save');
    expect(await save.isDisabled()).toBe(true); // nothing changed yet

    // 预算执行率 12.8 → 12: 资金管理's children now add up to 15.2, not 16.
    await editor.getByTestId('fw-weight-1.1.1').locator('input').fill('12');
    const issues = editor.getByTestId('framework-issues');
    await issues.getByText('指标 1.1（资金管理）的下级指标权重合计 15.2 分，与本级权重 16 分不一致').waitFor();
    await editor.getByTestId('fw-sum-1.1').getByText('15.2 ≠').waitFor();
    await editor.getByTestId('framework-changes').getByText('1.1.1 预算执行率：权重 12.8 分 → 12 分').waitFor();
    expect(await save.isDisabled()).toBe(true);
    await screenshot(page, '13-framework-editor-weights-off');

    // 预算调整率 1.2 → 2 restores the sum; the rule details are one click away.
    await editor.getByTestId('fw-weight-1.1.2').locator('input').fill('2');
    await editor.getByTestId('framework-ok').waitFor();
    expect(await issues.count()).toBe(0);
    await editor.getByTestId('fw-edit-1.1.2').click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '编辑指标：1.1.2' });
    expect(await drawer.getByTestId('rule-explainAbove').inputValue()).toBe('30');
    await screenshot(page, '14-framework-editor-indicator');
    await drawer.locator('.ant-drawer-close').click();

    await save.click();
    await page.getByText('指标体系已保存').waitFor();
    await page.getByRole('tab', { name: '评分表' }).click();
    await page.getByTestId('score-total').getByText('94.26').waitFor();
    expect(await page.getByTestId('score-1.1.1').textContent()).toContain('11.31');
    expect(await page.getByTestId('self-eval-summary').textContent()).toContain('预算执行率和政府采购执行率未达 100%，分别扣 0.69 分和 0.05 分');
    await screenshot(page, '15-scoring-after-framework-edit');

    // Removing a scored indicator: the save lists the score it would delete and asks first.
    await page.getByRole('tab', { name: '指标体系' }).click();
    await editor.getByTestId('fw-weight-1.4.1').locator('input').fill('4');
    const row142 = editor.getByTestId('framework-table').locator('tr').filter({ hasText: '1.4.2' });
    await row142.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '删除' }).click();
    await editor.getByTestId('framework-ok').waitFor();
    await save.click();
    const confirm = page.getByTestId('drop-confirm');
    await confirm.getByText('管理效能 / 资产管理 / 资产管理安全性（1.4.2）：指标被删除（或编号被修改）').waitFor();
    await screenshot(page, '16-framework-drop-confirm');
    await page.getByRole('button', { name: '删除这些评分并保存' }).click();
    await page.getByText('指标体系已保存').first().waitFor();
    await editor.getByText('已保存', { exact: true }).waitFor();
    expect(await editor.getByTestId('framework-table').locator('tr').filter({ hasText: '1.4.2' }).count()).toBe(0);

    // The edit is in the framework's history and can be undone there, scores included.
    await editor.getByRole('button', { name: '修改记录' }).click();
    const latest = page.getByTestId('history-list').locator('.history-item').first();
    await latest.getByRole('button', { name: '撤销' }).click();
    await page.getByText('已撤销').waitFor();
    await page.locator('.ant-drawer').filter({ hasText: '指标体系修改记录' }).locator('.ant-drawer-close').click();
    await editor.getByTestId('framework-table').locator('tr').filter({ hasText: '1.4.2' }).waitFor();
    await page.getByRole('tab', { name: '评分表' }).click();
    await page.getByTestId('score-total').getByText('94.26').waitFor();
    expect(await page.getByTestId('score-1.4.2').textContent()).toBe('2');

    // 恢复默认指标体系 loads the shipped framework into the draft; nothing changes until 保存.
    await page.getByRole('tab', { name: '指标体系' }).click();
    await editor.getByRole('button', { name: '恢复默认指标体系' }).click();
    const changes = editor.getByTestId('framework-changes');
    await changes.getByText('1.1.1 预算执行率：权重 12 分 → 12.8 分').waitFor();
    await changes.getByText('1.1.2 预算调整率：权重 2 分 → 1.2 分').waitFor();
    await editor.getByRole('button', { name: '放弃修改' }).click();
    await editor.getByText('已保存', { exact: true }).waitFor();
    expect(await changes.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
