import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireFileLock, lockPathFor, readFileLock } from '../../../electron/db/file-lock.ts';
import { startChild } from '../../stress/kill-harness.ts';
import { removeTempDirs, tempDir } from './fixtures/databases.ts';
import { mountReadOnlyView } from './fixtures/mounts.ts';

afterAll(removeTempDirs);

function deadPid(): number {
  // A process that has exited: its pid is free (pid reuse within the test is practically nil).
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function writeForeignLock(file: string, fields: Partial<{ pid: number; host: string; tool: string }>): void {
  const info = { pid: 1, host: hostname(), tool: 'app', startedAt: '2024-05-06T01:02:03.000Z', nonce: 'x', ...fields };
  writeFileSync(lockPathFor(file), JSON.stringify(info));
}

describe('single-writer file lock', () => {
  it('is exclusive within a process and released by its holder only', () => {
    const file = join(tempDir(), 'data.db');
    const lock = acquireFileLock(file, 'app');
    expect(readFileLock(file)).toMatchObject({ pid: process.pid, tool: 'app' });
    expect(() => acquireFileLock(file, 'cli')).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    lock.release();
    expect(existsSync(lockPathFor(file))).toBe(false);
    const again = acquireFileLock(file, 'cli');
    lock.release(); // a stale handle must not remove the new holder's lock
    expect(readFileLock(file)?.nonce).toBe(again.info.nonce);
    again.release();
  });

  it('refuses while another live process holds it, naming that process in Chinese', async () => {
    const file = join(tempDir(), 'data.db');
    const holder = await startChild('hold-lock', { file });
    try {
      let error: { code?: string; message?: string } = {};
      try {
        acquireFileLock(file, 'app');
      } catch (e) {
        error = e as typeof error;
      }
      expect(error.code).toBe('LOCKED');
      expect(error.message).toContain(`进程 ${holder.pid}`);
      expect(error.message).toContain('数据文件正被另一个窗口或命令行使用');
      expect(error.message).toContain(file);
    } finally {
      await holder.kill();
    }
    // The holder was killed without releasing: its lock is stale now and is taken over.
    expect(readFileLock(file)?.pid).toBe(holder.pid);
    const lock = acquireFileLock(file, 'app');
    expect(readFileLock(file)?.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose process is gone, but not one held on another computer', () => {
    const file = join(tempDir(), 'data.db');
    writeForeignLock(file, { pid: deadPid() });
    acquireFileLock(file, 'app').release();

    writeForeignLock(file, { pid: deadPid(), host: 'OTHER-PC' });
    expect(() => acquireFileLock(file, 'app')).toThrow(/计算机 OTHER-PC.*如确认那台计算机上的程序已经关闭，可删除锁文件/);
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8')).host).toBe('OTHER-PC');
  });

  it('treats an unreadable lock as being written unless it is old', () => {
    const file = join(tempDir(), 'data.db');
    writeFileSync(lockPathFor(file), '');
    expect(() => acquireFileLock(file, 'cli')).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathFor(file), old, old);
    acquireFileLock(file, 'cli').release();
  });

  it('says in Chinese when the folder is missing or cannot be written', (ctx) => {
    const missing = join(tempDir(), 'no-such-folder', 'data.db');
    expect(() => acquireFileLock(missing, 'app')).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('文件夹不存在') }));
    const source = tempDir();
    const view = mountReadOnlyView(source, join(tempDir(), 'ro'));
    if (!view) ctx.skip('mount is not permitted here: the read-only folder case is not run');
    try {
      expect(() => acquireFileLock(join(view!.dir, 'data.db'), 'app')).toThrow(
        expect.objectContaining({ code: 'DB_READONLY', message: expect.stringContaining('无法写入') }),
      );
    } finally {
      view!.unmount();
    }
  });
});
