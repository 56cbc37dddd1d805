import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../../electron/cli/commands/backup.ts';
import { demoCommand } from '../../../electron/cli/commands/demo.ts';
import { exportYearCommand } from '../../../electron/cli/commands/year-document.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { backupDirFor, listBackupFiles, planRotation, writeBackup, writeBackupSync } from '../../../electron/db/backup.ts';
import { latestSchemaVersion, openDatabase } from '../../../electron/db/open.ts';
import { departmentTotals } from '../../../electron/db/repositories/execution-repo.ts';
import {
  backupBefore,
  backupBeforeMigrate,
  backupNow,
  backupSettings,
  dailyBackupIfDue,
  listBackups,
  restoreForRecovery,
} from '../../../electron/services/backup-service.ts';
import { DEFAULT_BACKUP_POLICY, formatBackupName, parseBackupName } from '../../../shared/backup/schemas.ts';
import {
  addLedgerBatch,
  buildExampleDb,
  buildVersionFixture,
  contentHash,
  contextFor,
  exampleIds,
  removeTempDirs,
  tableFigures,
  tempDir,
} from './fixtures/databases.ts';
import { mountReadOnlyView, mountTmpfs } from './fixtures/mounts.ts';

afterAll(removeTempDirs);

const CLI = [demoCommand, exportYearCommand, backupCommand, restoreCommand];

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) }, CLI);
  return { code, out, err };
}

function withoutTimestamp(json: string): unknown {
  const { exportedAt: _t, ...rest } = JSON.parse(json) as { exportedAt?: string };
  return rest;
}

const writeBackupSyncAsync = async (...a: Parameters<typeof writeBackupSync>) => writeBackupSync(...a);

const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);
const named = (dates: Date[]) => dates.map((takenAt) => ({ name: formatBackupName('data', takenAt, 'daily'), takenAt }));

describe('backup names and rotation', () => {
  it('names round-trip and foreign names are not backups', () => {
    const t = at(2024, 2, 29, 23, 59);
    const name = formatBackupName('selfeval', t, 'import');
    expect(name).toBe('selfeval-20240229-235900-000-import.db');
    expect(parseBackupName(name)).toEqual({ stem: 'selfeval', takenAt: t, reason: 'import' });
    expect(parseBackupName('selfeval-20240230-000000-000-daily.db')).toBeNull();
    expect(parseBackupName('selfeval-20240229-235900-000-daily.db.tmp-123')).toBeNull();
    expect(parseBackupName('notes.db')).toBeNull();
  });

  it('keeps the last 10 however close together they are', () => {
    const now = at(2024, 6, 15, 18);
    const backups = named(Array.from({ length: 30 }, (_, i) => at(2024, 6, 15, 8, i * 10)));
    const keep = planRotation(backups, DEFAULT_BACKUP_POLICY, now);
    expect([...keep].sort()).toEqual(backups.slice(-10).map((b) => b.name).sort());
  });

  it('keeps one a day for 31 days and one a month for 24 months', () => {
    const now = at(2024, 6, 15, 18);
    // One backup every day for three years, at noon, up to today.
    const days = Array.from({ length: 3 * 365 }, (_, i) => new Date(2024, 5, 15 - i, 12));
    const keep = planRotation(named(days), DEFAULT_BACKUP_POLICY, now);
    const kept = named(days).filter((b) => keep.has(b.name)).map((b) => b.takenAt);
    const daily = kept.filter((d) => now.getTime() - d.getTime() < 31 * 86_400_000);
    expect(daily).toHaveLength(31);
    const older = kept.filter((d) => now.getTime() - d.getTime() >= 31 * 86_400_000);
    // The newest of each earlier month within 24 months: May 2024 back to July 2022 minus those in the daily window.
    expect(older.every((d) => d.getDate() === new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate())).toBe(true);
    const months = new Set(kept.map((d) => d.getFullYear() * 12 + d.getMonth()));
    expect(months.size).toBe(24);
    expect(Math.min(...kept.map((d) => d.getTime()))).toBe(new Date(2022, 6, 31, 12).getTime());
  });

  it('keeps backups dated in the future (a clock set back) and honours a smaller policy', () => {
    const now = at(2024, 6, 15);
    const future = named([at(2025, 1, 1)]);
    const old = named([at(2020, 1, 1), at(2020, 1, 2)]);
    const keep = planRotation([...future, ...old], { keepLast: 1, keepDays: 0, keepMonths: 0 }, now);
    expect([...keep]).toEqual([future[0]!.name]);
  });
});

