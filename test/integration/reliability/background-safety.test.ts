import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backupDirFor, fitBudget, listBackupFiles, planRotation } from '../../../electron/db/backup.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { startBrowserMode } from '../../../electron/server/browser-mode.ts';
import { backupJobEnded, backupNow, backupSettings, listBackups, setBackupPagesPerStep } from '../../../electron/services/backup-service.ts';
import { DEFAULT_BACKUP_POLICY, formatBackupName } from '../../../shared/backup/schemas.ts';
import { clientFor } from './fixtures/loopback-client.ts';
import { buildExampleDb, contextFor, removeTempDirs, tempDir } from './fixtures/databases.ts';

// No safety step holds up the app: backups (copy and integrity_check) and the start-up page check
// run on the db worker while API calls keep being answered; the rotation keeps within its size
// budget. No timing is asserted: the calls are counted against what the job itself reports.

afterAll(removeTempDirs);
afterEach(() => setBackupPagesPerStep(undefined));

let bigFile: string;

beforeAll(async () => {
  bigFile = join(tempDir(), 'data.db');
  // Big enough (≈70 MB) that copying it in small steps and checking the copy take many event-loop turns.
  await buildExampleDb(bigFile, 300_000);
}, 300_000);

describe('backups and checks off the main thread', () => {
  it('API calls are answered while a backup copies and while its copy is integrity-checked', async () => {
    const app = await startBrowserMode({ dataFile: bigFile, staticDir: null });
    const { api } = clientFor(app);
    try {
      await app.session.backgroundCheckDone();
      await backupJobEnded(bigFile); // the daily backup of the first start
      setBackupPagesPerStep(20);
      let ended = false;
      const backup = api.call('backup.now', {}).finally(() => {
        ended = true;
      });
      const answered = { copy: 0, verify: 0 };
      while (!ended) {
        const status = await api.call('backup.status', {});
        const info = await api.call('app.info', {});
        expect(info.dataFile).toBe(bigFile);
        // Counted only if the job still says it is running after the data call came back.
        const after = await api.call('backup.status', {});
        if (status.running && after.running && status.running.phase === after.running.phase) answered[after.running.phase]++;
      }
      const entry = await backup;
      expect(answered.copy).toBeGreaterThan(2);
      expect(answered.verify).toBeGreaterThan(0);
      expect(await api.call('backup.status', {})).toMatchObject({ running: null, last: { ok: true, name: entry.name, reason: 'manual' } });
      expect(listBackupFiles(backupDirFor(bigFile), bigFile).map((b) => b.name)).toContain(entry.name);
    } finally {
      await app.close();
    }
  }, 300_000);

  it('start-up answers before its page check has finished; damage that check finds brings the recovery state', async () => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file, 100_000);
    // Damage deep in the file (the last pages: ledger rows and indexes), where only a page check looks.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    for (let at = size - 40 * 4096; at < size; at += 4096) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, at + 100);
    closeSync(fd);

    const app = await startBrowserMode({ dataFile: file, staticDir: null });
    const { api, refusal } = clientFor(app);
    try {
      const first = await api.call('app.state', {});
      expect(first).toMatchObject({ status: 'ready', checking: true });
      const found = await app.session.backgroundCheckDone();
      expect(found).toMatchObject({ status: 'damaged', checking: false, problem: { code: 'DB_CORRUPT' } });
      expect(found.problem?.message).toContain('数据文件已损坏');
      const state = await api.call('app.state', {});
      expect(state.status).toBe('damaged');
      expect(await refusal('setup.state')).toMatchObject({ code: 'DB_CORRUPT', message: expect.stringContaining('数据文件目前无法使用') });
    } finally {
      await app.close();
    }
  }, 300_000);
});

describe('backups within a size budget', () => {
  const at = (d: number, h = 12) => new Date(2024, 5, d, h);
  const item = (takenAt: Date, sizeBytes = 100) => ({ name: formatBackupName('data', takenAt, 'manual'), takenAt, sizeBytes });

  it('drops kept backups, least valuable first, until the total fits; the newest always stays', () => {
    const now = at(30, 18);
    // Ten an hour apart today, and one a day for the twenty days before.
    const today = Array.from({ length: 10 }, (_, i) => item(new Date(2024, 5, 30, 8 + i)));
    const daily = Array.from({ length: 20 }, (_, i) => item(at(29 - i)));
    const all = [...today, ...daily];
    const policyOnly = planRotation(all, DEFAULT_BACKUP_POLICY, now);
    expect(policyOnly.size).toBe(30);
    const kept = planRotation(all, DEFAULT_BACKUP_POLICY, now, 800);
    expect(kept.size).toBe(8);
    expect(kept.has(today[9]!.name)).toBe(true);
    // Spread out over the whole span instead of cutting the history off: the oldest day is still there,
    // and most of today's hourly backups went first.
    expect(kept.has(daily[19]!.name)).toBe(true);
    expect(today.filter((b) => kept.has(b.name)).length).toBeLessThan(4);
    // A single backup over the budget is still kept.
    expect([...fitBudget([item(at(30), 5000)], 100, now)]).toEqual([item(at(30)).name]);
  });

  it('the rotation after each backup keeps their total within budgetFactor × the data file', async () => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file, 2000);
    const db = openDatabase(file);
    const ctx = contextFor(db, file);
    try {
      expect(backupSettings(ctx, { budgetFactor: 2 })).toMatchObject({ budgetFactor: 2, keepLast: 10 });
      const taken = [];
      for (let d = 1; d <= 4; d++) taken.push(await backupNow(ctx, 'manual', new Date(2024, 2, d, 9)));
      const list = listBackups(ctx);
      expect(list.budgetBytes).toBe(2 * statSync(file).size);
      expect(list.usedBytes).toBeLessThanOrEqual(list.budgetBytes);
      expect(list.usedBytes).toBe(list.backups.reduce((n, b) => n + b.sizeBytes, 0));
      expect(list.backups.length).toBeGreaterThan(0);
      expect(list.backups[0]!.name).toBe(taken[3]!.name);
      // Without the budget the policy (10 recent) would have kept all four.
      expect(list.backups.length).toBeLessThan(4);
    } finally {
      db.close();
    }
  });
});
