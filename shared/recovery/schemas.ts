import { z } from 'zod';
import { BackupEntry, BackupRestoreInput, BackupRestoreResult } from '../backup/schemas.ts';

// What state the data file was found in at start-up (contract method app.state), and the
// recovery-only methods the start screen uses (recovery.restore, recovery.retry,
// recovery.createNew). Until the state is ready (or read-only), every other method is refused with
// the state's own error.

/**
 * `missing`: the data file is not there but its backup folder holds backups of it (moved, deleted,
 * lost in a disk restore). Nothing is created until the user restores a backup or explicitly asks
 * for a new empty file; a first start (no file, no backups) is simply `ready` with a new database.
 */
export const APP_STATUSES = ['ready', 'read-only', 'damaged', 'newer', 'missing', 'locked', 'unavailable'] as const;
export const AppStatus = z.enum(APP_STATUSES);
export type AppStatus = z.infer<typeof AppStatus>;

/** A backup as the recovery screen lists it: checked (quick_check, owner, version) when listed. */
export const RecoveryBackup = BackupEntry.extend({
  schemaVersion: z.number().int().nullable(),
  verified: z.boolean(),
  /** Why the check failed (Chinese), null when verified. */
  problem: z.string().nullable(),
});
export type RecoveryBackup = z.infer<typeof RecoveryBackup>;

export const LockHolder = z.object({
  /** 桌面程序 / 浏览器模式 / 命令行. */
  tool: z.string(),
  pid: z.number().int(),
  host: z.string(),
  sameComputer: z.boolean(),
  startedAt: z.string(),
});
export type LockHolder = z.infer<typeof LockHolder>;

export const AppState = z.object({
  status: AppStatus,
  dataFile: z.string(),
  /** What the check found (Chinese message), null when ready. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  lockHolder: LockHolder.nullable(),
  backupDir: z.string(),
  /** Newest first; listed for a damaged, newer or missing file (a restore can only replace those). */
  backups: z.array(RecoveryBackup),
  /** The data version this program reads and writes. */
  supportedVersion: z.number().int(),
  /** The page check of the data file is still running in the background (start-up does not wait for it). */
  checking: z.boolean(),
});
export type AppState = z.infer<typeof AppState>;

/** A data file from a newer version is only replaced when the user says so explicitly. */
export const RecoveryRestoreInput = BackupRestoreInput.extend({ replaceNewer: z.boolean().optional() }).strict();
export type RecoveryRestoreInput = z.infer<typeof RecoveryRestoreInput>;

export const RecoveryRestoreResult = BackupRestoreResult.extend({ state: AppState });
export type RecoveryRestoreResult = z.infer<typeof RecoveryRestoreResult>;
