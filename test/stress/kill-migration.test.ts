import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../electron/db/open.ts';
import { buildVersionFixture, normalisedSchema, removeTempDirs, tempDir } from '../integration/reliability/fixtures/databases.ts';
import { appWouldStart, inspectBackups, inspectFile } from './inspect.ts';
import { KillWindow, runChild, runKillCampaign, STRESS_FULL, STRESS_TEST_TIMEOUT_MS, killsPerOperation } from './kill-harness.ts';
import { migrationsWithSynthetic } from './synthetic-migration.ts';

// A schema-1 file with realistic rows, migrated by the real migrations plus a large synthetic one
// (with the backup-before-migration hook), killed at a random moment. Afterwards the file is
// whole, its user_version is one the migrations produce and its schema is exactly that version's,
// the synthetic table is full or absent, the schema-1 data is all there, every backup is whole,
// and the app still starts on it (finishing the migration).

const ROWS = STRESS_FULL ? 200_000 : 50_000;

/** Counts and sums of the schema-1 data: unchanged by any migration. */
function baseFigures(db: Db): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).get());
  return [
    q('SELECT count(*) AS n, sum(amount_fen) AS s FROM ledger_txn'),
    q('SELECT count(*) AS n, sum(initial_fen) AS s, sum(adjustment_fen) AS a FROM budget_line'),
    q('SELECT count(*) AS n, sum(chosen_score_centi) AS s FROM indicator_score'),
    q('SELECT count(*) AS n FROM audit_log'),
    q('SELECT count(*) AS n FROM unit'),
    q('SELECT count(*) AS n FROM task_measure'),
    q('SELECT count(*) AS n FROM report_snapshot'),
  ].join('|');
}

afterAll(removeTempDirs);

describe('kill during migration', () => {
  it(
    'leaves the file at a whole schema version, never between, with nothing lost',
    async () => {
      const dir = tempDir();
      const migrations = migrationsWithSynthetic(ROWS);
      const latest = migrations.length;
      const base = join(dir, 'schema1.db');
      buildVersionFixture(base, 1, { txns: 5000 });
      const reference = new Map<number, string>();
      for (let v = 1; v <= latest; v++) {
        const db = openDatabase(join(dir, `ref-${v}.db`), { migrations: migrations.slice(0, v) });
        reference.set(v, JSON.stringify(normalisedSchema(db)));
        db.close();
      }
      const expected = inspectFile(base, baseFigures).result;

      const copyOfBase = (i: number) => {
        const sub = join(dir, `run-${i}`);
        mkdirSync(sub);
        const file = join(sub, 'data.db');
        copyFileSync(base, file);
        return { file, rows: ROWS };
      };
      const calibration = await runChild('migration', copyOfBase(-1), null);
      const window = new KillWindow(calibration.readyToDoneMs ?? 2000);

      const tally = await runKillCampaign({
        operation: 'migration',
        kills: killsPerOperation(),
        prepare: copyOfBase,
        delayMs: (i) => window.delay(i),
        verify(args, run) {
          window.observe(run);
          const seen = inspectFile(args.file, (db) => ({
            schema: JSON.stringify(normalisedSchema(db)),
            figures: baseFigures(db),
            filler: (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'stress_filler'").get() as { n: number }).n
              ? (db.prepare('SELECT count(*) AS n FROM stress_filler').get() as { n: number }).n
              : 0,
          }));
          const v = seen.userVersion;
          const details: string[] = [...seen.problems];
          const versionBetween = !reference.has(v) || reference.get(v) !== seen.result.schema;
          if (versionBetween) details.push(`version ${v} with a schema that is not that version's`);
          const partial = seen.result.figures !== expected || seen.result.filler !== (v === latest ? ROWS : 0);
          if (partial) details.push(`data differs: ${seen.result.figures} filler=${seen.result.filler}`);
          const backups = inspectBackups(args.file, migrations, baseFigures);
          const badBackups = backups.results.filter((b) => b.userVersion !== 1 || b.value !== expected);
          details.push(...backups.damaged, ...badBackups.map((b) => `backup ${b.name} differs`));
          const start = appWouldStart(args.file, migrations);
          if (!start.ok || start.version !== latest) details.push(`app start: ${start.detail} version ${start.version}`);
          rmSync(dirname(args.file), { recursive: true, force: true });
          return {
            integrityFailure: seen.problems.length > 0 || backups.damaged.length > 0 || !start.ok,
            partial: partial || badBackups.length > 0,
            versionBetween,
            lost: false,
            state: `v${v}`,
            counts: { backups_verified: backups.checked },
            detail: details.join('; '),
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
