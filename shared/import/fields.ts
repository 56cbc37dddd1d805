// What a spreadsheet column can mean for each import target. Field keys are stable (they are stored
// in mapping profiles); labels are what the wizard shows.

export const IMPORT_TARGETS = ['ledger', 'budget'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export const IMPORT_TARGET_LABELS: Record<ImportTarget, string> = { ledger: '收支明细（账簿/银行流水）', budget: '预算指标' };

export const LEDGER_FIELDS = [
  'date',
  'year',
  'period',
  'month',
  'day',
  'voucherNo',
  'summary',
  'counterparty',
  'serialNo',
  'outflow',
  'inflow',
  'signedAmount',
  'direction',
  'econCode',
  'funcCode',
  'projectName',
  'fundingSource',
  'category',
] as const;

export const BUDGET_FIELDS = [
  'funcCode',
  'funcName',
  'econCode',
  'econName',
  'projectName',
  'initial',
  'adjustment',
  'final',
  'quota',
  'fundingSource',
  'category',
  'docNo',
  'note',
] as const;

export const IMPORT_FIELDS = [...new Set([...LEDGER_FIELDS, ...BUDGET_FIELDS])] as unknown as readonly [
  ImportField,
  ...ImportField[],
];
export type LedgerField = (typeof LEDGER_FIELDS)[number];
export type BudgetField = (typeof BUDGET_FIELDS)[number];
export type ImportField = LedgerField | BudgetField;

export const FIELD_LABELS: Record<ImportField, string> = {
  date: '日期',
  year: '年',
  period: '会计期间（年月）',
  month: '月',
  day: '日',
  voucherNo: '凭证号',
  summary: '摘要/用途',
  counterparty: '对方户名',
  serialNo: '流水号',
  outflow: '支出金额',
  inflow: '收入金额',
  signedAmount: '金额（负数为支出）',
  direction: '收支方向（借/贷）',
  econCode: '经济分类',
  funcCode: '功能分类',
  funcName: '功能分类名称',
  econName: '经济分类名称',
  projectName: '项目名称',
  fundingSource: '资金性质',
  category: '支出类别',
  initial: '年初预算',
  adjustment: '调整数',
  final: '调整后预算',
  quota: '指标金额',
  docNo: '指标文号',
  note: '摘要/备注',
};

export function fieldsFor(target: ImportTarget): readonly ImportField[] {
  return target === 'ledger' ? LEDGER_FIELDS : BUDGET_FIELDS;
}

export const AMOUNT_FIELDS: Record<ImportTarget, readonly ImportField[]> = {
  ledger: ['outflow', 'inflow', 'signedAmount'],
  budget: ['initial', 'adjustment', 'final', 'quota'],
};

/** Column index (0-based) for each mapped field. */
export type ColumnMapping = Partial<Record<ImportField, number>>;
