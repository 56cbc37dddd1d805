import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDirFor, verifyBackupFile } from '../../../electron/db/backup.ts';
import { lockPathFor } from '../../../electron/db/file-lock.ts';
import { loadMigrations } from '../../../electron/db/migrations.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { openAppSession } from '../../../electron/services/app-session.ts';
import { removeTempDirs, tempDir } from './fixtures/databases.ts';

afterAll(removeTempDirs);

describe('closing the app while its first daily backup is being written', () => {
  it('waits for the backup: a whole, checked daily backup is left, no temp file, and the lock is freed after it', async () => {
    const file = join(tempDir(), 'data.db');
    const db = openDatabase(file);
    // Big enough (≈24 MB) that the online backup takes many steps of the event loop.
    const note = JSON.stringify({ text: '备'.repeat(2000) });
    const insert = db.prepare("INSERT INTO audit_log (action, entity, after_json) VALUES ('create', 'note', ?)");
    db.transaction(() => {
      for (let i = 0; i < 4000; i++) insert.run(note);
    })();
    db.close();

    // As browser mode and the desktop shell open and close it. The first daily backup starts at
    // open and needs the event loop to copy, so closing right away always overlaps it.
    const errors: unknown[] = [];
    const session = openAppSession({ dataFile: file, tool: 'browser', transport: 'http', appVersion: 'test', onBackupError: (e) => errors.push(e) });
    expect(session.state().status).toBe('ready');
    await session.close();

    const names = readdirSync(backupDirFor(file));
    const daily = names.filter((n) => n.includes('daily') && n.endsWith('.db'));
    expect(names.filter((n) => !n.endsWith('.db'))).toEqual([]);
    expect(daily).toHaveLength(1);
    expect(verifyBackupFile(join(backupDirFor(file), daily[0]!), loadMigrations(), 'quick').userVersion).toBe(loadMigrations().length);
    expect(errors).toEqual([]);
    expect(existsSync(lockPathFor(file))).toBe(false);
    expect(() => session.ctx.db).toThrow();
  });
});
