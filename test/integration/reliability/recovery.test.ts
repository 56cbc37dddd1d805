import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, openSync, readdirSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorPayload } from '../../../shared/api/app-error.ts';
import { backupDirFor } from '../../../electron/db/backup.ts';
import { lockPathFor, readFileLock } from '../../../electron/db/file-lock.ts';
import { openDataFile } from '../../../electron/services/open-data-file.ts';
import { latestSchemaVersion, openDatabase } from '../../../electron/db/open.ts';
import { startBrowserMode } from '../../../electron/server/browser-mode.ts';
import { openAppSession } from '../../../electron/services/app-session.ts';
import { backupNow, defaultReopen, restoreFrom } from '../../../electron/services/backup-service.ts';
import { EXAMPLE_DEPARTMENT } from '../../../electron/services/example/panyu-2021.ts';
import { REPO_ROOT, startChild } from '../../stress/kill-harness.ts';
import { clientFor } from './fixtures/loopback-client.ts';
import { addLedgerBatch, buildExampleDb, contentHash, contextFor, fileSha256, removeTempDirs, tempDir } from './fixtures/databases.ts';

// Start-up on a data file that cannot be used: browser mode starts anyway, in the recovery state;
// only app.state and recovery.* answer; a backup brings the data back and the damaged file is kept
// as it was. And the single-writer lock is never let go during a restore, checked with a real
// second process (the CLI) trying to take the file at that moment.

afterAll(removeTempDirs);

interface CliAnswer {
  code: number | null;
  json: { ok: boolean; error?: AppErrorPayload };
}

/** The real CLI in its own process, trying to restore `from` over `file` (it takes the writer lock first). */
function cliRestores(file: string, from: string): CliAnswer {
  const r = spawnSync(process.execPath, ['bin/selfeval.mjs', 'restore', '--db', file, '--from', from, '--json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  try {
    return { code: r.status, json: JSON.parse(r.stdout) };
  } catch {
    throw new Error(`CLI gave no JSON (exit ${r.status}): ${r.stdout}\n${r.stderr}`);
  }
}

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    closeSync(fd);
  }
}

const DAMAGE: Array<[string, (file: string) => void, RegExp]> = [
  [
    'pages overwritten',
    (f) => {
      for (const p of [2, 3, 4, 5]) overwrite(f, (p - 1) * 4096, Buffer.alloc(64, 0xff));
    },
    /数据页无法读取|检查结果/,
  ],
  ['truncated', (f) => truncateSync(f, Math.floor(statSync(f).size / 2)), /数据页无法读取|检查结果/],
  ['garbage header', (f) => overwrite(f, 0, Buffer.alloc(100, 0x5a)), /文件头无效，不是可识别的数据库文件/],
  ['unreadable WAL', (f) => writeFileSync(`${f}-wal`, Buffer.alloc(8192, 0x33)), /预写日志文件（-wal）的文件头无效/],
  ['emptied to 0 bytes', (f) => truncateSync(f, 0), /文件是空的（0 字节），但它有备份/],
];

