import { cpSync, existsSync, readdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorPayload } from '../../../shared/api/app-error.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { backupDirFor } from '../../../electron/db/backup.ts';
import { lockPathFor, readFileLock } from '../../../electron/db/file-lock.ts';
import { latestSchemaVersion, openDatabase } from '../../../electron/db/open.ts';
import { startBrowserMode } from '../../../electron/server/browser-mode.ts';
import { openAppSession, recoveryCreateNew, recoveryRestore } from '../../../electron/services/app-session.ts';
import { backupNow } from '../../../electron/services/backup-service.ts';
import { EXAMPLE_DEPARTMENT } from '../../../electron/services/example/panyu-2021.ts';
import { clientFor } from './fixtures/loopback-client.ts';
import { buildExampleDb, contentHash, contextFor, fileSha256, removeTempDirs, tempDir } from './fixtures/databases.ts';

// A data file that is missing while its backup folder holds backups of it (moved, deleted, lost in
// a disk restore) once held data: neither the app nor the CLI may quietly put a new empty database
// in its place. The app waits on the recovery screen for the user's choice (restore a backup, or
// explicitly a new empty file, the backups left as they are); the CLI refuses and names the restore.

afterAll(removeTempDirs);

/** Every file in the backup folder with its SHA-256. */
function backupBytes(file: string): Map<string, string> {
  const dir = backupDirFor(file);
  return new Map(readdirSync(dir).map((n) => [n, fileSha256(join(dir, n))]));
}

function expectBackupsUntouched(file: string, before: Map<string, string>): void {
  const after = backupBytes(file);
  for (const [name, sha] of before) expect(after.get(name), name).toBe(sha);
}

const dataFileGone = (file: string) => ['', '-wal', '-shm', '-journal'].every((s) => !existsSync(`${file}${s}`));

let base: string;
let names: string[];
let goodHash: string;

beforeAll(async () => {
  base = join(tempDir(), 'data.db');
  await buildExampleDb(base);
  const db = openDatabase(base);
  const ctx = contextFor(db, base);
  const at = Date.now();
  const older = await backupNow(ctx, 'manual', new Date(at - 3 * 86_400_000));
  const newer = await backupNow(ctx, 'daily', new Date(at - 60_000));
  names = [newer.name, older.name];
  goodHash = contentHash(db);
  db.close();
});

/** A new folder holding only the example's two backups: its data file is gone. */
function withoutDataFile(): string {
  const file = join(tempDir(), 'data.db');
  cpSync(backupDirFor(base), backupDirFor(file), { recursive: true });
  return file;
}

