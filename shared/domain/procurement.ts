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
