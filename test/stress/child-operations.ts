import { join } from 'node:path';
import { exportYearCommand } from '../../electron/cli/commands/year-document.ts';
import { runCli } from '../../electron/cli/main.ts';
import { acquireFileLock } from '../../electron/db/file-lock.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { setSetting } from '../../electron/db/repositories/settings-repo.ts';
import { backupBefore, backupBeforeMigrate, backupNow, restoreFromFile } from '../../electron/services/backup-service.ts';
import { configureImportWorker } from '../../electron/import/run-parse.ts';
import { commitImport } from '../../electron/services/import-service.ts';
import { saveTxn } from '../../electron/services/ledger-service.ts';
import { contextFor, exampleIds } from '../integration/reliability/fixtures/databases.ts';
import { ledgerRows, type SheetFormat, writeSheet } from './generated-sheets.ts';
import { migrationsWithSynthetic } from './synthetic-migration.ts';

// The operations a child process performs while the parent kills it (child-runner.ts). Each one
// prints READY right before the part under test and DONE when a one-shot operation finished;
// looping operations print a line after each durable step (COMMIT n, BACKUP name), so the parent
// can check that everything reported as saved survived the kill. New operations (imports) are
// added here by name.

export interface ChildIo {
  ready(): void;
  done(): void;
  say(line: string): void;
}

export type ChildOperation = (args: Record<string, unknown>, io: ChildIo) => Promise<void>;

const str = (args: Record<string, unknown>, key: string): string => {
  const v = args[key];
  if (typeof v !== 'string') throw new Error(`child operation needs string argument ${key}`);
  return v;
};
const num = (args: Record<string, unknown>, key: string): number => {
  const v = args[key];
  if (typeof v !== 'number') throw new Error(`child operation needs number argument ${key}`);
  return v;
};

const forever = () => new Promise<never>(() => setInterval(() => {}, 60_000));

export const CHILD_OPERATIONS: Record<string, ChildOperation> = {
  /** Holds the single-writer lock of `file` until killed. */
  'hold-lock': async (args, io) => {
    acquireFileLock(str(args, 'file'), 'cli');
    io.ready();
    await forever();
  },

  /** Opens a schema-1 copy with the real migrations plus a large synthetic one, backing up first. */
  migration: async (args, io) => {
    const migrations = migrationsWithSynthetic(num(args, 'rows'));
    io.ready();
    openDatabase(str(args, 'file'), { migrations, beforeMigrate: backupBeforeMigrate() }).close();
    io.done();
  },

  /** Backs up the live database again and again, alternating a manual backup and the one before an import. */
  backup: async (args, io) => {
    const file = str(args, 'file');
    const ctx = contextFor(openDatabase(file), file);
    io.ready();
    for (let i = 0; ; i++) {
      const e = i % 2 === 0 ? await backupNow(ctx, 'manual') : await (await backupBefore(ctx, 'import')).done;
      io.say(`BACKUP ${e.name}`);
    }
  },

  /** Restores `candidate` over the open data file. */
  restore: async (args, io) => {
    const file = str(args, 'file');
    const ctx = contextFor(openDatabase(file), file);
    io.ready();
    restoreFromFile(ctx, str(args, 'candidate'), (f) => openDatabase(f));
    ctx.db.close();
    io.done();
  },

  /** The CLI's export-year, which writes to a temporary name and renames. */
  'export-year': async (args, io) => {
    const quiet = { stdout: () => {}, stderr: (t: string) => process.stderr.write(`${t}\n`) };
    io.ready();
    const code = await runCli(['export-year', '--db', str(args, 'file'), '--year', '2021', '--out', str(args, 'out')], quiet, [exportYearCommand]);
    if (code !== 0) throw new Error(`export-year exited ${code}`);
    io.done();
  },

  /**
   * Stand-in for an import commit: batches of `batchSize` ledger transactions through the ledger
   * service, each batch in one transaction together with its marker setting `stress.batch.<n>`.
   */
  'write-txn': async (args, io) => {
    const file = str(args, 'file');
    const batchSize = num(args, 'batchSize');
    const db = openDatabase(file);
    const { yearId, unitId } = exampleIds(db);
    io.ready();
    for (let b = num(args, 'firstBatch'); ; b++) {
      db.transaction(() => {
        for (let i = 0; i < batchSize; i++) {
          saveTxn(db, {
            yearId,
            unitId,
            txnDate: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
            voucherNo: `S${b}-${i}`,
            summary: `批次 ${b} 第 ${i} 笔`,
            counterparty: '某服务公司',
            fundingSource: 'general_budget',
            category: null,
            funcCode: '2010301',
            econCode: '30201',
            projectId: null,
            budgetLineId: null,
            direction: 'out',
            amountFen: 1000 + ((b * 31 + i) % 997),
          });
        }
        setSetting(db, `stress.batch.${b}`, batchSize);
      })();
      io.say(`COMMIT ${b}`);
    }
  },

  /**
   * Real import commits, one after another: each loop writes a new ledger file of `rows`
   * transactions (GBK CSV, .xlsx, UTF-8 CSV in turn; voucher numbers `I<seq>-<i>`) and commits it
   * through the import service and the capped parse worker (`worker`: the bundled entry).
   */
  import: async (args, io) => {
    const file = str(args, 'file');
    const rows = num(args, 'rows');
    configureImportWorker(str(args, 'worker'));
    const db = openDatabase(file);
    const { yearId, unitId } = exampleIds(db);
    const formats: SheetFormat[] = ['csv-gbk', 'xlsx', 'csv-utf8'];
    io.ready();
    for (let seq = num(args, 'firstSeq'); ; seq++) {
      const format = formats[seq % formats.length] ?? 'xlsx';
      const path = writeSheet(join(str(args, 'dir'), `import-${seq}`), ledgerRows(`I${seq}`, rows, { projects: true }), format);
      const result = await commitImport(db, { filePath: path, yearId, unitId, target: 'ledger' });
      io.say(`COMMIT ${result.batchId}`);
    }
  },
};
