import { z } from 'zod';
import { fen, id, isoDate, oneOf, text } from '../api/fields.ts';
import { CATEGORIES, DIRECTIONS, FUNDING_SOURCES, LEDGER_CATEGORIES } from './enums.ts';

const codeText = (label: string) => text(label, 20).regex(/^\d*$/, { error: `${label}只能是数字` });

// A manually entered or edited ledger transaction. category null = derived from the economic
// code and project (shared/domain/enums.ts deriveCategory).
export const TxnInput = z
  .object({
    id: id().optional(),
    yearId: id('年度'),
    unitId: id('单位'),
    txnDate: isoDate('日期'),
    voucherNo: text('凭证号', 50),
    summary: text('摘要', 500),
    counterparty: text('对方户名', 200),
    fundingSource: oneOf(FUNDING_SOURCES, '资金来源'),
    category: oneOf(CATEGORIES, '支出类别').nullable(),
    funcCode: codeText('功能分类编码'),
    econCode: codeText('经济分类编码'),
    projectId: id('项目').nullable(),
    budgetLineId: id('预算指标').nullable(),
    direction: oneOf(DIRECTIONS, '收支方向'),
    amountFen: fen('金额').refine((v) => v !== 0, { error: '金额不能为 0' }),
  })
  .strict();
export type TxnInput = z.infer<typeof TxnInput>;

export const Txn = z.object({
  id: id(),
  yearId: z.number().int(),
  unitId: z.number().int(),
  txnDate: z.string(),
  voucherNo: z.string(),
  summary: z.string(),
  counterparty: z.string(),
  fundingSource: z.enum(FUNDING_SOURCES),
  category: z.enum(LEDGER_CATEGORIES),
  funcCode: z.string(),
  econCode: z.string(),
  projectId: z.number().int().nullable(),
  budgetLineId: z.number().int().nullable(),
  direction: z.enum(DIRECTIONS),
  amountFen: z.number().int(),
  batchId: z.number().int().nullable(),
  sourceFile: z.string(),
  sourceSheet: z.string(),
  sourceRow: z.number().int().nullable(),
});
export type Txn = z.infer<typeof Txn>;

/**
 * 支出明细's 批量分类: what to set on the selected rows, in one transaction. A field left out is kept;
 * projectId / budgetLineId null clear them. category left out follows from the economic code
 * (deriveLedgerCategory) when the code or project changes.
 */
export const ClassifyTxnsInput = z
  .object({
    yearId: id('年度'),
    ids: z.array(id('支出记录')).min(1, { error: '请先选择要分类的支出记录' }).max(100_000, { error: '一次最多分类 100000 条' }),
    set: z
      .object({
        category: oneOf(CATEGORIES, '支出类别').optional(),
        econCode: codeText('经济分类编码').optional(),
        funcCode: codeText('功能分类编码').optional(),
        projectId: id('项目').nullable().optional(),
        budgetLineId: id('预算指标').nullable().optional(),
      })
      .strict()
      .refine((s) => Object.keys(s).length > 0, { error: '请至少选择一项要设置的内容' }),
  })
  .strict();
export type ClassifyTxnsInput = z.infer<typeof ClassifyTxnsInput>;
export const ClassifyTxnsResult = z.object({ updated: z.number().int() });
export type ClassifyTxnsResult = z.infer<typeof ClassifyTxnsResult>;

export const Procurement = z.object({
  yearId: id('年度'),
  plannedFen: fen('政府采购预算').min(0, { error: '政府采购预算不能为负数' }),
  actualFen: fen('实际政府采购金额').min(0, { error: '实际政府采购金额不能为负数' }),
  note: text('说明', 1000),
});
export type Procurement = z.infer<typeof Procurement>;
