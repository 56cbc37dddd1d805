import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDirFor, verifyBackupFile } from '../../../electron/db/backup.ts';
import { backupStatus } from '../../../electron/services/backup-service.ts';
import { lockPathFor } from '../../../electron/db/file-lock.ts';
import { loadMigrations } from '../../../electron/db/migrations.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { openAppSession } from '../../../electron/services/app-session.ts';
import { removeTempDirs, tempDir } from './fixtures/databases.ts';

afterAll(removeTempDirs);

describe('closing the app while its first daily backup is being written', () => {
  it('stops the backup cleanly: no temp file, at most one whole checked daily backup, and the lock freed after it', async () => {
    const file = join(tempDir(), 'data.db');
    const db = openDatabase(file);
    // Big enough (≈24 MB) that the online backup takes many steps of the event loop.
    const note = JSON.stringify({ text: '备'.repeat(2000) });
    const insert = db.prepare("INSERT INTO audit_log (action, entity, after_json) VALUES ('create', 'note', ?)");
    db.transaction(() => {
      for (let i = 0; i < 4000; i++) insert.run(note);
    })();
    db.close();

    // As browser mode and the desktop shell open and close it. The first daily backup starts once
    // start-up's background page check has passed, and runs on the db worker in steps; the close
    // below lands while it is copying.
    const errors: unknown[] = [];
    const session = openAppSession({ dataFile: file, tool: 'browser', transport: 'http', appVersion: 'test', onBackupError: (e) => errors.push(e) });
    expect(session.state().status).toBe('ready');
    expect((await session.backgroundCheckDone()).status).toBe('ready');
    const until = Date.now() + 60_000;
    while (!backupStatus(session.ctx).running && backupStatus(session.ctx).last === null) {
      if (Date.now() > until) throw new Error('the daily backup never started');
      await new Promise((r) => setTimeout(r, 5));
    }
    await session.close();

    // A backup stopped at its next step leaves nothing; one already verifying finishes whole.
    const dir = backupDirFor(file);
    const names = existsSync(dir) ? readdirSync(dir) : [];
    const daily = names.filter((n) => n.includes('daily') && n.endsWith('.db'));
    expect(names.filter((n) => !n.endsWith('.db'))).toEqual([]);
    expect(daily.length).toBeLessThanOrEqual(1);
    for (const d of daily) expect(verifyBackupFile(join(dir, d), loadMigrations(), 'quick').userVersion).toBe(loadMigrations().length);
    expect(errors).toEqual([]);
    expect(existsSync(lockPathFor(file))).toBe(false);
    expect(() => session.ctx.db).toThrow();
  });
});
