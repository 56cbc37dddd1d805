import { randomBytes } from 'node:crypto';
import { AppError, type AppErrorPayload } from '../../shared/api/app-error.ts';
import type { CommitOptions, CommitResult } from '../../shared/import/schemas.ts';
import { toAppError } from '../db/sqlite-errors.ts';
import type { Db } from '../db/open.ts';
import { linkTransactions } from './execution-service.ts';
import { commitImport } from './import-service.ts';

// A commit runs in the background so the window stays responsive: the wizard starts it, polls its
// progress, and may cancel it (the import is one transaction, so a cancel writes nothing).
export interface ImportJobState {
  jobId: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  rows: number;
  percent: number;
  result: CommitResult | null;
  error: AppErrorPayload | null;
}

const jobs = new Map<string, { state: ImportJobState; abort: AbortController }>();

export function startImportJob(db: Db, options: CommitOptions): ImportJobState {
  if ([...jobs.values()].some((j) => j.state.status === 'running')) {
    throw new AppError('CONFLICT', '已有一个导入正在进行，请等待它完成或取消后再导入。');
  }
  const jobId = randomBytes(8).toString('hex');
  const abort = new AbortController();
  const state: ImportJobState = { jobId, status: 'running', rows: 0, percent: 0, result: null, error: null };
  jobs.set(jobId, { state, abort });
  commitImport(db, options, {
    signal: abort.signal,
    onProgress: (p) => {
      state.rows = p.rows;
      state.percent = p.percent;
    },
  }).then(
    (result) => {
      // Imported spending is matched to its budget lines where exactly one line fits.
      if (options.target === 'ledger') linkTransactions(db, { yearId: options.yearId });
      state.status = 'done';
      state.percent = 100;
      state.result = result;
    },
    (err: unknown) => {
      state.status = abort.signal.aborted ? 'cancelled' : 'failed';
      state.error = toAppError(err).toPayload();
    },
  );
  return { ...state };
}

export function importJobState(jobId: string): ImportJobState {
  const job = jobs.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', '找不到该导入任务。');
  return { ...job.state };
}

export function cancelImportJob(jobId: string): ImportJobState {
  const job = jobs.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', '找不到该导入任务。');
  if (job.state.status === 'running') job.abort.abort();
  return { ...job.state };
}