describe('start-up on a damaged data file', () => {
  let base: string;
  let backupName: string;
  let goodHash: string;

  beforeAll(async () => {
    base = join(tempDir(), 'data.db');
    await buildExampleDb(base, 500);
    const db = openDatabase(base);
    goodHash = contentHash(db);
    backupName = (await backupNow(contextFor(db, base))).name;
    addLedgerBatch(db, 5, 'after-backup');
    db.close();
  });

  function damagedCopy(damage: (file: string) => void): string {
    const file = join(tempDir(), 'data.db');
    copyFileSync(base, file);
    cpSync(backupDirFor(base), backupDirFor(file), { recursive: true });
    damage(file);
    return file;
  }

  it.each(DAMAGE)('%s: serves the recovery screen, refuses everything else, and restores the chosen backup', async (_kind, damage, finding) => {
    const file = damagedCopy(damage);
    const sha = fileSha256(file);
    const walSha = existsSync(`${file}-wal`) ? fileSha256(`${file}-wal`) : null;
    const app = await startBrowserMode({ dataFile: file, staticDir: null });
    const { api, refusal } = clientFor(app);
    try {
      // Damage deep in the pages is found by the page check start-up leaves to the background.
      await app.session.backgroundCheckDone();
      const state = await api.call('app.state', {});
      expect(state).toMatchObject({ status: 'damaged', dataFile: file, problem: { code: 'DB_CORRUPT' }, lockHolder: null });
      expect(state.problem?.message).toMatch(finding);
      expect(state.problem?.message).toContain(file);
      expect(state.backups).toEqual([
        expect.objectContaining({ name: backupName, reason: 'manual', verified: true, problem: null, schemaVersion: latestSchemaVersion() }),
      ]);

      // Nothing else reaches the database, reads included; and nothing was written to the file.
      for (const method of ['setup.state', 'app.info', 'backup.now', 'example.load']) {
        expect(await refusal(method)).toMatchObject({ code: 'DB_CORRUPT', message: expect.stringContaining('数据文件目前无法使用，此功能暂不可用') });
      }
      expect(fileSha256(file)).toBe(sha);
      expect(readFileLock(file)).toMatchObject({ pid: process.pid, tool: 'browser' });

      const restored = await api.call('recovery.restore', { name: backupName });
      expect(restored.state).toMatchObject({ status: 'ready', problem: null, backups: [] });
      // The damaged file is kept aside exactly as it was, WAL included.
      const kept = restored.preRestoreFile ?? '';
      expect(kept).toMatch(/data\.pre-restore-\d{8}-\d{6}\.db$/);
      expect(fileSha256(kept)).toBe(sha);
      if (walSha) expect(fileSha256(`${kept}-wal`)).toBe(walSha);

      // The data is the backup's, to the row (a reader beside the app's connection).
      const reader = new Database(file, { readonly: true });
      expect(contentHash(reader)).toBe(goodHash);
      reader.close();
      expect((await api.call('setup.state', {})).department?.name).toBe(EXAMPLE_DEPARTMENT.name);
      expect(await api.call('settings.set', { key: 'amountUnit', value: 'yuan' })).toEqual({ ok: true });
    } finally {
      await app.close();
    }
    const after = new Database(file, { readonly: true });
    expect(after.pragma('quick_check', { simple: true })).toBe('ok');
    after.close();
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it('with no backups: the damaged file is left alone, never replaced by a new empty database', async () => {
    const file = join(tempDir(), 'data.db');
    copyFileSync(base, file);
    overwrite(file, 0, Buffer.alloc(100, 0x5a));
    const sha = fileSha256(file);
    const session = openAppSession({ dataFile: file, tool: 'app', transport: 'direct', appVersion: 'test' });
    try {
      expect(session.state()).toMatchObject({ status: 'damaged', backups: [] });
      expect(() => session.ctx.db).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
      expect(session.retry()).toMatchObject({ status: 'damaged' });
    } finally {
      await session.close();
    }
    expect(fileSha256(file)).toBe(sha);
    // An empty file without backups is a new installation, as before.
    const fresh = join(tempDir(), 'new.db');
    writeFileSync(fresh, '');
    const s2 = openAppSession({ dataFile: fresh, tool: 'app', transport: 'direct', appVersion: 'test' });
    expect(s2.state().status).toBe('ready');
    await s2.close();
  });

  it('lists a damaged backup as not verified, and refuses to restore it', async () => {
    const file = damagedCopy((f) => overwrite(f, 0, Buffer.alloc(100, 0x5a)));
    const bad = join(backupDirFor(file), backupName);
    overwrite(bad, 4096, Buffer.alloc(64, 0xff));
    const badSha = fileSha256(bad);
    const session = openAppSession({ dataFile: file, tool: 'app', transport: 'direct', appVersion: 'test' });
    try {
      const [entry] = session.state().backups;
      expect(entry).toMatchObject({ name: backupName, verified: false, schemaVersion: null });
      expect(entry?.problem).toMatch(/损坏/);
      const sha = fileSha256(file);
      const { recoveryRestore } = await import('../../../electron/services/app-session.ts');
      expect(() => recoveryRestore(session.ctx, { name: backupName })).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
      expect(session.state().status).toBe('damaged');
      expect(fileSha256(file)).toBe(sha);
      expect(fileSha256(bad)).toBe(badSha);
    } finally {
      await session.close();
    }
  });
});

describe('start-up on a newer or locked data file', () => {
  it('a newer file: a refusal, no writes; replaced only when the user says so, and kept byte for byte', async () => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file);
    const db = openDatabase(file);
    const backupName = (await backupNow(contextFor(db, file))).name;
    db.close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    raw.close();
    const sha = fileSha256(file);
    const app = await startBrowserMode({ dataFile: file, staticDir: null });
    const { api, refusal } = clientFor(app);
    try {
      const state = await api.call('app.state', {});
      expect(state).toMatchObject({ status: 'newer', problem: { code: 'DB_NEWER' } });
      expect(state.problem?.message).toContain('更新版本的程序创建');
      expect((await refusal('setup.state')).code).toBe('DB_NEWER');
      expect(await refusal('recovery.restore', { name: backupName })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('仍用备份替换') });
      expect(fileSha256(file)).toBe(sha);
      const r = await api.call('recovery.restore', { name: backupName, replaceNewer: true });
      expect(fileSha256(r.preRestoreFile ?? '')).toBe(sha);
      expect((await api.call('setup.state', {})).department?.name).toBe(EXAMPLE_DEPARTMENT.name);
    } finally {
      await app.close();
    }
  });

  it('locked by the CLI: names the holder, refuses everything else, and opens on retry once it is gone', async () => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file);
    const holder = await startChild('hold-lock', { file });
    const app = await startBrowserMode({ dataFile: file, staticDir: null });
    const { api, refusal } = clientFor(app);
    try {
      const state = await api.call('app.state', {});
      expect(state).toMatchObject({ status: 'locked', problem: { code: 'LOCKED' }, lockHolder: { tool: '命令行', pid: holder.pid, sameComputer: true }, backups: [] });
      expect(state.problem?.message).toContain(`进程 ${holder.pid}`);
      expect((await refusal('setup.state')).code).toBe('LOCKED');
      expect((await api.call('recovery.retry', {})).status).toBe('locked');
      await holder.kill();
      expect(await api.call('recovery.retry', {})).toMatchObject({ status: 'ready', problem: null, lockHolder: null });
      expect((await api.call('setup.state', {})).department?.name).toBe(EXAMPLE_DEPARTMENT.name);
      expect(readFileLock(file)).toMatchObject({ pid: process.pid, tool: 'browser' });
    } finally {
      await holder.kill();
      await app.close();
    }
  });
});

