// Main-thread side of parsing: runs the pipeline in a worker_threads Worker with a heap cap and a
// time limit, so a hostile file can kill the worker but never the app; cancellation terminates
// the worker. In-process mode (same code, no worker) exists for debugging and profiling.

import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/api/app-error.ts';
import type { BudgetRow, FileInfo, LedgerRow } from '../../shared/import/schemas.ts';
import { importError, toImportError } from './import-error.ts';
import { type ParseLayout, type ParseRequest, type ParseSummary, runParse } from './parse-pipeline.ts';
import { fromColumns } from './row-columns.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

export interface ParseHandlers {
  file(info: FileInfo): void;
  layout(layout: ParseLayout): void;
  /** Called synchronously per batch; throwing stops the parse. */
  rows(rows: LedgerRow[] | BudgetRow[], progress: { rows: number; percent: number }): void;
}

export interface ParseRunOptions {
  signal?: AbortSignal;
  /** Run in this thread instead of a worker (debugging, profiling). */
  inProcess?: boolean;
}

let workerEntry: URL | null = null;

/**
 * Where the bundled app finds the worker script (a built `parse-worker.js`). From the TypeScript
 * sources (tsx, vitest) the worker registers tsx and loads parse-worker.ts itself.
 */
export function configureImportWorker(entry: URL | string): void {
  workerEntry = typeof entry === 'string' ? pathToFileURL(entry) : entry;
}

function spawnWorker(heapMb: number): Worker {
  // A small young generation: parsing makes short-lived garbage, and the default semi-spaces
  // alone would add tens of MB to the app's peak memory. 16 MB rather than 8: a block of rows then
  // dies young instead of being promoted, ≈8% less parsing time for ≈10 MB.
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 8 };
  // The bundled worker is plain JavaScript: it must not inherit loader flags (tsx's --import costs
  // a module-loader thread and ~25 MB in the worker for nothing).
  if (workerEntry) return new Worker(workerEntry, { resourceLimits, execArgv: [] });
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', here), { resourceLimits });
  const entry = new URL('./parse-worker.ts', here).href;
  // The ESM build of tsx's API (require.resolve finds the CommonJS one, which cannot register hooks).
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

function cancelled(): AppError {
  return importError('导入已取消，未写入任何数据。');
}

async function runInProcess(request: ParseRequest, handlers: ParseHandlers, signal?: AbortSignal): Promise<ParseSummary> {
  const check = () => {
    if (signal?.aborted) throw cancelled();
  };
  return runParse(request, {
    file: (info) => {
      check();
      handlers.file(info);
    },
    layout: (layout) => {
      check();
      handlers.layout(layout);
    },
    rows: async (rows, progress) => {
      check();
      handlers.rows(rows, progress);
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
  });
}

export function parseFile(request: ParseRequest, handlers: ParseHandlers, opts: ParseRunOptions = {}): Promise<ParseSummary> {
  if (opts.signal?.aborted) return Promise.reject(cancelled());
  if (opts.inProcess) return runInProcess(request, handlers, opts.signal);
  const fileName = basename(request.filePath);
  return new Promise<ParseSummary>((resolve, reject) => {
    let settled = false;
    const worker = spawnWorker(request.limits.workerHeapMb);
    const finish = (err: unknown, summary?: ParseSummary) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (summary && !err) resolve(summary);
      else reject(err instanceof AppError ? err : toImportError(err, fileName));
    };
    const timer = setTimeout(
      () =>
        finish(
          importError(
            `解析文件“${fileName}”超过 ${Math.round(request.limits.workerTimeoutMs / 1000)} 秒仍未完成，已停止。文件可能过大或已损坏，未写入任何数据。`,
          ),
        ),
      request.limits.workerTimeoutMs,
    );
    const onAbort = () => finish(cancelled());
    opts.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: FromWorker) => {
      if (settled) return;
      try {
        switch (message.type) {
          case 'file':
            handlers.file(message.info);
            break;
          case 'layout':
            handlers.layout(message.layout);
            break;
          case 'rows':
            handlers.rows(fromColumns<LedgerRow>(message.rows) as LedgerRow[] | BudgetRow[], message.progress);
            worker.postMessage({ type: 'ack' } satisfies ToWorker);
            break;
          case 'done':
            finish(null, message.summary);
            break;
          case 'error':
            finish(AppError.fromPayload(message.error));
            break;
        }
      } catch (err) {
        finish(err);
      }
    });
    worker.on('error', (err) => finish(err));
    worker.on('exit', (code) => {
      if (!settled) finish(importError(`解析文件“${fileName}”的后台进程意外退出（代码 ${code}），未写入任何数据。`));
    });
    worker.postMessage({ type: 'start', request } satisfies ToWorker);
  });
}
