import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../electron/db/backup.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { backupNow } from '../../electron/services/backup-service.ts';
import { buildExampleDb, contextFor, fileSha256 } from '../integration/reliability/fixtures/databases.ts';
import { launchBrowser, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

// Start-up with the data file deleted while its backups remain: the 数据恢复 screen says so and
// offers the backups (and, explicitly, a new empty file) instead of an empty app; a restore brings
// the example data back.

describe('browser mode: starting with the data file missing but backed up', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows 数据恢复 with the finding and the backups, restores one and continues into the app', async () => {
    const file = tempDataFile('data.db');
    await buildExampleDb(file);
    const db = openDatabase(file);
    const at = Date.now();
    await backupNow(contextFor(db, file), 'manual', new Date(at - 2 * 86_400_000));
    await backupNow(contextFor(db, file), 'daily', new Date(at - 60_000));
    db.close();
    unlinkSync(file);

    const app = await startApp(file);
    const { page, problems } = await openApp(browser, app);
    try {
      const screen = page.getByTestId('recovery-screen');
      await screen.getByText('找不到数据文件，但备份文件夹中有 2 个备份').waitFor();
      await screen.getByText(`找不到数据文件 ${file}，但备份文件夹 ${backupDirFor(file)} 中有 2 个备份`).waitFor();
      const rows = page.getByTestId('recovery-backups').locator('tbody tr');
      expect(await rows.count()).toBe(2);
      await expect(rows.nth(0).innerText()).resolves.toMatch(/每日自动备份[\s\S]*校验通过/);
      expect(await rows.nth(0).locator('input[type=radio]').isChecked()).toBe(true);
      // The explicit alternative says what happens to the backups before anything is created.
      await page.getByTestId('recovery-create-new').click();
      await page.getByText('备份文件夹中的 2 个备份保持原样，不会被删除或修改').waitFor();
      await screenshot(page, 'recovery-06-missing-confirm-new');
      await page.getByRole('button', { name: '取消', exact: true }).click();
      await page.getByText('备份文件夹中的 2 个备份保持原样，不会被删除或修改').waitFor({ state: 'hidden' });
      expect(existsSync(file)).toBe(false);
      await screenshot(page, 'recovery-06-missing');

      await page.getByTestId('recovery-restore').click();
      await page.getByRole('button', { name: '恢复', exact: true }).click();
      await page.getByText('已从备份恢复').waitFor();
      await page.getByText('（原位置没有数据文件）').waitFor();
      await screenshot(page, 'recovery-07-missing-restored');
      await page.getByTestId('recovery-continue').click();
      await page.getByTestId('page-units').waitFor();
      await page.getByRole('cell', { name: '广州市番禺区人民政府办公室（本级）' }).waitFor();
      expect(existsSync(file)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
      await app.close();
    }
  });

  it('新建空白数据文件 after its confirmation opens the empty app; the backup stays', async () => {
    const file = tempDataFile('data.db');
    await buildExampleDb(file);
    const db = openDatabase(file);
    const backup = await backupNow(contextFor(db, file), 'manual');
    db.close();
    unlinkSync(file);
    const backupFile = join(backupDirFor(file), backup.name);
    const sha = fileSha256(backupFile);

    const app = await startApp(file);
    const { page, problems } = await openApp(browser, app);
    try {
      await page.getByText('找不到数据文件，但备份文件夹中有 1 个备份').waitFor();
      await page.getByTestId('recovery-create-new').click();
      await page.getByRole('button', { name: '新建', exact: true }).click();
      // The empty app, not the toast: a loaded CI machine once let the three-second toast go unseen.
      await page.getByTestId('load-example').waitFor();
      expect(existsSync(file)).toBe(true);
      expect(fileSha256(backupFile)).toBe(sha);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
      await app.close();
    }
  });
});
