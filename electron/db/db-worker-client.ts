import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/api/app-error.ts';
import type { BackupProgress, WrittenBackup } from './backup.ts';
import { backupTempName, removeBackupTemp } from './backup.ts';
import type { DbWorkerJob, FromDbWorker, ToDbWorker } from './db-worker-protocol.ts';

// The app's side of the db worker (db-worker.ts): backups and page checks of a data file run on
// a worker thread with a connection of their own, so requests keep being answered meanwhile.

let workerEntry: URL | null = null;

/** Where the bundled app finds the worker script; from sources (tsx, vitest) it is found beside this file. */
export function configureDbWorker(entry: URL | string): void {
  workerEntry = typeof entry === 'string' ? pathToFileURL(entry) : entry;
}

function spawnWorker(job: DbWorkerJob): Worker {
  if (workerEntry) return new Worker(workerEntry, { workerData: job, execArgv: [] });
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./db-worker.js', here), { workerData: job });
  const entry = new URL('./db-worker.ts', here).href;
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: job });
}

function exitedError(code: number): AppError {
  return new AppError('INTERNAL', `后台数据任务意外退出（代码 ${code}）。数据文件未受影响。`);
}

export interface BackupInWorker {
  /** Resolves once the copy is whole (a snapshot); verification goes on in the worker. */
  copied: Promise<void>;
  /** Resolves once the backup is verified, synced and under its final name. */
  done: Promise<WrittenBackup>;
  /** Asks the worker to stop at the backup's next step; `done` then rejects and nothing is left behind. */
  stop(): void;
}

/** An online backup of `source` into `dest`, written and verified on a worker thread. */
export function backupInWorker(
  source: string,
  dest: string,
  onProgress: (p: BackupProgress) => void = () => {},
  opts: { pagesPerStep?: number } = {},
): BackupInWorker {
  const tmp = backupTempName(dest);
  const worker = spawnWorker({ type: 'backup', source, dest, tmp, ...(opts.pagesPerStep ? { pagesPerStep: opts.pagesPerStep } : {}) });
  let copiedResolve!: () => void;
  let copiedReject!: (e: unknown) => void;
  const copied = new Promise<void>((res, rej) => {
    copiedResolve = res;
    copiedReject = rej;
  });
  let settled = false;
  const done = new Promise<WrittenBackup>((resolve, reject) => {
    const fail = (err: AppError) => {
      if (settled) return;
      settled = true;
      removeBackupTemp(tmp);
      copiedReject(err);
      reject(err);
    };
    worker.on('message', (m: FromDbWorker) => {
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'copied') copiedResolve();
      else if (m.type === 'backed-up') {
        settled = true;
        copiedResolve();
        resolve(m.written);
      } else if (m.type === 'error') fail(AppError.fromPayload(m.error));
    });
    worker.on('error', (err) => fail(new AppError('INTERNAL', `备份失败（后台任务出错：${err.message}）。数据文件未受影响。`)));
    worker.on('exit', (code) => fail(exitedError(code)));
  });
  // Whoever awaits only `copied` must not leave `done` unhandled.
  done.catch(() => {});
  copied.catch(() => {});
  return {
    copied,
    done,
    stop() {
      // Never worker.terminate(): terminated inside a native SQLite call, it aborts the process.
      if (!settled) worker.postMessage({ type: 'stop' } satisfies ToDbWorker);
    },
  };
}

/** The page check (quick_check or integrity_check) of `file` on a worker thread: the error to show, or null. */
export function checkInWorker(file: string, mode: 'quick' | 'full'): { result: Promise<AppError | null>; stop(): void } {
  const worker = spawnWorker({ type: 'check', file, mode });
  const result = new Promise<AppError | null>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (!settled) {
        settled = true;
        f();
      }
    };
    worker.on('message', (m: FromDbWorker) => {
      if (m.type === 'checked') settle(() => resolve(m.problem ? AppError.fromPayload(m.problem) : null));
      else if (m.type === 'error') settle(() => reject(AppError.fromPayload(m.error)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(exitedError(code))));
  });
  return {
    result,
    // The check cannot be interrupted safely (see above): it runs to its end, unheeded, and does
    // not keep the process alive meanwhile.
    stop() {
      worker.unref();
    },
  };
}
