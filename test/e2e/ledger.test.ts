import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../shared/api/client.ts';
import { openTestApp } from '../integration/temp-db.ts';
import { chooseOption, launchBrowser, loadExample, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

const summary = (page: Page) => page.getByTestId('ledger-summary');
const rows = (page: Page) => page.getByTestId('ledger-grid').getByTestId('grid-row');

const pick = (page: Page, testId: string, option: string) => chooseOption(page, page.getByTestId(testId), option);

const BIG = 100_000;

/**
 * A data file with the example year plus BIG transactions dated 2021-12-31 (after every example
 * row), voucher "P-000001" … in id order, so row n of the grid is known without asking the server.
 * Written with one prepared statement in one transaction (the ledger_rollup triggers still run):
 * through the service it would take far longer than the test.
 */
async function bigDataFile(): Promise<string> {
  const t = openTestApp(tempDataFile());
  const { yearId } = await createClient({ invoke: t.dispatch }).call('example.load', {});
  const unitId = (t.db.prepare('SELECT id FROM unit ORDER BY id LIMIT 1').get() as { id: number }).id;
  const insert = t.db.prepare(
    `INSERT INTO ledger_txn (year_id, unit_id, txn_date, voucher_no, summary, category, func_code, econ_code, direction, amount_fen)
     VALUES (?, ?, '2021-12-31', ?, ?, 'public', '2010301', '30299', 'out', ?)`,
  );
  t.db.transaction(() => {
    for (let i = 1; i <= BIG; i++) insert.run(yearId, unitId, `P-${String(i).padStart(6, '0')}`, `批量测试支出 ${i}`, 100 + (i % 1000));
  })();
  t.db.close();
  return t.file;
}

describe('browser mode: 支出明细', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters, adds, links, edits and deletes transactions, and opens from a 预算执行 drill-down', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);

    await navigate(page, '支出明细');
    await summary(page).getByText('共 120 笔，支出合计 37,526,300.00 元').waitFor();

    // Filters narrow the list: March has 9 monthly basic-spending rows and 3 project milestones.
    await pick(page, 'filter-month', '3 月');
    await summary(page).getByText('共 12 笔').waitFor();
    await pick(page, 'filter-category', '基本支出·人员经费');
    await summary(page).getByText('共 5 笔').waitFor();
    await pick(page, 'filter-category', '项目支出');
    await summary(page).getByText('共 3 笔').waitFor();
    await page.getByTestId('filter-text').fill('海防');
    await summary(page).getByText('共 1 笔').waitFor();
    expect(await rows(page).count()).toBe(1);
    expect(await rows(page).first().innerText()).toContain('3月 海防管控工作经费');
    await page.getByTestId('filter-clear').click();
    await summary(page).getByText('共 120 笔').waitFor();
    await page.getByTestId('filter-econ').fill('302');
    await summary(page).getByText('共 60 笔').waitFor();
    await page.getByTestId('filter-clear').click();
    await summary(page).getByText('共 120 笔').waitFor();

    // Add a transaction typed in 元 with grouping, without a 功能分类: no budget line matches it.
    await page.getByTestId('txn-add').click();
    const form = page.getByTestId('txn-form');
    await form.getByTestId('txn-date').fill('2021-05-20');
    await form.getByTestId('txn-voucher').fill('记-9001');
    await form.getByTestId('txn-summary').fill('测试购买打印纸');
    await form.getByTestId('txn-econ').fill('30201');
    await form.getByTestId('txn-amount').fill('1,234.56');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await summary(page).getByText('共 121 笔，支出合计 37,527,534.56 元').waitFor();
    await page.getByTestId('filter-text').fill('打印纸');
    await summary(page).getByText('共 1 笔').waitFor();
    const added = rows(page).first();
    expect(await added.innerText()).toContain('1,234.56');
    await added.getByText('未关联').waitFor();
    await screenshot(page, '55-ledger-added');
    await page.getByTestId('auto-link').click();
    await page.getByText('已自动关联 0 笔；0 笔有多条可选指标，1 笔没有一致的指标').waitFor();

    // The unmatched group is resolved by choosing a line for it.
    await page.getByTestId('unmatched-open').click();
    const group = page.getByTestId('unmatched-group');
    await group.getByText('经济分类 30201 · 1 笔，1,234.56 元').waitFor();
    expect(await group.count()).toBe(1);
    await group.locator('.ant-select').click();
    await page.keyboard.type('#5 ');
    await page.keyboard.press('Enter');
    await group.getByRole('button', { name: '全部关联' }).click();
    await page.getByText('已将 1 笔支出关联到预算指标 #5').waitFor();
    await page.getByTestId('unmatched-drawer').getByText('所有支出都已关联预算指标').waitFor();
    await page.keyboard.press('Escape');
    await added.getByText('#5').waitFor();

    // One row's link is removed by hand …
    await added.getByTestId('txn-link').click();
    await page.getByTestId('link-line-select').click();
    await page.keyboard.type('不关联');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await added.getByText('未关联').waitFor();

    // … the 功能分类 and amount are corrected, and 自动关联 now finds the line.
    await added.getByTestId('txn-edit').click();
    await form.getByTestId('txn-func').fill('2010301');
    await form.getByTestId('txn-amount').fill('2000');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await summary(page).getByText('共 1 笔，支出合计 2,000.00 元').waitFor();
    expect(await rows(page).first().innerText()).toContain('2,000.00');
    await page.getByTestId('auto-link').click();
    await page.getByText('已自动关联 1 笔').waitFor();
    await added.getByText('#5').waitFor();

    // Delete it.
    await rows(page).first().getByTestId('txn-delete').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '删除' }).click();
    await summary(page).getByText('共 0 笔').waitFor();
    await page.getByTestId('filter-clear').click();
    await summary(page).getByText('共 120 笔，支出合计 37,526,300.00 元').waitFor();

    // Drill-down from 预算执行: a project row lists its four milestone payments.
    await navigate(page, '预算执行');
    await page.getByRole('tab', { name: '按项目' }).click();
    await page.getByTestId('table-project').getByText('海防管控工作经费').click();
    await page.getByTestId('drill-summary').getByText('共 4 笔').waitFor();
    expect(await page.getByTestId('drill-summary').textContent()).toBe('共 4 笔，支出合计 705,500.00 元（70.55 万元）');
    const drillRows = page.getByTestId('drill-drawer').locator('.ant-table-row');
    await drillRows.first().waitFor();
    expect(await drillRows.count()).toBe(4);
    for (const text of await drillRows.allInnerTexts()) expect(text).toContain('海防管控工作经费');
    await screenshot(page, '56-execution-drill-project');

    // …and opens the same rows in 支出明细.
    await page.getByTestId('drill-open-ledger').click();
    await summary(page).getByText('共 4 笔，支出合计 705,500.00 元').waitFor();
    expect(await rows(page).count()).toBe(4);

    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });

  it('totals income apart from spending, and a filter matching nothing does not send the user to import', async () => {
    const app = await startApp(tempDataFile());
    const { page, problems } = await openApp(browser, app);
    await loadExample(page);
    await navigate(page, '支出明细');
    await summary(page).getByText('共 120 笔，支出合计 37,526,300.00 元').waitFor();
    const form = page.getByTestId('txn-form');
    // Income (a 财政拨款 credit) is totalled apart and never added to spending.
    await page.getByTestId('txn-add').click();
    await form.getByTestId('txn-date').fill('2021-06-01');
    await form.getByTestId('txn-summary').fill('测试收到财政拨款');
    await form.getByText('收入', { exact: true }).click();
    await form.getByTestId('txn-amount').fill('50000');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await summary(page).getByText('共 121 笔，支出合计 37,526,300.00 元；收入合计 50,000.00 元（不计入支出）').waitFor();
    await screenshot(page, '55b-ledger-income-apart');
    await page.getByTestId('filter-text').fill('测试收到财政拨款');
    await summary(page).getByText('共 1 笔，支出合计 0.00 元；收入合计 50,000.00 元（不计入支出）').waitFor();
    await rows(page).first().getByTestId('txn-delete').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '删除' }).click();
    await summary(page).getByText('共 0 笔').waitFor();
    // A filter that matches nothing says so; it does not send the user to import.
    expect(await page.getByTestId('ledger-empty').count()).toBe(0);
    await page.getByTestId('filter-clear').click();
    await summary(page).getByText('共 120 笔，支出合计 37,526,300.00 元').waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });

  it('points a year without transactions to 导入数据', async () => {
    const t = openTestApp(tempDataFile());
    const client = createClient({ invoke: t.dispatch });
    await client.call('example.load', {});
    await client.call('years.create', { year: 2022 });
    t.db.close();
    const app = await startApp(t.file);
    const { page, problems } = await openApp(browser, app);
    await navigate(page, '支出明细');
    await page.getByText('2022 年度支出明细').waitFor();
    await summary(page).getByText('共 0 笔，支出合计 0.00 元').waitFor();
    await page.getByTestId('ledger-empty').getByText('本年度还没有支出记录。').waitFor();
    await screenshot(page, '55c-ledger-empty-year');
    await page.getByTestId('ledger-empty-import').click();
    await page.waitForURL(/#\/import$/);
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });

  it('pages 100 000 transactions from the server as the grid scrolls', async () => {
    const app = await startApp(await bigDataFile());
    const { page, problems } = await openApp(browser, app);
    const pageRequests: number[] = [];
    page.on('request', (r) => {
      const body = r.postData();
      if (body?.includes('execution.transactions')) pageRequests.push(JSON.parse(body).input?.offset ?? -1);
    });
    await navigate(page, '支出明细');
    await summary(page).getByText('共 100,120 笔').waitFor();

    // Jump to the end and to the middle: only the pages in view are fetched.
    const grid = page.getByTestId('ledger-grid');
    await grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await grid.getByText('P-100000').waitFor();
    const middle = 120 + 60_000;
    await grid.evaluate((el, row) => {
      el.scrollTop = row * 34;
    }, middle);
    await grid.getByText('P-060001').waitFor();
    await screenshot(page, '57-ledger-100k-middle');
    expect(pageRequests.length).toBeLessThan(12);
    expect(pageRequests).toContain(Math.floor(middle / 200) * 200);

    // Keyboard: the grid keeps the selection in view as it moves.
    await grid.getByText('P-060001').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await grid.locator('[data-selected="true"]').getByText('P-060003').waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  });
});
