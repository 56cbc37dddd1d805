import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loadExample, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

const cell = (page: Page, row: number, col: string) => page.locator(`[data-row="${row}"][data-col="${col}"]`);
const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.dataset.row ?? '-'}:${el?.dataset.col ?? '-'}`;
  });
const gridRows = (page: Page) => page.getByTestId('budget-row');

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const MAIN = '广州市番禺区人民政府办公室（本级）';
// As copied from Excel: a header row, then three lines in the grid's column order. Amounts are in
// 万元 (the page's default input unit): full-width digits, a currency sign with grouping, a
// bracketed negative, and one cell that is not an amount.
const BLOCK = [
  ['单位', '资金来源', '支出类别', '项目名称', '功能分类编码', '功能分类名称', '经济分类编码', '经济分类名称', '年初预算', '调整数', '指标文号', '备注'],
  [MAIN, '一般公共预算', '公用经费', '', '2010301', '行政运行', '30202', '印刷费', '１２.５', '(0.50)', '', '粘贴测试一'],
  [MAIN, '一般公共预算', '项目支出', '应急值守保障', '2010399', '其他政府办公厅（室）及相关机构事务支出', '30227 委托业务费', '', '￥1,020.00', '0', '', '粘贴测试二'],
  [MAIN, '一般公共预算', '公用经费', '', '2010301', '行政运行', '30211', '差旅费', '12,34x.5', '', '', '粘贴测试三'],
]
  .map((r) => r.join('\t'))
  .join('\r\n');

describe('browser mode: 预算 grid', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('moves like a spreadsheet and turns a pasted Excel block into lines, holding back the bad one', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);
    await navigate(page, '预算');
    await page.getByTestId('category-totals').getByText('3982.33').waitFor();
    await gridRows(page).nth(11).waitFor();
    expect(await gridRows(page).count()).toBe(12);

    // 列设置: 支出类别 and 备注 are shown on request (and stay chosen); 资金来源 stays hidden.
    expect(await cell(page, 0, 'category').count()).toBe(0);
    await page.getByTestId('column-chooser-open').click();
    await page.getByTestId('column-chooser').getByText('支出类别').click();
    await page.getByTestId('column-chooser').getByText('备注').click();
    await cell(page, 0, 'category').waitFor();
    await page.keyboard.press('Escape');

    // Keyboard: Tab/Shift+Tab across, Enter down, arrows between cells, Tab wraps to the next row.
    await cell(page, 0, 'unit').click();
    await expect.poll(() => active(page)).toBe('0:unit');
    await page.keyboard.press('Tab');
    await expect.poll(() => active(page)).toBe('0:projectName');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => active(page)).toBe('0:unit');
    await page.keyboard.press('Enter');
    await expect.poll(() => active(page)).toBe('1:unit');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => active(page)).toBe('2:unit');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => active(page)).toBe('2:projectName');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => active(page)).toBe('1:projectName');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => active(page)).toBe('1:unit');
    await cell(page, 1, 'note').click();
    await page.keyboard.press('Tab');
    await expect.poll(() => active(page)).toBe('2:unit');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => active(page)).toBe('1:note');

    // Typing replaces the cell; the caret keeps Left/Right inside the text; Esc restores it.
    await cell(page, 3, 'econName').click();
    await page.keyboard.type('住房公积金（改）');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => active(page)).toBe('3:econName');
    await page.keyboard.press('Escape');
    await expect.poll(() => cell(page, 3, 'econName').inputValue()).toBe('住房公积金');
    await page.keyboard.press('Enter');
    await expect.poll(() => active(page)).toBe('4:econName');
    await expect.poll(() => gridRows(page).nth(3).getAttribute('data-status')).toBe('saved');

    // Paste a block: three new rows, the two good ones saved, the bad amount marked and held back.
    await cell(page, 4, 'econName').click();
    await paste(page, BLOCK);
    await gridRows(page).nth(14).waitFor();
    expect(await gridRows(page).count()).toBe(15);
    const [good1, good2, bad] = [gridRows(page).nth(12), gridRows(page).nth(13), gridRows(page).nth(14)];
    await page.getByText('其中 1 行有错误').waitFor();
    await expect.poll(() => good1.getAttribute('data-status')).toBe('saved');
    await expect.poll(() => good2.getAttribute('data-status')).toBe('saved');
    await expect.poll(() => bad.getAttribute('data-status')).toBe('error');
    expect(await bad.getAttribute('data-id')).toBe('');

    // Each cell went through the import normaliser.
    expect(await cell(page, 12, 'initial').inputValue()).toBe('12.50');
    expect(await cell(page, 12, 'adjustment').inputValue()).toBe('-0.50');
    expect(await cell(page, 13, 'initial').inputValue()).toBe('1020.00');
    expect(await cell(page, 13, 'econCode').inputValue()).toBe('30227');
    expect(await cell(page, 13, 'econName').inputValue()).toBe('委托业务费');
    expect(await cell(page, 13, 'category').inputValue()).toBe('项目支出');

    // The bad cell is red with its reason, has the cursor, and keeps what was pasted.
    const badCell = cell(page, 14, 'initial');
    expect(await badCell.getAttribute('aria-invalid')).toBe('true');
    expect(await badCell.getAttribute('data-error')).toContain('年初预算');
    expect(await badCell.inputValue()).toBe('12,34x.5');
    await expect.poll(() => active(page)).toBe('14:initial');
    expect(await cell(page, 14, 'note').inputValue()).toBe('粘贴测试三');
    await badCell.hover();
    await page.locator('.ant-tooltip').getByText('年初预算：').waitFor();
    await screenshot(page, '60-budget-grid-paste');

    // Only the two good rows reached the data file: 公用 +12.5 − 0.5, 项目 +1020 (万元).
    const totals = page.getByTestId('category-totals');
    await totals.getByText('5014.33').waitFor();
    expect(await totals.innerText()).toContain('433.50');
    expect(await totals.innerText()).toContain('1664.33');

    // Fixing the cell saves the row when Enter passes the last row.
    await badCell.fill('3.5');
    await page.keyboard.press('Enter');
    await totals.getByText('5017.83').waitFor();
    await expect.poll(() => bad.getAttribute('data-status')).toBe('saved');
    expect(await bad.getAttribute('data-id')).not.toBe('');

    // 审核 on 预算执行 flags the new lines as unspent; 定位 comes back here with the line marked.
    await navigate(page, '预算执行');
    await page.getByTestId('exec-budget-final').getByText('5017.83').waitFor();
    const unspent = page.getByTestId('finding-budget.unspent').filter({ hasText: '应急值守保障' });
    await unspent.getByTestId('finding-jump').click();
    await page.getByTestId('jump-clear').waitFor();
    const marked = page.locator('tr.row-highlight');
    await marked.first().waitFor();
    expect(await marked.count()).toBe(1);
    expect(await marked.locator('[data-col="projectName"]').inputValue()).toBe('应急值守保障');
    await expect.poll(() => active(page)).toBe('13:initial');

    // The lines are in the data file: they come back after leaving and reopening the page.
    await navigate(page, '支出明细');
    await navigate(page, '预算');
    await gridRows(page).nth(14).waitFor();
    expect(await cell(page, 13, 'projectName').inputValue()).toBe('应急值守保障');
    expect(await cell(page, 14, 'initial').inputValue()).toBe('3.50');

    // Add a row and fill it from the keyboard; Enter past the last row saves it. Then delete it.
    await page.getByTestId('line-add').click();
    await expect.poll(() => active(page)).toBe('15:unit');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => active(page)).toBe('15:category');
    await page.keyboard.type('公用经费');
    await page.keyboard.press('Tab');
    await page.keyboard.type('30216 培训费');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await totals.getByText('5019.83').waitFor();
    expect(await cell(page, 15, 'econCode').inputValue()).toBe('30216');
    expect(await cell(page, 15, 'econName').inputValue()).toBe('培训费');
    expect(await cell(page, 15, 'unit').inputValue()).toBe(MAIN);
    await gridRows(page).nth(15).getByTestId('row-delete').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title').getByText('删除第 16 行（30216 培训费）？').waitFor();
    await confirm.getByRole('button', { name: '删除' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await totals.getByText('5017.83').waitFor();
    expect(await gridRows(page).count()).toBe(15);

    // Amounts are typed in the chosen unit.
    await page.getByText('按元录入').click();
    await expect.poll(() => cell(page, 0, 'initial').inputValue()).toBe('8200000.00');
    await page.getByText('按万元录入').click();
    await expect.poll(() => cell(page, 0, 'initial').inputValue()).toBe('820.00');

    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });

  it('copies last year’s lines into a new year, which then compares with last year', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);
    await page.getByTestId('year-add').click();
    await page.getByTestId('year-input').fill('2022');
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    await page.getByText('已创建 2022 年度').waitFor();

    await navigate(page, '预算');
    await page.getByRole('heading', { name: '2022 年度预算' }).waitFor();
    expect(await gridRows(page).count()).toBe(0);
    await page.getByTestId('copy-last-year').click();
    await page.getByRole('dialog').getByText('年初预算先填上年调整后预算数').click();
    await page.getByRole('dialog').getByRole('button', { name: '开始复制' }).click();
    await page.getByText('已从 2021 年度复制 12 条预算指标').waitFor();
    await gridRows(page).nth(11).waitFor();
    expect(await gridRows(page).count()).toBe(12);
    expect(await cell(page, 0, 'initial').inputValue()).toBe('855.00');
    expect(await cell(page, 0, 'adjustment').inputValue()).toBe('0.00');
    expect(await cell(page, 9, 'projectName').inputValue()).toBe('城市运行指挥平台运行维护');
    const totals = page.getByTestId('category-totals');
    await totals.getByText('3982.33').first().waitFor();

    // Copying again adds nothing: every line is already there.
    await page.getByTestId('copy-last-year').click();
    await page.getByRole('dialog').getByRole('button', { name: '开始复制' }).click();
    await page.getByText('已从 2021 年度复制 0 条预算指标，12 条本年度已有相同指标').waitFor();
    expect(await gridRows(page).count()).toBe(12);

    // 预算执行 of 2022 puts last year's figures beside this year's.
    await navigate(page, '预算执行');
    await page.getByTestId('exec-budget-final').getByText('3982.33').waitFor();
    const table = page.getByTestId('table-funding');
    await table.getByRole('columnheader', { name: '上年支出' }).waitFor();
    const text = await table.innerText();
    expect(text).toContain('3752.63');
    expect(text).toContain('-3752.63');
    expect(text).toContain('-100.00%');
    await screenshot(page, '61-execution-compare-last-year');

    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });

  it('inserts a block pasted with Ctrl+V once, with the grid area (not a cell) clicked, at 1366×768', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await loadExample(page);
    await navigate(page, '预算');
    await page.getByTestId('category-totals').getByText('3982.33').waitFor();
    await gridRows(page).nth(11).waitFor();

    // At 1366 px the grid fits without scrolling sideways: 年初, 调整, 调整后, 执行率 and 操作 in view.
    const grid = page.getByTestId('budget-grid');
    expect(await grid.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, '62-budget-grid-fits-1366x768');

    // Click the grid's empty area below the rows: no cell has focus.
    const box = (await page.getByTestId('budget-grid').boundingBox())!;
    await page.mouse.click(box.x + box.width - 30, box.y + box.height - 8);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    const block = [1, 2, 3].map((n) => [MAIN, '', '一般公共预算', '公用经费', '2010301', '行政运行', '30202', '印刷费', String(n), '0', '', `整块粘贴${n}`].join('\t')).join('\r\n');
    await page.evaluate((t) => navigator.clipboard.writeText(t), block);
    await page.keyboard.press('Control+V');

    await page.getByText('已粘贴 3 行并保存').waitFor();
    await page.getByTestId('category-totals').getByText('3988.33').waitFor();
    await screenshot(page, '61-budget-grid-paste-once-1366x768');
    expect(await gridRows(page).count()).toBe(15);
    expect(await page.getByText('已粘贴 3 行并保存').count()).toBe(1);

    // One value with no cell focused has nowhere to go: a message, no new line.
    await page.mouse.click(box.x + box.width - 30, box.y + box.height - 8);
    await page.evaluate(() => navigator.clipboard.writeText('12.5'));
    await page.keyboard.press('Control+V');
    await page.getByText('要粘贴一个数值，请先点击要填写的单元格').waitFor();
    expect(await gridRows(page).count()).toBe(15);

    // 新增行 puts the cursor in the first column.
    await page.getByRole('button', { name: '新增行' }).click();
    await expect.poll(() => active(page)).toBe('15:unit');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
