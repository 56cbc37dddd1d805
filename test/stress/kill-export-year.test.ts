import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open.ts';
import { exportYear } from '../../electron/services/year-document-service.ts';
import { buildExampleDb, exampleIds, removeTempDirs, tempDir } from '../integration/reliability/fixtures/databases.ts';
import { inspectFile } from './inspect.ts';
import { KillWindow, runChild, runKillCampaign, STRESS_FULL, STRESS_TEST_TIMEOUT_MS, killsPerOperation } from './kill-harness.ts';

// The CLI's export-year killed at a random moment: the target file is absent or the complete
// document, never a truncated one, and the data file is whole.

afterAll(removeTempDirs);

function withoutTimestamp(doc: unknown): unknown {
  const { exportedAt: _t, ...rest } = doc as { exportedAt?: string };
  return rest;
}

describe('kill during export-year', () => {
  it(
    'leaves the export absent or complete',
    async () => {
      const dir = tempDir();
      const file = join(dir, 'data.db');
      await buildExampleDb(file, STRESS_FULL ? 60_000 : 8_000);
      const db = openDatabase(file);
      const expected = JSON.stringify(withoutTimestamp(JSON.parse(JSON.stringify(exportYear(db, exampleIds(db).yearId)))));
      db.close();

      const calibration = await runChild('export-year', { file, out: join(dir, 'calibration.json') }, null);
      const window = new KillWindow(calibration.readyToDoneMs ?? 1000);
      const tally = await runKillCampaign({
        operation: 'export-year',
        kills: killsPerOperation(),
        prepare: (i) => ({ file, out: join(dir, `export-${i}.json`) }),
        delayMs: (i) => window.delay(i),
        verify(args, run) {
          window.observe(run);
          const live = inspectFile(args.file, () => null);
          // A leftover .tmp shows the kill landed while the document was being written.
          let state = existsSync(`${args.out}.tmp`) ? 'absent-tmp-left' : 'absent';
          let partial = false;
          if (existsSync(args.out)) {
            state = 'complete';
            try {
              partial = JSON.stringify(withoutTimestamp(JSON.parse(readFileSync(args.out, 'utf8')))) !== expected;
            } catch {
              partial = true;
            }
            if (partial) state = 'truncated';
          }
          rmSync(args.out, { force: true });
          rmSync(`${args.out}.tmp`, { force: true });
          return {
            integrityFailure: live.problems.length > 0,
            partial,
            versionBetween: false,
            lost: false,
            state,
            detail: [...live.problems, partial ? `${args.out} is not the complete document` : ''].join('; '),
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
