import { existsSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBackup, writeBackupSync } from '../../../electron/db/backup.ts';
import { acquireFileLock, lockPathFor } from '../../../electron/db/file-lock.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { restoreDatabase } from '../../../electron/db/restore.ts';
import { commitImport } from '../../../electron/services/import-service.ts';
import { writeBigLedgerXlsx } from '../../fixtures/spreadsheets/big-ledger.ts';
import { importTablesSnapshot, openImportTestDb } from '../import/import-db.ts';
import { buildExampleDb, fileSha256, removeTempDirs, tempDir } from './fixtures/databases.ts';
import { type Mounted, mountReadOnlyView, mountTmpfs } from './fixtures/mounts.ts';

// Write failures are named for what they are — 磁盘空间不足 (no space or no inodes left) or 无法写入
// (read-only, no permission) — in import, backup, restore and the file lock, and leave nothing
// half-done behind. The portable case uses PRAGMA max_page_count; the others need real small or
// read-only file systems (tmpfs, bind mounts) and skip, saying so, where mounting is not allowed.

afterAll(removeTempDirs);

interface Caught {
  code?: string;
  message?: string;
}

async function caught(fn: () => unknown): Promise<Caught> {
  try {
    await fn();
  } catch (e) {
    return e as Caught;
  }
  throw new Error('expected an error');
}

/** Fills `dir` until `leaveBytes` remain free. */
function fill(dir: string, leaveBytes: number): void {
  const { bavail, bsize } = statfsSync(dir);
  writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - leaveBytes)));
}

/** Uses up every inode of a tmpfs mounted with a small nr_inodes. */
function exhaustInodes(dir: string): void {
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `inode-${i}`), '');
    } catch {
      return;
    }
  }
}

function withMount(m: Mounted | null, ctx: { skip: (why: string) => void }, why: string): Mounted {
  if (!m) ctx.skip(why);
  return m!;
}

function expectDiskFull(e: Caught): void {
  expect(e.code, e.message).toBe('DISK_FULL');
  expect(e.message).toContain('磁盘空间不足');
  expect(e.message).not.toMatch(/只读|损坏|无权限/);
}

describe('import on a full disk', () => {
  it.each([
    ['in a worker', false],
    ['in process', true],
  ])('says 磁盘空间不足, not a damaged bank file, and writes nothing (max_page_count, %s)', async (_how, inProcess) => {
    const t = openImportTestDb();
    try {
      const filePath = join(t.dir, 'ledger.xlsx');
      await writeBigLedgerXlsx(filePath, 3000);
      const before = importTablesSnapshot(t.db);
      const e = await caught(() =>
        commitImport(
          t.db,
          { filePath, yearId: t.yearId, unitId: t.unitId, target: 'ledger' },
          {
            inProcess,
            openWriter: (f) => {
              const w = openDatabase(f);
              w.pragma(`max_page_count = ${(w.pragma('page_count', { simple: true }) as number) + 2}`);
              return w;
            },
          },
        ),
      );
      expectDiskFull(e);
      expect(e.message).toContain('ledger.xlsx');
      expect(importTablesSnapshot(t.db)).toBe(before);
    } finally {
      t.close();
    }
  });

  it('says 磁盘空间不足 when the real disk of the data file fills up (tmpfs)', async (ctx) => {
    const m = withMount(mountTmpfs(join(tempDir(), 'disk'), 2048), ctx, 'mount is not permitted here: only the max_page_count import case ran');
    try {
      const t = openImportTestDb();
      try {
        const filePath = join(t.dir, 'ledger.xlsx');
        await writeBigLedgerXlsx(filePath, 20000);
        const file = join(m.dir, 'data.db');
        await buildExampleDb(file);
        const db = openDatabase(file);
        const { yearId, unitId } = db.prepare('SELECT y.id AS yearId, u.id AS unitId FROM fiscal_year y, unit u LIMIT 1').get() as {
          yearId: number;
          unitId: number;
        };
        const before = importTablesSnapshot(db);
        fill(m.dir, 256 * 1024);
        const e = await caught(() => commitImport(db, { filePath, yearId, unitId, target: 'ledger' }));
        expectDiskFull(e);
        expect(importTablesSnapshot(db)).toBe(before);
        db.close();
      } finally {
        t.close();
      }
    } finally {
      m.unmount();
    }
  });
});

