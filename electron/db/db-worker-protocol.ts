import type { AppErrorPayload } from '../../shared/api/app-error.ts';
import type { BackupProgress, WrittenBackup } from './backup.ts';

// Messages between the app's thread and the db worker (db-worker.ts), which does the long
// read-only work on a data file with a connection of its own: backups and page checks.

export type DbWorkerJob =
  | { type: 'backup'; source: string; dest: string; tmp: string; pagesPerStep?: number }
  | { type: 'check'; file: string; mode: 'quick' | 'full' };

export type FromDbWorker =
  | { type: 'progress'; progress: BackupProgress }
  | { type: 'copied' }
  | { type: 'backed-up'; written: WrittenBackup }
  /** The page check's finding as the error to show, or null when the file is whole. */
  | { type: 'checked'; problem: AppErrorPayload | null }
  | { type: 'error'; error: AppErrorPayload };

/** Asks a running backup to stop at its next step (the app is closing). */
export type ToDbWorker = { type: 'stop' };
