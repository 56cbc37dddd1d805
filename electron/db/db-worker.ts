// Worker entry: one job per worker (workerData), with its own better-sqlite3 connection, so a
// backup of a large file or a full page check never holds up the app's thread.

import { parentPort, workerData } from 'node:worker_threads';
import { writeBackupOfFile } from './backup.ts';
import type { DbWorkerJob, FromDbWorker, ToDbWorker } from './db-worker-protocol.ts';
import { pageProblem } from './health.ts';
import { toAppError } from './sqlite-errors.ts';

const port = parentPort;
if (!port) throw new Error('db-worker must run inside a worker thread');
const post = (m: FromDbWorker) => port.postMessage(m);
const job = workerData as DbWorkerJob;

// Stopping is cooperative: a worker terminated inside a native SQLite call aborts the whole
// process, so the backup checks this flag between its steps instead.
let stopRequested = false;
port.on('message', (m: ToDbWorker) => {
  if (m.type === 'stop') stopRequested = true;
});
port.unref();

try {
  if (job.type === 'backup') {
    const written = await writeBackupOfFile(job.source, job.dest, {
      tmp: job.tmp,
      ...(job.pagesPerStep ? { pagesPerStep: job.pagesPerStep } : {}),
      onProgress: (progress) => post({ type: 'progress', progress }),
      shouldStop: () => stopRequested,
      onCopied: () => post({ type: 'copied' }),
    });
    post({ type: 'backed-up', written });
  } else {
    post({ type: 'checked', problem: pageProblem(job.file, job.mode)?.toPayload() ?? null });
  }
} catch (err) {
  post({ type: 'error', error: toAppError(err).toPayload() });
}
