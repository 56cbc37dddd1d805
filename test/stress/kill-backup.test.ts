import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDirFor, removeStaleTemps } from '../../electron/db/backup.ts';
import { loadMigrations } from '../../electron/db/migrations.ts';
import { latestSchemaVersion } from '../../electron/db/open.ts';
import { buildExampleDb, contentHash, removeTempDirs, tableFigures, tempDir } from '../integration/reliability/fixtures/databases.ts';
import { appWouldStart, inspectBackups, inspectFile, leftoverTemps } from './inspect.ts';
import { randomDelay, runKillCampaign, STRESS_FULL, STRESS_TEST_TIMEOUT_MS, killsPerOperation } from './kill-harness.ts';

// Backups taken one after another (online API and VACUUM INTO, with rotation) and killed at a
// random moment. Afterwards the live file is unchanged and whole, every file under a backup name
// passes integrity_check with the live file's row counts and amount sums, the newest reported
// backup exists, and the temporary leftovers are recognised and cleared.

afterAll(removeTempDirs);

describe('kill during backup', () => {
  it(
    'never leaves a damaged file under a backup name and never touches the live file',
    async () => {
      const dir = tempDir();
      const file = join(dir, 'data.db');
      await buildExampleDb(file, STRESS_FULL ? 60_000 : 10_000);
      const checkedBackups = new Set<string>();
      const expected = inspectFile(file, contentHash).result;
      const expectedFigures = inspectFile(file, tableFigures).result;
      const latest = latestSchemaVersion();
      const tally = await runKillCampaign({
        operation: 'backup',
        kills: killsPerOperation(),
        prepare: () => ({ file }),
        delayMs: () => randomDelay(20, STRESS_FULL ? 3000 : 1500),
        verify(args, run) {
          const live = inspectFile(args.file, contentHash);
          const backups = inspectBackups(args.file, loadMigrations(), tableFigures, checkedBackups);
          const differing = backups.results.filter((b) => b.value !== expectedFigures || b.userVersion !== latest);
          const reported = run.lines.filter((l) => l.startsWith('BACKUP ')).map((l) => l.slice(7));
          const newest = reported.at(-1);
          const newestMissing = newest !== undefined && !existsSync(join(backupDirFor(args.file), newest));
          const temps = leftoverTemps(backupDirFor(args.file));
          const cleared = removeStaleTemps(backupDirFor(args.file));
          const start = appWouldStart(args.file);
          return {
            integrityFailure: live.problems.length > 0 || backups.damaged.length > 0 || !start.ok,
            partial: differing.length > 0 || live.result !== expected || cleared.length !== temps.length,
            versionBetween: live.userVersion !== latest,
            lost: newestMissing,
            state: temps.length > 0 ? 'temp-left' : 'clean',
            counts: { backups_verified: backups.checked },
            detail: [
              ...live.problems,
              ...backups.damaged,
              ...differing.map((b) => `${b.name} differs`),
              live.result !== expected ? 'live file changed' : '',
              newestMissing ? `reported backup ${newest} missing` : '',
              cleared.length !== temps.length ? `temps ${temps.join(',')} cleared ${cleared.join(',')}` : '',
              start.detail,
            ].join('; '),
          };
        },
      });
      expect(tally.problems).toEqual([]);
      expect(tally.bad).toBe(0);
      expect(tally.kills).toBe(killsPerOperation());
    },
    STRESS_TEST_TIMEOUT_MS,
  );
});
