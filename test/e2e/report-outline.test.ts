import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_OUTLINES } from '../../shared/report/shipped-outlines.ts';
import { launchBrowser, loadExample, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

/**
 * The outline editor's selects are actions (add content, reset, copy): they show no choice
 * afterwards, so the click is checked by what it does and repeated if the dropdown swallowed it.
 */
async function pickAction(page: Page, select: Locator, title: string, done: Locator): Promise<void> {
  const combo = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]').getByRole('combobox');
  for (let attempt = 1; attempt <= 4; attempt++) {
    if ((await combo.getAttribute('aria-expanded')) !== 'true') await select.click();
    const list = await combo.getAttribute('aria-controls');
    await page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) }).getByTitle(title, { exact: true }).click();
    try {
      await done.first().waitFor({ timeout: 3000 });
      return;
    } catch {
      // The click did nothing: try once more.
    }
  }
  throw new Error(`下拉框操作“${title}”未生效`);
}

describe('browser mode: the year’s report outline editor', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renames, reorders, adds an own section with its text, saves, and resets to a shipped outline', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);
    await navigate(page, '报告');
    const editor = page.getByTestId('outline-editor');
    await editor.getByText('默认提纲').waitFor();
    const headings = editor.getByTestId('outline-heading');
    const guangdong = SHIPPED_OUTLINES.guangdong.sections;
    expect(await headings.first().inputValue()).toBe(guangdong[0]!.heading);
    const save = editor.getByTestId('outline-save');
    expect(await save.isDisabled()).toBe(true);

    // Rename the first section, move the last one up, add an own section with its text.
    await headings.first().fill('部门基本情况');
    const rows = editor.getByTestId('outline-row');
    const count = await rows.count();
    await rows.nth(count - 1).getByTestId('outline-up').click();
    await rows.nth(count - 1).getByTestId('outline-add-sibling').click();
    const added = rows.nth(count);
    await added.getByTestId('outline-heading').fill('评价结果应用');
    await pickAction(page, added.getByTestId('outline-add-content'), '自定义文字', added.getByTestId('outline-text'));
    await added.getByTestId('outline-text').fill('自评结果用于改进下一年度的预算编制。');
    await editor.getByText('未保存').waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, '40-outline-editor');

    await save.click();
    await page.getByText('报告提纲已保存').waitFor();
    expect(await editor.getByText('默认提纲').count()).toBe(0);
    // The 报告 page's section titles follow the outline.
    await page.getByText(`三、${SHIPPED_OUTLINES.guangdong.sections[3]!.heading}`).first().waitFor();

    // Reset to the Hunan outline: its sections replace the edited ones.
    await pickAction(page, editor.getByTestId('outline-reset'), SHIPPED_OUTLINES.hunan.name, page.getByText('已恢复为内置提纲'));
    expect(await headings.first().inputValue()).toBe(SHIPPED_OUTLINES.hunan.sections[0]!.heading);
    await editor.scrollIntoViewIfNeeded();
    await screenshot(page, '41-outline-editor-hunan');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