describe('the writer lock during an in-app restore', () => {
  async function fileWithBackup() {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file);
    const db = openDatabase(file);
    const name = (await backupNow(contextFor(db, file))).name;
    addLedgerBatch(db, 5, 'after-backup');
    db.close();
    return { file, name };
  }

  // A second copy of the backup, so the CLI has something to restore from.
  function otherBackup(file: string): string {
    const copy = join(dirname(file), 'usb-copy.db');
    if (!existsSync(copy)) copyFileSync(join(backupDirFor(file), readdirSync(backupDirFor(file))[0] ?? ''), copy);
    return copy;
  }

  // The reopen step runs after the old connection was closed and the file replaced: the moment a
  // released lock would let another writer in. The CLI tries exactly then, in its own process.
  function reopenWhileCliTries(file: string, seen: CliAnswer[]) {
    return (f: string) => {
      seen.push(cliRestores(file, otherBackup(file)));
      return defaultReopen(f);
    };
  }

  it('the app/browser session keeps it from closing the file to reopening the restored one', async () => {
    const { file, name } = await fileWithBackup();
    const session = openAppSession({ dataFile: file, tool: 'browser', transport: 'http', appVersion: 'test' });
    const seen: CliAnswer[] = [];
    try {
      restoreFrom(session.ctx, { name }, reopenWhileCliTries(file, seen));
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ code: 1, json: { ok: false, error: { code: 'LOCKED' } } });
      expect(seen[0]?.json.error?.message).toContain(`浏览器模式，进程 ${process.pid}`);
      expect(readFileLock(file)).toMatchObject({ pid: process.pid, tool: 'browser' });
      // Still held after the restore: the CLI is refused, and the restored file is in use.
      expect(cliRestores(file, otherBackup(file)).json.error?.code).toBe('LOCKED');
      expect(session.state().status).toBe('ready');
    } finally {
      await session.close();
    }
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it('a connection from openDataFile hands its lock to the reopened one', async () => {
    const { file, name } = await fileWithBackup();
    const ctx = contextFor(openDataFile(file, 'app'), file);
    const seen: CliAnswer[] = [];
    restoreFrom(ctx, { name }, reopenWhileCliTries(file, seen));
    expect(seen[0]).toMatchObject({ code: 1, json: { error: { code: 'LOCKED' } } });
    expect(readFileLock(file)).toMatchObject({ pid: process.pid, tool: 'app' });
    ctx.db.close();
    expect(existsSync(lockPathFor(file))).toBe(false);
    expect(cliRestores(file, otherBackup(file)).code).toBe(0);
  });
});
