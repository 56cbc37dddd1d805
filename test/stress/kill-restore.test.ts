import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBackupSync } from '../../electron/db/backup.ts';
import { latestSchemaVersion, openDatabase } from '../../electron/db/open.ts';
import { addLedgerRowsBySql, buildExampleDb, contentHash, removeTempDirs, tempDir } from '../integration/reliability/fixtures/databases.ts';
import { appWouldStart, inspectFile } from './inspect.ts';
import { KillWindow, runChild, runKillCampaign, STRESS_FULL, STRESS_TEST_TIMEOUT_MS, killsPerOperation } from './kill-harness.ts';

// A restore of backup B over live database A, killed at a random moment. Afterwards the data file
// exists and is exactly A or exactly B (never missing, never a mixture), and any kept pre-restore
// file is exactly A.

afterAll(removeTempDirs);

describe('kill during restore', () => {
  it(
    'leaves the data file as the old or the restored database, whole',
    async () => {
      const dir = tempDir();
      const a = join(dir, 'a.db');
      await buildExampleDb(a, STRESS_FULL ? 40_000 : 6_000);
      const b = join(dir, 'b-source.db');
      copyFileSync(a, b);
      const candidate = join(dir, 'b-backup.db');
      const bdb = openDatabase(b);
      addLedgerRowsBySql(bdb, 3000, 'B');
      bdb.prepare("UPDATE department SET name = '恢复测试用部门'").run();
      writeBackupSync(bdb, candidate);
      bdb.close();
      const hashA = inspectFile(a, contentHash).result;
      const hashB = inspectFile(candidate, contentHash).result;
      expect(hashA).not.toBe(hashB);

      const freshLive = (i: number) => {
        const sub = join(dir, `run-${i}`);
        mkdirSync(sub);
        const file = join(sub, 'data.db');
        copyFileSync(a, file);
        return { file, candidate };
      };
      const calibration = await runChild('restore', freshLive(-1), null);
      const window = new KillWindow(calibration.readyToDoneMs ?? 1500);

      const tally = await runKillCampaign({
        operation: 'restore',
        kills: killsPerOperation(),
        prepare: freshLive,
        delayMs: (i) => window.delay(i),
        verify(args, run) {
          window.observe(run);
          if (!existsSync(args.file)) {
            return { integrityFailure: false, partial: false, versionBetween: false, lost: true, state: 'missing', detail: 'data file missing' };
          }
          const seen = inspectFile(args.file, contentHash);
          const state = seen.result === hashA ? 'old' : seen.result === hashB ? 'new' : 'mixed';
          const folder = join(args.file, '..');
          const kept = readdirSync(folder).filter((n) => /\.pre-restore-[\d-]+\.db$/.test(n));
          const keptBad = kept.filter((n) => {
            const k = inspectFile(join(folder, n), contentHash);
            return k.problems.length > 0 || k.result !== hashA;
          });
          const start = appWouldStart(args.file);
          rmSync(folder, { recursive: true, force: true });
          return {
            integrityFailure: seen.problems.length > 0 || !start.ok,
            partial: state === 'mixed' || keptBad.length > 0,
            versionBetween: seen.userVersion !== latestSchemaVersion(),
            lost: false,
            state,
            detail: [...seen.problems, ...keptBad.map((n) => `${n} is not the old database`), start.detail].join('; '),
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