describe('backup and restore on a full or read-only disk', () => {
  it('a backup onto a disk with no inodes left says 磁盘空间不足, not a read-only folder', async (ctx) => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file);
    const m2 = withMount(mountTmpfs(join(tempDir(), 'no-inodes'), 4096, { nr_inodes: 8 }), ctx, 'mount with nr_inodes is not permitted here');
    try {
      exhaustInodes(m2.dir);
      const db = openDatabase(file);
      try {
        expectDiskFull(await caught(() => writeBackup(db, join(m2.dir, 'b1.db'))));
        expectDiskFull(await caught(() => writeBackupSync(db, join(m2.dir, 'b2.db'))));
      } finally {
        db.close();
      }
      expect(readdirSync(m2.dir).filter((n) => n.startsWith('b'))).toEqual([]);
    } finally {
      m2.unmount();
    }
  });

  it('a backup into a read-only folder says 无法写入', async (ctx) => {
    const file = join(tempDir(), 'data.db');
    await buildExampleDb(file);
    const source = tempDir();
    const view = withMount(mountReadOnlyView(source, join(tempDir(), 'ro')), ctx, 'bind mount is not permitted here');
    try {
      const db = openDatabase(file);
      try {
        const e = await caught(() => writeBackup(db, join(view.dir, 'b.db')));
        expect(e.code).toBe('DB_READONLY');
        expect(e.message).toContain('无法写入备份位置');
        expect(e.message).not.toContain('磁盘空间');
      } finally {
        db.close();
      }
    } finally {
      view.unmount();
    }
  });

  it('a restore onto a full disk says 磁盘空间不足 and leaves the data file as it was', async (ctx) => {
    const candidate = join(tempDir(), 'backup.db');
    await buildExampleDb(candidate, 2000);
    const m = withMount(mountTmpfs(join(tempDir(), 'disk'), 4096), ctx, 'mount is not permitted here');
    try {
      const file = join(m.dir, 'data.db');
      await buildExampleDb(file);
      const sha = fileSha256(file);
      fill(m.dir, 128 * 1024);
      const e = await caught(() => restoreDatabase({ file, candidate }));
      expectDiskFull(e);
      expect(e.message).toContain('数据文件未被替换');
      expect(fileSha256(file)).toBe(sha);
      expect(readdirSync(m.dir).filter((n) => n.includes('restore-tmp') || n.includes('pre-restore'))).toEqual([]);
    } finally {
      m.unmount();
    }
  });

  it('a new data file on a disk with no inodes left says 磁盘空间不足', async (ctx) => {
    const m = withMount(mountTmpfs(join(tempDir(), 'no-inodes'), 4096, { nr_inodes: 8 }), ctx, 'mount with nr_inodes is not permitted here');
    try {
      exhaustInodes(m.dir);
      expectDiskFull(await caught(() => openDatabase(join(m.dir, 'new.db'))));
    } finally {
      m.unmount();
    }
  });
});

describe('the writer lock on a full disk', () => {
  it('says 磁盘空间不足 and leaves no empty lock file behind, so the file is free at once afterwards', async (ctx) => {
    const m = withMount(mountTmpfs(join(tempDir(), 'disk'), 1024), ctx, 'mount is not permitted here');
    try {
      const file = join(m.dir, 'data.db');
      fill(m.dir, 0);
      expectDiskFull(await caught(() => acquireFileLock(file, 'cli')));
      expect(existsSync(lockPathFor(file))).toBe(false);
      rmSync(join(m.dir, 'filler'));
      // No 10-second wait for a stale empty lock: taken at once.
      const lock = acquireFileLock(file, 'cli');
      expect(existsSync(lockPathFor(file))).toBe(true);
      lock.release();
    } finally {
      m.unmount();
    }
  });
});
