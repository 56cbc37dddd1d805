import { randomBytes } from 'node:crypto';
import { AppError, type AppErrorPayload } from '../../shared/api/app-error.ts';
import type { CommitOptions, CommitResult } from '../../shared/import/schemas.ts';
import { toAppError } from '../db/sqlite-errors.ts';
import type { ServiceContext } from './context.ts';
import { importFile } from './import-service.ts';

// A commit runs in the background so the window stays responsive: the wizard starts it, polls its
// progress, and may cancel it (the import is one transaction, so a cancel writes nothing). Every
// job ends: whatever the import throws — the backup, the parse, the linking — settles it as failed.
export interface ImportJobState {
  jobId: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  rows: number;
  percent: number;
  result: CommitResult | null;
  error: AppErrorPayload | null;
}

interface Job {
  state: ImportJobState;
  abort: AbortController;
  endedAt: number | null;
}

/** How long a finished job's outcome stays available to the wizard's polling. */
export const FINISHED_JOB_TTL_MS = 10 * 60 * 1000;

const jobs = new Map<string, Job>();

function pruneFinished(now: number): void {
  for (const [id, job] of jobs) {
    if (job.endedAt !== null && now - job.endedAt > FINISHED_JOB_TTL_MS) jobs.delete(id);
  }
}

/** `onEnd` runs once the job has ended, whichever way (the caller frees the uploaded file there). */
export function startImportJob(
  ctx: ServiceContext,
  options: CommitOptions,
  onEnd: (status: ImportJobState['status']) => void = () => {},
  now: () => number = Date.now,
): ImportJobState {
  pruneFinished(now());
  if ([...jobs.values()].some((j) => j.state.status === 'running')) {
    throw new AppError('CONFLICT', '已有一个导入正在进行，请等待它完成或取消后再导入。');
  }
  const jobId = randomBytes(8).toString('hex');
  const abort = new AbortController();
  const state: ImportJobState = { jobId, status: 'running', rows: 0, percent: 0, result: null, error: null };
  const job: Job = { state, abort, endedAt: null };
  jobs.set(jobId, job);
  const end = (status: ImportJobState['status']) => {
    state.status = status;
    job.endedAt = now();
    try {
      onEnd(status);
    } catch {
      // Freeing the upload is housekeeping; the import's outcome stands.
    }
  };
  // Deferred one tick, so a failure before the first await (the backup) still settles the job.
  Promise.resolve()
    .then(() =>
      importFile(ctx, options, {
        signal: abort.signal,
        onProgress: (p) => {
          state.rows = p.rows;
          state.percent = p.percent;
        },
      }),
    )
    .then(
      (result) => {
        state.percent = 100;
        state.result = result;
        end('done');
      },
      (err: unknown) => {
        state.error = toAppError(err).toPayload();
        end(abort.signal.aborted ? 'cancelled' : 'failed');
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

/** How many jobs are kept (running or finished within the TTL); for tests of the pruning. */
export function importJobCount(): number {
  return jobs.size;
}
