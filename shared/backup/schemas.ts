import { z } from 'zod';

// The backup API as the renderer sees it (contract methods backup.list, backup.now,
// backup.restore, backup.settings), and the naming rule of backup files, which both sides read.

export const BACKUP_REASONS = ['manual', 'daily', 'migration', 'import', 'finalize'] as const;
export const BackupReason = z.enum(BACKUP_REASONS, { error: '备份原因的取值无效' });
export type BackupReason = z.infer<typeof BackupReason>;

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  manual: '手动备份',
  daily: '每日自动备份',
  migration: '数据升级前',
  import: '导入前',
  finalize: '定稿前',
};

/** `<stem>-YYYYMMDD-HHMMSS-mmm-<reason>.db`, local time of the machine that took it. */
export const BACKUP_NAME_PATTERN = /^(.+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-([a-z]+)\.db$/;

export interface ParsedBackupName {
  stem: string;
  takenAt: Date;
  reason: BackupReason;
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const m = BACKUP_NAME_PATTERN.exec(name);
  if (!m) return null;
  const reason = BackupReason.safeParse(m[9]);
  if (!reason.success) return null;
  const [y, mo, d, h, mi, s, ms] = m.slice(2, 9).map(Number) as [number, number, number, number, number, number, number];
  const takenAt = new Date(y, mo - 1, d, h, mi, s, ms);
  if (takenAt.getMonth() !== mo - 1 || takenAt.getDate() !== d) return null;
  return { stem: m[1]!, takenAt, reason: reason.data };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatBackupName(stem: string, takenAt: Date, reason: BackupReason): string {
  const t = takenAt;
  const date = `${t.getFullYear()}${pad(t.getMonth() + 1)}${pad(t.getDate())}`;
  const time = `${pad(t.getHours())}${pad(t.getMinutes())}${pad(t.getSeconds())}`;
  return `${stem}-${date}-${time}-${pad(t.getMilliseconds(), 3)}-${reason}.db`;
}

const keepCount = (label: string, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过 ${max}` });

const budgetFactor = z
  .number({ error: '备份空间上限必须是数字' })
  .int({ error: '备份空间上限必须是整数倍' })
  .min(1, { error: '备份空间上限至少为数据文件大小的 1 倍' })
  .max(100, { error: '备份空间上限不能超过数据文件大小的 100 倍' });

export const DEFAULT_BUDGET_FACTOR = 5;

const policyFields = {
  keepLast: keepCount('保留最近备份的份数', 1000).min(1, { error: '保留最近备份的份数至少为 1' }),
  keepDays: keepCount('按日保留的天数', 3660),
  keepMonths: keepCount('按月保留的月数', 1200),
  /** All backups together take at most this many times the data file's size (the rotation drops the least valuable). */
  budgetFactor,
};

/**
 * Rotation: the newest `keepLast`, plus the newest of each of the last `keepDays` days and
 * `keepMonths` months, within a size budget. A policy saved before the budget existed reads with
 * the default budget.
 */
export const BackupPolicy = z.object({ ...policyFields, budgetFactor: budgetFactor.default(DEFAULT_BUDGET_FACTOR) });
export type BackupPolicy = z.infer<typeof BackupPolicy>;

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { keepLast: 10, keepDays: 31, keepMonths: 24, budgetFactor: DEFAULT_BUDGET_FACTOR };

export const BackupEntry = z.object({
  name: z.string(),
  takenAt: z.string(),
  reason: BackupReason,
  sizeBytes: z.number().int().min(0),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupListInput = z.object({}).strict();
export const BackupList = z.object({
  dir: z.string(),
  backups: z.array(BackupEntry),
  policy: BackupPolicy,
  lastBackupAt: z.string().nullable(),
  /** Space the listed backups take, and the budget (budgetFactor × the data file's size). */
  usedBytes: z.number().int().min(0),
  budgetBytes: z.number().int().min(0),
});
export type BackupList = z.infer<typeof BackupList>;

export const BackupNowInput = z.object({}).strict();

/** The renderer may only name a backup in the backup folder, never pass a path. */
export const BackupRestoreInput = z
  .object({
    name: z
      .string({ error: '备份文件名必须是文字' })
      .max(300, { error: '备份文件名过长' })
      .refine((n) => parseBackupName(n) !== null && !/[/\\]/.test(n), { error: '不是本程序的备份文件名' }),
  })
  .strict();
export type BackupRestoreInput = z.infer<typeof BackupRestoreInput>;

export const BackupRestoreResult = z.object({
  restoredFrom: z.string(),
  preRestoreFile: z.string().nullable(),
  schemaVersion: z.number().int(),
});
export type BackupRestoreResult = z.infer<typeof BackupRestoreResult>;

/** Empty input reads the settings; any field given is saved. */
export const BackupSettingsInput = z.object(policyFields).partial().strict();
export type BackupSettingsInput = z.infer<typeof BackupSettingsInput>;

export const BACKUP_PHASE_LABELS = { copy: '复制数据', verify: '校验备份' } as const;

/** `backup.status`: the backup running now (the status bar shows 备份中…) and how the last one ended. */
export const BackupStatus = z.object({
  running: z
    .object({
      reason: BackupReason,
      phase: z.enum(['copy', 'verify']),
      percent: z.number().int().min(0).max(100),
      startedAt: z.string(),
    })
    .nullable(),
  last: z
    .object({
      reason: BackupReason,
      endedAt: z.string(),
      ok: z.boolean(),
      name: z.string().nullable(),
      /** Why it failed (Chinese), null when it succeeded. */
      message: z.string().nullable(),
    })
    .nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;
