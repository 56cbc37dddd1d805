import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../../electron/cli/commands/backup.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { startChild } from '../../stress/kill-harness.ts';
import { addLedgerBatch, buildExampleDb, contentHash, removeTempDirs, tempDir } from './fixtures/databases.ts';
import { openDatabase } from '../../../electron/db/open.ts';

// `selfeval backup` and `selfeval restore`: exit codes, JSON and Chinese messages, and the lock.

afterAll(removeTempDirs);

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) }, [backupCommand, restoreCommand]);
  return { code, out, err };
}

describe('selfeval backup / restore', () => {
  it('backs up while another process holds the writer lock, and never overwrites', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.db');
    await buildExampleDb(db);
    const holder = await startChild('hold-lock', { file: db });
    try {
      const out = join(dir, 'copy.db');
      const r = await cli('backup', '--db', db, '--out', out);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/已备份到 .*copy\.db（\d+ 字节，数据版本 \d+，完整性检查通过）/);
      const again = await cli('backup', '--db', db, '--out', out, '--json');
      expect(again.code).toBe(1);
      expect(JSON.parse(again.out)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(again.err).toContain('备份目标文件已存在，不会覆盖');
    } finally {
      await holder.kill();
    }
  });

  it('reports a missing data file and missing arguments', async () => {
    const dir = tempDir();
    const missing = await cli('backup', '--db', join(dir, 'none.db'), '--out', join(dir, 'x.db'), '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).error.code).toBe('NOT_FOUND');
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
    const usage = await cli('restore', '--db', join(dir, 'data.db'));
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('缺少参数 --from');
  });

  it('restore refuses while the app holds the file, then restores and says where the old file is', async () => {
    const dir = tempDir();
    const db = join(dir, 'data.db');
    await buildExampleDb(db);
    const backup = join(dir, 'backup.db');
    expect((await cli('backup', '--db', db, '--out', backup)).code).toBe(0);
    const live = openDatabase(db);
    addLedgerBatch(live, 10, 'later');
    const changed = contentHash(live);
    live.close();

    const holder = await startChild('hold-lock', { file: db });
    let refused: { code: number; out: string; err: string };
    try {
      refused = await cli('restore', '--db', db, '--from', backup, '--json');
    } finally {
      await holder.kill();
    }
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out).error).toMatchObject({ code: 'LOCKED', message: expect.stringContaining(`进程 ${holder.pid}`) });
    const still = new Database(db, { readonly: true });
    expect(contentHash(still)).toBe(changed);
    still.close();

    const done = await cli('restore', '--db', db, '--from', backup);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/已用 .*backup\.db 恢复数据文件 .*data\.db。原数据文件已另存为 .*data\.pre-restore-\d{8}-\d{6}\.db。/);
    const kept = done.out.match(/另存为 (.*\.db)。/)![1]!;
    const keptDb = new Database(kept, { readonly: true });
    expect(contentHash(keptDb)).toBe(changed);
    keptDb.close();
  });
});