describe('start-up with the data file missing but backups present', () => {
  it('is a recovery state: nothing created, everything else refused, backups listed newest first', async () => {
    const file = withoutDataFile();
    const app = await startBrowserMode({ dataFile: file, staticDir: null });
    const { api, refusal } = clientFor(app);
    try {
      const state = await api.call('app.state', {});
      expect(state).toMatchObject({ status: 'missing', dataFile: file, backupDir: backupDirFor(file), problem: { code: 'NOT_FOUND' }, lockHolder: null });
      expect(state.problem?.message).toContain(`找不到数据文件 ${file}，但备份文件夹 ${backupDirFor(file)} 中有 2 个备份`);
      expect(state.backups.map((b) => b.name)).toEqual(names);
      expect(state.backups.every((b) => b.verified && b.schemaVersion === latestSchemaVersion())).toBe(true);

      for (const method of ['setup.state', 'app.info', 'backup.list', 'backup.now', 'example.load']) {
        expect(await refusal(method)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('数据文件目前无法使用，此功能暂不可用') });
      }
      // Looking again changes nothing either.
      expect((await api.call('recovery.retry', {})).status).toBe('missing');
      expect(dataFileGone(file)).toBe(true);
      // The writer lock is held meanwhile, so no other tool creates the file behind the screen.
      expect(readFileLock(file)).toMatchObject({ pid: process.pid, tool: 'browser' });
    } finally {
      await app.close();
    }
    expect(dataFileGone(file)).toBe(true);
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it('restoring a chosen backup brings the data back and continues into the app', async () => {
    const file = withoutDataFile();
    const before = backupBytes(file);
    const app = await startBrowserMode({ dataFile: file, staticDir: null });
    const { api } = clientFor(app);
    try {
      const r = await api.call('recovery.restore', { name: names[1]! });
      expect(r).toMatchObject({ preRestoreFile: null, state: { status: 'ready', problem: null, backups: [] } });
      expect(r.restoredFrom).toBe(join(backupDirFor(file), names[1]!));
      expect((await api.call('setup.state', {})).department?.name).toBe(EXAMPLE_DEPARTMENT.name);
      const reader = new Database(file, { readonly: true });
      expect(contentHash(reader)).toBe(goodHash);
      reader.close();
    } finally {
      await app.close();
    }
    expectBackupsUntouched(file, before);
  });

  it('a new empty file only on request; the backups stay byte for byte, and out of the new file’s rotation', async () => {
    const file = withoutDataFile();
    const before = backupBytes(file);
    const app = await startBrowserMode({ dataFile: file, staticDir: null });
    const { api } = clientFor(app);
    try {
      const state = await api.call('recovery.createNew', {});
      expect(state).toMatchObject({ status: 'ready', problem: null, backups: [] });
      expect(existsSync(file)).toBe(true);
      expect((await api.call('setup.state', {})).department).toBeNull();
      // The tightest rotation and several backups of the new file: the lost file's backups remain.
      await api.call('backup.settings', { keepLast: 1, keepDays: 0, keepMonths: 0 });
      await api.call('backup.now', {});
      await api.call('backup.now', {});
      const listed = (await api.call('backup.list', {})).backups.map((b) => b.name);
      expect(listed).toEqual(expect.arrayContaining(names));
      // Asked again, the choice is refused: the file is there now.
      await expect(api.call('recovery.createNew', {})).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      await app.close();
    }
    expectBackupsUntouched(file, before);
  });

  it('a data file put back meanwhile is opened as it is, on 重新检查 or even on 新建', async () => {
    const file = withoutDataFile();
    const session = openAppSession({ dataFile: file, tool: 'app', transport: 'direct', appVersion: 'test' });
    try {
      expect(session.state().status).toBe('missing');
      expect(() => session.ctx.db).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      cpSync(base, file);
      expect(recoveryCreateNew(session.ctx).status).toBe('ready');
      expect(contentHash(session.ctx.db)).toBe(goodHash);
    } finally {
      await session.close();
    }
  });

  it('a WAL left by the missing file is set aside as it is, not replayed into the restored data', async () => {
    const file = withoutDataFile();
    // A real WAL of the lost file, with a change the backups do not have.
    const lost = join(tempDir(), 'data.db');
    cpSync(base, lost);
    const writer = new Database(lost);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("UPDATE unit SET name = name || '（仅在日志中）'").run();
    cpSync(`${lost}-wal`, `${file}-wal`);
    writer.close();
    const walSha = fileSha256(`${file}-wal`);
    const session = openAppSession({ dataFile: file, tool: 'app', transport: 'direct', appVersion: 'test' });
    try {
      expect(session.state().problem?.message).toContain(`数据文件旁还留有它的预写日志 ${file}-wal`);
      expect(fileSha256(`${file}-wal`)).toBe(walSha);
      recoveryRestore(session.ctx, { name: names[0]! });
      expect(contentHash(session.ctx.db)).toBe(goodHash);
    } finally {
      await session.close();
    }
    const aside = readdirSync(dirname(file)).filter((n) => /^data\.orphaned-\d{8}-\d{6}\.db-wal$/.test(n));
    expect(aside).toHaveLength(1);
    expect(fileSha256(join(dirname(file), aside[0]!))).toBe(walSha);
  });

  it('a first start (no data file, no backups) still creates a new empty database without asking', async () => {
    const file = join(tempDir(), 'data.db');
    const session = openAppSession({ dataFile: file, tool: 'app', transport: 'direct', appVersion: 'test' });
    try {
      expect(session.state()).toMatchObject({ status: 'ready', backups: [] });
      expect(existsSync(file)).toBe(true);
    } finally {
      await session.close();
    }
  });
});

describe('the CLI on a missing data file with backups', () => {
  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
    return { code, out, err };
  }

  it('refuses to write, naming restore --from and the backup folder; --new-file creates one, backups untouched', async () => {
    const file = withoutDataFile();
    const before = backupBytes(file);
    const refused = await cli('demo', '--db', file, '--json');
    expect(refused.code).toBe(1);
    const error = JSON.parse(refused.out).error as AppErrorPayload;
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(`找不到数据文件 ${file}，但备份文件夹 ${backupDirFor(file)} 中有它的 2 个备份，因此没有新建空白数据文件`);
    expect(error.message).toContain(`selfeval restore --db "${file}" --from "${join(backupDirFor(file), names[0]!)}"`);
    expect(error.message).toContain('--new-file');
    expect(refused.err).toContain('错误：找不到数据文件');
    expect(dataFileGone(file)).toBe(true);

    // A command that could not fill a new file is refused without offering one.
    const undo = await cli('undo-import', '1', '--db', file);
    expect(undo.code).toBe(1);
    expect(undo.err).toContain('selfeval restore');
    expect(undo.err).not.toContain('--new-file');
    expect(dataFileGone(file)).toBe(true);

    const created = await cli('demo', '--db', file, '--new-file', '--json');
    expect(created.code, created.err).toBe(0);
    expect(existsSync(file)).toBe(true);
    expectBackupsUntouched(file, before);
  });

  it('the named restore brings the data back', async () => {
    const file = withoutDataFile();
    const r = await cli('restore', '--db', file, '--from', join(backupDirFor(file), names[0]!), '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, preRestoreFile: null });
    const reader = new Database(file, { readonly: true });
    expect(contentHash(reader)).toBe(goodHash);
    reader.close();
    unlinkSync(file);
  });
});
