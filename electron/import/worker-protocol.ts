// Messages between the main thread and the parsing worker.

import type { AppErrorPayload } from '../../shared/api/app-error.ts';
import type { FileInfo } from '../../shared/import/schemas.ts';
import type { ParseLayout, ParseRequest, ParseSummary } from './parse-pipeline.ts';
import type { RowColumns } from './row-columns.ts';

export type ToWorker = { type: 'start'; request: ParseRequest } | { type: 'ack' };

export type FromWorker =
  | { type: 'file'; info: FileInfo }
  | { type: 'layout'; layout: ParseLayout }
  | { type: 'rows'; rows: RowColumns; progress: { rows: number; percent: number } }
  | { type: 'done'; summary: ParseSummary }
  | { type: 'error'; error: AppErrorPayload };
