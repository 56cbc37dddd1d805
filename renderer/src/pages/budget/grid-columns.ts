// The budget grid's editable columns, in on-screen order. A block pasted from Excel is read in this
// order too (unless it has a header row), so keep computed columns out of this list.

export const EDIT_COLUMNS = [
  'unit',
  'fundingSource',
  'category',
  'projectName',
  'funcCode',
  'funcName',
  'econCode',
  'econName',
  'initial',
  'adjustment',
  'docNo',
  'note',
] as const;
export type ColumnKey = (typeof EDIT_COLUMNS)[number];
export type CellTexts = Record<ColumnKey, string>;
export type CellMessages = Partial<Record<ColumnKey, string>>;

export const AMOUNT_COLUMNS: ReadonlySet<ColumnKey> = new Set(['initial', 'adjustment']);
export const CHOICE_COLUMNS: ReadonlySet<ColumnKey> = new Set(['unit', 'fundingSource', 'category']);

export const COLUMN_TITLES: Record<ColumnKey, string> = {
  unit: '单位',
  fundingSource: '资金来源',
  category: '支出类别',
  projectName: '项目名称',
  funcCode: '功能分类编码',
  funcName: '功能分类名称',
  econCode: '经济分类编码',
  econName: '经济分类名称',
  initial: '年初预算',
  adjustment: '调整数',
  docNo: '指标文号',
  note: '备注',
};

export const COLUMN_WIDTHS: Record<ColumnKey, number> = {
  unit: 190,
  fundingSource: 160,
  category: 140,
  projectName: 180,
  funcCode: 96,
  funcName: 150,
  econCode: 90,
  econName: 150,
  initial: 132,
  adjustment: 124,
  docNo: 150,
  note: 140,
};

export const EMPTY_CELLS: CellTexts = {
  unit: '',
  fundingSource: '',
  category: '',
  projectName: '',
  funcCode: '',
  funcName: '',
  econCode: '',
  econName: '',
  initial: '',
  adjustment: '',
  docNo: '',
  note: '',
};

export function sameCells(a: CellTexts, b: CellTexts): boolean {
  return EDIT_COLUMNS.every((c) => a[c] === b[c]);
}
