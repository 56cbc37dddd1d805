import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peakRssKb } from './peak-rss.ts';

// The timed part of an import bench child: a fresh data file with one department, unit and year,
// the file imported through commitImport (the worker bundled as the app ships it), and the result
// checked against the generator's own totals, so a bench never times an import that went wrong.

export interface TimedImport {
  ms: number;
  /** CPU time (user + system) of the whole process, all threads, over the import. */
  cpuMs: number;
  rows: number;
  maxRssKb: number;
}

export async function timedImport(file: string, worker: string, opts: { rows: number; rowsRead?: number; allSheets?: boolean }): Promise<TimedImport> {
  const { openDatabase } = await import('../electron/db/open.ts');
  const { configureImportWorker } = await import('../electron/import/run-parse.ts');
  if (worker) configureImportWorker(worker);
  const org = await import('../electron/db/repositories/organization-repo.ts');
  const { commitImport } = await import('../electron/services/import-service.ts');
  const { bigLedgerTotals } = await import('../test/fixtures/spreadsheets/big-ledger-lines.ts');
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-bench-import-'));
  try {
    const db = openDatabase(join(dir, 'bench.db'));
    const dept = org.insertDepartment(db, { name: '基准部门', code: '' });
    const unitId = org.insertUnit(db, dept.id, {
      name: '本级',
      code: '',
      kind: 'admin',
      isPrimary: true,
      headName: '',
      financeHeadName: '',
      preparerName: '',
      phone: '',
      sortOrder: 0,
    });
    const yearId = org.insertYear(db, dept.id, 2021);
    const t0 = performance.now();
    // process.cpuUsage is getrusage(RUSAGE_SELF): on Linux it sums every thread (the parse worker,
    // libuv's pool, V8's GC and compiler threads), including threads that have already exited.
    const cpu0 = process.cpuUsage();
    const result = await commitImport(db, { filePath: file, yearId, unitId, target: 'ledger', ...(opts.allSheets ? { allSheets: true } : {}) });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const expected = bigLedgerTotals(opts.rows);
    const a = result.accounting;
    if (
      a.rowsImported !== opts.rows ||
      (opts.rowsRead !== undefined && a.rowsRead !== opts.rowsRead) ||
      result.ledgerTotals?.outflowFen !== expected.outflowFen ||
      result.ledgerTotals?.inflowFen !== expected.inflowFen
    ) {
      throw new Error(`导入结果不对：${JSON.stringify({ accounting: a, totals: result.ledgerTotals, expected })}`);
    }
    db.close();
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: a.rowsImported, maxRssKb: peakRssKb() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
