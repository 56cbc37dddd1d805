import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackupPagesPerStep } from '../../electron/services/backup-service.ts';
import { buildExampleDb } from '../integration/reliability/fixtures/databases.ts';
import { launchBrowser, navigate, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

// A backup runs in the background: the header shows 备份中… and 备份与设置 its progress while the
// window keeps working; afterwards the card lists the restore points and the space they take.

describe('backup progress in the window', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    setBackupPagesPerStep(undefined);
    await browser.close();
  });

  it('备份中… while a backup runs, other pages still open; then restore points and space used', async () => {
    const file = tempDataFile();
    await buildExampleDb(file, 200_000);
    const app = await startApp(file);
    await app.session.backgroundCheckDone();
    const { page, problems } = await openApp(browser, app);
    await navigate(page, '备份与设置');
    await page.getByTestId('backup-space').getByText(/现有 1 个恢复点/).waitFor();
    setBackupPagesPerStep(5);
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-running').getByText(/备份中…（手动备份，/).waitFor();
    await page.getByTestId('backup-progress').waitFor();
    await screenshot(page, 'backup-01-running');
    // The window keeps answering while the backup runs.
    await navigate(page, '预算执行');
    await navigate(page, '备份与设置');
    // On a quiet machine the copy may already have ended here; the page must show one or the other.
    await page.getByTestId('backup-running').or(page.getByText(/已备份：.*manual\.db/)).first().waitFor();
    await page.getByText(/已备份：.*manual\.db/).waitFor({ timeout: 120_000 });
    await page.getByTestId('backup-space').getByText(/现有 2 个恢复点/).waitFor();
    expect(await page.getByTestId('backup-space').textContent()).toMatch(/共占用 [\d.]+ MB，空间上限 [\d.]+ MB（数据文件大小的 5 倍）/);
    await screenshot(page, 'backup-02-done');
    expect(problems).toEqual([]);
    await page.context().close();
    await app.close();
  }, 300_000);
});
