import { z } from 'zod';
import { commitOptionsSchema, commitResultSchema, importOptionsSchema } from './schemas.ts';

// The import wizard's API: the renderer uploads the chosen file's bytes once and then refers to it
// by an opaque id, never by a path on the main process's disk.
export const UploadInput = z
  .object({
    fileName: z.string({ error: '文件名无效' }).min(1, { error: '文件名不能为空' }).max(260, { error: '文件名过长' }),
    base64: z.string({ error: '文件内容无效' }).max(33_000_000, { error: '文件过大（超过 24 MB）' }),
  })
  .strict();
export const UploadResult = z.object({ fileId: z.string(), name: z.string(), size: z.number().int() });

const fileId = z.string({ error: '请先选择文件' }).regex(/^[0-9a-f]{32}$/, { error: '上传的文件标识无效' });
export const WizardPreviewInput = importOptionsSchema.omit({ filePath: true }).extend({ fileId }).strict();
export type WizardPreviewInput = z.infer<typeof WizardPreviewInput>;
export const WizardCommitInput = commitOptionsSchema.omit({ filePath: true }).extend({ fileId }).strict();
export type WizardCommitInput = z.infer<typeof WizardCommitInput>;

export const ImportJobStateSchema = z.object({
  jobId: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  rows: z.number().int(),
  percent: z.number(),
  result: commitResultSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()).optional() }).nullable(),
});
export const JobRef = z.object({ jobId: z.string().regex(/^[0-9a-f]{16}$/, { error: '导入任务标识无效' }) }).strict();
