import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestSchemaVersion, openDatabase } from '../../electron/db/open.ts';
import { backupNow } from '../../electron/services/backup-service.ts';
import { buildExampleDb, contextFor, fileSha256 } from '../integration/reliability/fixtures/databases.ts';
import { startChild } from '../stress/kill-harness.ts';
import { launchBrowser, openApp, screenshot, startApp, tempDataFile } from './harness.ts';

// Start-up on a data file that cannot be used: the 数据恢复 screen instead of a crash or a blank
// window, a restore of the newest backup, and the normal app with the restored data.

const NEWEST_UNIT = '番禺区政府办下属事业单位（最新备份）';

/** The example year with two backups; only the newer one has the renamed unit. */
async function fileWithTwoBackups(): Promise<string> {
  const file = tempDataFile('data.db');
  await buildExampleDb(file);
  const db = openDatabase(file);
  const ctx = contextFor(db, file);
  const at = Date.now();
  await backupNow(ctx, 'manual', new Date(at - 60_000));
  db.prepare('UPDATE unit SET name = ? WHERE is_primary = 0').run(NEWEST_UNIT);
  await backupNow(ctx, 'daily', new Date(at - 1000));
  db.close();
  return file;
}

function damageHeader(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
  } finally {
    closeSync(fd);
  }
}

describe('browser mode: starting on a damaged or locked data file', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows 数据恢复, restores the newest backup and continues into the app with its data', async () => {
    const file = await fileWithTwoBackups();
    damageHeader(file);
    const damagedSha = fileSha256(file);
    const app = await startApp(file);
    const { page, problems } = await openApp(browser, app);
    try {
      const screen = page.getByTestId('recovery-screen');
      await screen.getByText('数据文件已损坏，程序没有打开它，也没有修改它').waitFor();
      await screen.getByText('文件头无效，不是可识别的数据库文件').waitFor();
      await screen.getByText(file).first().waitFor();
      const rows = page.getByTestId('recovery-backups').locator('tbody tr');
      expect(await rows.count()).toBe(2);
      await expect(rows.nth(0).innerText()).resolves.toMatch(/每日自动备份[\s\S]*校验通过/);
      await expect(rows.nth(1).innerText()).resolves.toMatch(/手动备份[\s\S]*校验通过/);
      // The newest verified backup is chosen already.
      expect(await rows.nth(0).locator('input[type=radio]').isChecked()).toBe(true);
      await screenshot(page, 'recovery-01-damaged');

      await page.getByTestId('recovery-restore').click();
      await page.getByRole('button', { name: '恢复', exact: true }).click();
      await page.getByText('已从备份恢复').waitFor();
      const kept = await page.getByText(/data\.pre-restore-\d{8}-\d{6}\.db/).first().innerText();
      expect(existsSync(kept.trim())).toBe(true);
      expect(fileSha256(kept.trim())).toBe(damagedSha);
      await screenshot(page, 'recovery-02-restored');

      await page.getByTestId('recovery-continue').click();
      await page.getByTestId('page-units').waitFor();
      await page.getByRole('cell', { name: NEWEST_UNIT }).waitFor();
      await page.getByText('部门整体支出绩效自评 · 广州市番禺区人民政府办公室').waitFor();
      await screenshot(page, 'recovery-03-app-after-restore');

      // A reload starts from app.state again and goes straight into the app.
      await page.reload();
      await page.getByRole('cell', { name: NEWEST_UNIT }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
      await app.close();
    }
  });

  it('a newer file: a refusal; backups only on request, and the file stays as it was', async () => {
    const file = await fileWithTwoBackups();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    raw.close();
    const sha = fileSha256(file);
    const app = await startApp(file);
    try {
      const { page, problems } = await openApp(browser, app);
      const screen = page.getByTestId('recovery-screen');
      await screen.getByText('数据文件来自更新版本的程序').waitFor();
      await screen.getByText(`数据版本 ${latestSchemaVersion() + 1}，本程序支持到 ${latestSchemaVersion()}`).waitFor();
      expect(await page.getByTestId('recovery-backups').count()).toBe(0);
      await page.getByTestId('recovery-show-backups').click();
      await page.getByTestId('recovery-backups').locator('tbody tr').first().waitFor();
      await screenshot(page, 'recovery-05-newer');
      await page.getByTestId('recovery-retry').first().click();
      await page.getByText('情况没有变化').waitFor();
      expect(fileSha256(file)).toBe(sha);
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await app.close();
    }
    expect(fileSha256(file)).toBe(sha);
  });

  it('locked by the CLI: names the holder and opens on 重试 once it has finished', async () => {
    const file = tempDataFile('data.db');
    await buildExampleDb(file);
    const holder = await startChild('hold-lock', { file });
    const app = await startApp(file);
    try {
      const { page, problems } = await openApp(browser, app);
      const screen = page.getByTestId('recovery-screen');
      await screen.getByText('数据文件正被其他程序使用').waitFor();
      await screen.getByText(`进程 ${holder.pid}`).first().waitFor();
      await screen.getByText('命令行', { exact: true }).waitFor();
      await screenshot(page, 'recovery-04-locked');
      await holder.kill();
      await page.getByTestId('recovery-retry').click();
      await page.getByTestId('page-units').waitFor();
      await page.getByRole('cell', { name: '广州市番禺区人民政府办公室（本级）' }).waitFor();
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await holder.kill();
      await app.close();
    }
  });
});
