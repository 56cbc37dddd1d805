import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../../electron/db/backup.ts';
import { lockPathFor } from '../../../electron/db/file-lock.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { startBrowserMode } from '../../../electron/server/browser-mode.ts';
import { backupNow, restoreFrom } from '../../../electron/services/backup-service.ts';
import { discardUpload, storeUpload, uploadPath } from '../../../electron/services/upload-store.ts';
import { contextFor, removeTempDirs, tempDir } from './fixtures/databases.ts';

// With the usual umask 022 every file the app writes beside the data file is readable by its
// owner only, folders it creates are 0700, and a data file left world-readable by an older version
// is narrowed when opened.

const posix = process.platform !== 'win32';
if (!posix) console.log('SKIP owner-only file modes: Windows has no POSIX mode bits');
const mode = (p: string) => statSync(p).mode & 0o777;
let oldUmask = 0;

beforeAll(() => {
  if (posix) oldUmask = process.umask(0o022);
});
afterAll(() => {
  if (posix) process.umask(oldUmask);
  removeTempDirs();
});

describe.skipIf(!posix)('owner-only files', () => {
  it('data file, WAL, shm, lock, backups, pre-restore copy and uploads are 0600; their folders 0700', async () => {
    const dataFile = join(tempDir(), 'profile', 'ledger', 'selfeval.db');
    const app = await startBrowserMode({ dataFile, staticDir: null });
    try {
      app.session.ctx.db.prepare("INSERT INTO app_setting (key, value_json) VALUES ('x.test', '1')").run();
      expect(existsSync(`${dataFile}-wal`)).toBe(true);
      expect(existsSync(`${dataFile}-shm`)).toBe(true);
      expect(mode(join(dataFile, '..'))).toBe(0o700);
      expect(mode(join(dataFile, '..', '..'))).toBe(0o700);
      for (const f of [dataFile, `${dataFile}-wal`, `${dataFile}-shm`, lockPathFor(dataFile)]) expect([f, mode(f)]).toEqual([f, 0o600]);
    } finally {
      await app.close();
    }

    // Backups and restore of a second file (browser mode's first daily backup of the first one may
    // still be running on its own clock).
    const second = join(tempDir(), 'second.db');
    const db = openDatabase(second);
    const ctx = contextFor(db, second);
    try {
      const backup = await backupNow(ctx, 'manual');
      const dir = backupDirFor(second);
      expect(mode(dir)).toBe(0o700);
      for (const name of readdirSync(dir)) expect([name, mode(join(dir, name))]).toEqual([name, 0o600]);

      const restored = restoreFrom(ctx, { name: backup.name });
      expect(restored.preRestoreFile).not.toBeNull();
      expect(mode(restored.preRestoreFile!)).toBe(0o600);
      for (const f of [second, `${second}-wal`, `${second}-shm`]) {
        if (existsSync(f)) expect([f, mode(f)]).toEqual([f, 0o600]);
      }
    } finally {
      ctx.db.close();
    }

    const up = storeUpload('流水.csv', Buffer.from('a,b\n1,2\n').toString('base64'));
    expect(mode(uploadPath(up.fileId))).toBe(0o600);
    expect(mode(join(uploadPath(up.fileId), '..'))).toBe(0o700);
    expect(mode(join(uploadPath(up.fileId), '..', '..'))).toBe(0o700);
    discardUpload(up.fileId);
  });

  it('narrows a world-readable data file from an older version when it is opened', () => {
    const file = join(tempDir(), 'old.db');
    const made = new Database(file);
    made.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    made.close();
    chmodSync(file, 0o644);
    writeFileSync(`${file}-wal`, '');
    chmodSync(`${file}-wal`, 0o644);
    expect(mode(file)).toBe(0o644);
    // Not ours (no application id): refused untouched, its mode included.
    expect(() => openDatabase(file)).toThrow(/不是本程序的数据文件/);
    expect(mode(file)).toBe(0o644);

    const ours = join(tempDir(), 'ours.db');
    openDatabase(ours).close();
    chmodSync(ours, 0o644);
    const db = openDatabase(ours);
    try {
      expect(mode(ours)).toBe(0o600);
      expect(mode(`${ours}-wal`)).toBe(0o600);
    } finally {
      db.close();
    }
  });
});
