import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDirFor, listBackupFiles } from '../../../electron/db/backup.ts';
import { FINISHED_JOB_TTL_MS, importJobCount, importJobState, startImportJob } from '../../../electron/services/import-jobs.ts';
import { sweepStaleUploads, uploadPath } from '../../../electron/services/upload-store.ts';
import { createClient } from '../../../shared/api/client.ts';
import type { ImportJobState } from '../../../electron/services/import-jobs.ts';
import { writeMessyLedgerXlsx } from '../../fixtures/spreadsheets/ledger-workbooks.ts';
import { openTestApp } from '../temp-db.ts';

// The wizard's background import: every job ends (done, failed or cancelled — never left
// "running"), finished jobs are pruned, and the uploaded file is deleted once it is imported.

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function setup() {
  const app = openTestApp();
  dirs.push(dirname(app.file));
  const api = createClient({ invoke: app.dispatch });
  await api.call('department.save', { name: '测试部门', code: '' });
  const unit = await api.call('units.save', {
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
  const year = await api.call('years.create', { year: 2021, copyProfileFrom: null });
  const xlsx = await writeMessyLedgerXlsx(join(dirname(app.file), 'ledger.xlsx'));
  const { fileId } = await api.call('import.upload', { fileName: 'ledger.xlsx', base64: readFileSync(xlsx).toString('base64') });
  return { app, api, unitId: unit.id, yearId: year.id, fileId, xlsx };
}

async function settle<S extends { status: ImportJobState['status'] }>(read: () => Promise<S> | S): Promise<S> {
  for (;;) {
    const s = await read();
    if (s.status !== 'running') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('import jobs', () => {
  it('ends done, backs up first, and deletes the uploaded file', async () => {
    const { app, api, unitId, yearId, fileId } = await setup();
    const path = uploadPath(fileId);
    const started = await api.call('import.start', { fileId, yearId, unitId, target: 'ledger' });
    const done = await settle(() => api.call('import.progress', { jobId: started.jobId }));
    expect(done.status).toBe('done');
    expect(done.result?.accounting.rowsImported).toBeGreaterThan(0);
    expect(listBackupFiles(backupDirFor(app.file), app.file).some((b) => b.name.includes('import'))).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect(() => uploadPath(fileId)).toThrow(/已失效/);
  });

  it('a failure inside the commit fails the job and writes nothing; the upload is kept for a retry', async () => {
    const { app, api, unitId, yearId, fileId, xlsx } = await setup();
    const rows = () => (app.db.prepare('SELECT count(*) AS n FROM ledger_txn').get() as { n: number }).n;
    const started = await api.call('import.start', { fileId, yearId, unitId, target: 'ledger' });
    const first = await settle(() => api.call('import.progress', { jobId: started.jobId }));
    expect([first.status, first.error?.message]).toEqual(['done', undefined]);
    await api.call('import.undo', { batchId: first.result!.batchId });
    // A trigger that refuses the link to budget lines: the import's own connection refuses the
    // altered file as soon as it opens it (schema check), before any row is written. Either way
    // the job must end, failed, with nothing written.
    app.db.exec(`CREATE TRIGGER refuse_link BEFORE UPDATE OF budget_line_id ON ledger_txn
      BEGIN SELECT RAISE(ABORT, 'link refused'); END`);
    const before = rows();
    const { fileId: again } = await api.call('import.upload', { fileName: 'ledger.xlsx', base64: readFileSync(xlsx).toString('base64') });
    const job = await api.call('import.start', { fileId: again, yearId, unitId, target: 'ledger' });
    const failed = await settle(() => api.call('import.progress', { jobId: job.jobId }));
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toContain('多出触发器 refuse_link');
    expect(rows()).toBe(before);
    expect(existsSync(uploadPath(again))).toBe(true);
  });

  it('prunes finished jobs after their time to live', async () => {
    const { app, unitId, yearId, xlsx } = await setup();
    let now = Date.now();
    const clock = () => now;
    const job = startImportJob(app.ctx, { filePath: xlsx, yearId, unitId, target: 'ledger' }, () => {}, clock);
    const ended = await settle(() => importJobState(job.jobId));
    expect(ended.status).toBe('done');
    const kept = importJobCount();
    now += FINISHED_JOB_TTL_MS + 1;
    // Starting the next job prunes; the same file is refused (already imported), which ends that job too.
    const next = startImportJob(app.ctx, { filePath: xlsx, yearId, unitId, target: 'ledger' }, () => {}, clock);
    expect(() => importJobState(job.jobId)).toThrow(/找不到该导入任务/);
    expect(importJobCount()).toBeLessThanOrEqual(kept);
    expect((await settle(() => importJobState(next.jobId))).status).toBe('failed');
  });
});

describe('upload folders', () => {
  it('sweeps folders of processes that have ended, never a live one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-sweep-'));
    dirs.push(dir);
    const dead = join(dir, 'selfeval-uploads-999999999-abc');
    const live = join(dir, `selfeval-uploads-${process.pid}-def`);
    const old = join(dir, 'selfeval-uploads-XyZ12');
    const other = join(dir, 'unrelated');
    for (const d of [dead, live, old, other]) {
      mkdirSync(d);
      writeFileSync(join(d, 'statement.csv'), '日期,金额\n');
    }
    expect(sweepStaleUploads(dir)).toBe(2);
    expect([dead, live, old, other].map((d) => existsSync(d))).toEqual([false, true, false, true]);
  });
});