describe('backup and restore of the live database', () => {
  it('backup → delete the data file → restore gives the same totals and the same export-year document (CLI)', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.db');
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const before = openDatabase(db);
    const totals = departmentTotals(before, exampleIds(before).yearId);
    before.close();
    const exportA = join(dir, 'a.json');
    expect((await cli('export-year', '--db', db, '--year', '2021', '--out', exportA)).code).toBe(0);

    const copy = join(dir, 'copy.db');
    const backedUp = await cli('backup', '--db', db, '--out', copy, '--json');
    expect(backedUp.code).toBe(0);
    expect(JSON.parse(backedUp.out)).toMatchObject({ ok: true, out: copy, schemaVersion: latestSchemaVersion() });

    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    const restored = await cli('restore', '--db', db, '--from', copy, '--json');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.out)).toMatchObject({ ok: true, db, from: copy, preRestoreFile: null });

    const after = openDatabase(db);
    expect(departmentTotals(after, exampleIds(after).yearId)).toEqual(totals);
    after.close();
    const exportB = join(dir, 'b.json');
    expect((await cli('export-year', '--db', db, '--year', '2021', '--out', exportB)).code).toBe(0);
    expect(withoutTimestamp(readFileSync(exportB, 'utf8'))).toEqual(withoutTimestamp(readFileSync(exportA, 'utf8')));
  });

  it('the same through the service: backup now, lose the file, restore by name', async () => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file, 2000);
    const db = openDatabase(file);
    const ctx = contextFor(db, file);
    const hash = contentHash(db);
    const entry = await backupNow(ctx);
    expect(entry.reason).toBe('manual');
    expect(listBackups(ctx)).toMatchObject({ dir: backupDirFor(file), lastBackupAt: entry.takenAt, backups: [entry] });
    db.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    const r = restoreForRecovery(file, entry.name, (f) => openDatabase(f));
    expect(r.preRestoreFile).toBeNull();
    expect(contentHash(r.db)).toBe(hash);
    r.db.close();
  });

  it('a backup is a self-contained, checked file at the live schema version', async () => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file);
    const db = openDatabase(file);
    const entry = await (await backupBefore(contextFor(db, file), 'import')).done;
    expect(entry.name).toMatch(/^data-\d{8}-\d{6}-\d{3}-import\.db$/);
    const copy = new Database(join(backupDirFor(file), entry.name), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(contentHash(copy)).toBe(contentHash(db));
    copy.close();
    expect(readdirSync(backupDirFor(file))).toEqual([entry.name]);
    db.exec('BEGIN');
    expect(() => writeBackupSync(db, join(tempDir(), 'in-txn.db'))).toThrow(/不能在事务进行中备份/);
    db.exec('ROLLBACK');
    db.close();
  });

  it('takes the daily backup once per calendar day and rotates by the saved policy', async () => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file);
    const db = openDatabase(file);
    const ctx = contextFor(db, file);
    expect(backupSettings(ctx, {})).toEqual(DEFAULT_BACKUP_POLICY);
    expect(backupSettings(ctx, { keepLast: 2, keepDays: 0, keepMonths: 0 })).toEqual({ keepLast: 2, keepDays: 0, keepMonths: 0, budgetFactor: 5 });
    expect(() => backupSettings(ctx, { keepLast: 0 })).toThrow();
    const day1 = await dailyBackupIfDue(ctx, at(2024, 3, 1, 9));
    expect(day1?.reason).toBe('daily');
    expect(await dailyBackupIfDue(ctx, at(2024, 3, 1, 17))).toBeNull();
    const day2 = await dailyBackupIfDue(ctx, at(2024, 3, 2, 9));
    expect(day2).not.toBeNull();
    await dailyBackupIfDue(ctx, at(2024, 3, 3, 9));
    expect(listBackupFiles(backupDirFor(file), file)).toHaveLength(2);
    db.close();
  });

  it('backs up the old version before a migration (beforeMigrate hook)', () => {
    const file = join(tempDir(), 'old.db');
    buildVersionFixture(file, 1);
    const raw = new Database(file, { readonly: true });
    const figures = tableFigures(raw);
    raw.close();
    const db = openDatabase(file, { beforeMigrate: backupBeforeMigrate() });
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    db.close();
    const [b] = listBackupFiles(backupDirFor(file), file);
    expect(b?.reason).toBe('migration');
    const copy = new Database(b!.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(tableFigures(copy)).toBe(figures);
    copy.close();
  });

  it('a backup taken while the same connection keeps writing is the state at its end, every batch whole', async () => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file, 20_000);
    const db = openDatabase(file);
    let batches = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        addLedgerBatch(db, 50, `W${batches++}`);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const dest = join(tempDir(), 'live.db');
    const figuresAtEnd = await writeBackup(db, dest).then(() => tableFigures(db));
    stop = true;
    await writer;
    expect(batches).toBeGreaterThan(1);
    const copy = new Database(dest, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(tableFigures(copy)).toBe(figuresAtEnd);
    const partial = copy
      .prepare("SELECT substr(voucher_no, 1, instr(voucher_no, '-') - 1) AS b, count(*) AS n FROM ledger_txn WHERE voucher_no GLOB 'W*' GROUP BY b HAVING n <> 50")
      .all();
    expect(partial).toEqual([]);
    copy.close();
    db.close();
  });

  it('a backup taken while another connection writes is consistent (the backup restarts)', async () => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file, 20_000);
    const db = openDatabase(file);
    const other = openDatabase(file);
    let written = 0;
    const writer = (async () => {
      for (; written < 20; written++) {
        addLedgerBatch(other, 50, `O${written}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const dest = join(tempDir(), 'live.db');
    await writeBackup(db, dest);
    await writer;
    const copy = new Database(dest, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const counts = copy
      .prepare("SELECT substr(voucher_no, 1, instr(voucher_no, '-') - 1) AS b, count(*) AS n FROM ledger_txn WHERE voucher_no GLOB 'O*' GROUP BY b")
      .all() as Array<{ n: number }>;
    expect(counts.every((c) => c.n === 50)).toBe(true);
    const audits = copy.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'ledger_txn' AND after_json LIKE '%\"voucherNo\":\"O%'").get() as { n: number };
    expect(audits.n).toBe(counts.length * 50);
    copy.close();
    other.close();
    db.close();
  });
});

describe('backup to a place that cannot take it', () => {
  it('a full disk: a clear message, the live database untouched, no file left behind', async (ctx) => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file, 20_000);
    const mount = mountTmpfs(join(tempDir(), 'usb'), 512);
    if (!mount) ctx.skip('mount is not permitted here: the full-disk backup case is not run');
    try {
      const db = openDatabase(file);
      const hash = contentHash(db);
      const dest = join(mount!.dir, 'backup.db');
      const e = await writeBackup(db, dest).catch((err: unknown) => err as { code: string; message: string });
      expect(e).toMatchObject({ code: 'DISK_FULL' });
      expect((e as { message: string }).message).toContain(`备份失败：备份位置 ${mount!.dir} 所在磁盘空间不足。数据文件未受影响。`);
      expect(() => writeBackupSync(db, join(mount!.dir, 'sync.db'))).toThrow(expect.objectContaining({ code: 'DISK_FULL' }));
      expect(readdirSync(mount!.dir)).toEqual([]);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      expect(contentHash(db)).toBe(hash);
      db.close();
    } finally {
      mount!.unmount();
    }
  });

  it('a read-only folder: a clear message, the live database untouched', async (ctx) => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file);
    const view = mountReadOnlyView(tempDir(), join(tempDir(), 'ro'));
    if (!view) ctx.skip('mount is not permitted here: the read-only backup folder case is not run');
    try {
      const db = openDatabase(file);
      const hash = contentHash(db);
      const e = await writeBackup(db, join(view!.dir, 'backups', 'b.db')).catch((err: unknown) => err as { code: string; message: string });
      expect(e).toMatchObject({ code: 'DB_READONLY' });
      expect((e as { message: string }).message).toMatch(/备份失败：无法写入备份位置 .*（只读或无权限）。数据文件未受影响。/);
      // The folder itself exists but is read-only: SQLite cannot create the copy.
      await expect(writeBackup(db, join(view!.dir, 'b.db'))).rejects.toMatchObject({ code: 'DB_READONLY' });
      await expect(writeBackupSyncAsync(db, join(view!.dir, 'c.db'))).rejects.toMatchObject({ code: 'DB_READONLY' });
      expect(readdirSync(view!.dir)).toEqual([]);
      expect(contentHash(db)).toBe(hash);
      db.close();
    } finally {
      view!.unmount();
    }
  });

  it('never overwrites an existing file, and ignores temporary and foreign files when listing', async () => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file);
    const db = openDatabase(file);
    const dir = backupDirFor(file);
    const entry = await backupNow(contextFor(db, file));
    writeFileSync(join(dir, `${entry.name}.tmp-999999`), 'partial');
    writeFileSync(join(dir, 'other-20240101-000000-000-manual.db'), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(listBackupFiles(dir, file).map((b) => b.name)).toEqual([entry.name]);
    await expect(writeBackup(db, join(dir, entry.name))).rejects.toMatchObject({ code: 'CONFLICT' });
    const again = await backupNow(contextFor(db, file));
    // The stale temporary copy of a process that is gone was cleared by the rotation step.
    expect(existsSync(join(dir, `${entry.name}.tmp-999999`))).toBe(false);
    expect(listBackupFiles(dir, file).map((b) => b.name)).toEqual([again.name, entry.name]);
    db.close();
  });
});
