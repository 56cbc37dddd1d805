import { z } from 'zod';
import { fen, id, oneOf, requiredText, text } from '../api/fields.ts';

export const PROCUREMENT_KINDS = ['goods', 'works', 'services'] as const;
export type ProcurementKind = (typeof PROCUREMENT_KINDS)[number];
export const PROCUREMENT_KIND_LABELS: Record<ProcurementKind, string> = { goods: '货物', works: '工程', services: '服务' };

const nonNegative = (label: string) => fen(label).min(0, { error: `${label}不能为负数` });

export const ProcurementItemInput = z
  .object({
    id: id().optional(),
    yearId: id('年度'),
    name: requiredText('采购项目名称', 200),
    kind: oneOf(PROCUREMENT_KINDS, '采购类别'),
    plannedFen: nonNegative('政府采购预算'),
    actualFen: nonNegative('实际采购金额'),
    note: text('备注', 500),
  })
  .strict();
export type ProcurementItemInput = z.infer<typeof ProcurementItemInput>;

export const ProcurementItem = ProcurementItemInput.required({ id: true });
export type ProcurementItem = z.infer<typeof ProcurementItem>;

export const ProcurementImportInput = z
  .object({
    yearId: id('年度'),
    fileName: z.string({ error: '文件名无效' }).min(1, { error: '文件名不能为空' }).max(260, { error: '文件名过长' }),
    base64: z.string({ error: '文件内容无效' }).max(33_000_000, { error: '文件过大（超过 24 MB）' }),
  })
  .strict();
export type ProcurementImportInput = z.infer<typeof ProcurementImportInput>;

export const ProcurementImportResult = z.object({
  fileName: z.string(),
  sheet: z.string(),
  imported: z.number().int(),
  /** Items entered before, replaced by the file's. */
  replaced: z.number().int(),
  plannedFen: z.number().int(),
  actualFen: z.number().int(),
});
export type ProcurementImportResult = z.infer<typeof ProcurementImportResult>;
