// Worker entry: runs the parse pipeline and streams its results to the main thread. A batch is
// posted only after the previous one was acknowledged, so at most two batches are in flight and
// a fast parser cannot pile rows up in the main thread's queue.

import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/api/app-error.ts';
import { toImportError } from './import-error.ts';
import { runParse } from './parse-pipeline.ts';
import { toColumns } from './row-columns.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker must run inside a worker thread');

let ackWaiter: (() => void) | null = null;
let inFlight: Promise<void> = Promise.resolve();

function post(message: FromWorker): void {
  port?.postMessage(message);
}

function waitAck(): Promise<void> {
  return new Promise((resolve) => {
    ackWaiter = resolve;
  });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'ack') {
    const resolve = ackWaiter;
    ackWaiter = null;
    resolve?.();
    return;
  }
  const request = message.request;
  runParse(request, {
    file: (info) => post({ type: 'file', info }),
    layout: (layout) => post({ type: 'layout', layout }),
    async rows(rows, progress) {
      await inFlight;
      post({ type: 'rows', rows: toColumns<object>(rows), progress });
      inFlight = waitAck();
    },
  })
    .then(async (summary) => {
      await inFlight;
      post({ type: 'done', summary });
    })
    .catch((err: unknown) => {
      const e = err instanceof AppError ? err : toImportError(err, request.filePath);
      post({ type: 'error', error: e.toPayload() });
    });
});
