// The budget grid's editable columns, in on-screen order. A block pasted from Excel is read in this
// order too (unless it has a header row), so keep computed columns out of this list.

export const EDIT_COLUMNS = [
  'unit',
  'projectName',
  'fundingSource',
  'category',
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
  unit: 160,
  projectName: 160,
  fundingSource: 150,
  category: 130,
  funcCode: 96,
  funcName: 150,
  econCode: 82,
  econName: 136,
  initial: 116,
  adjustment: 104,
  docNo: 150,
  note: 140,
};

/** Columns computed from the line: 调整后预算, 支出数 and 执行率 (not typed, never pasted into). */
export const COMPUTED_COLUMNS = ['final', 'actual', 'rate'] as const;
export type ComputedKey = (typeof COMPUTED_COLUMNS)[number];
export const COMPUTED_TITLES: Record<ComputedKey, string> = { final: '调整后预算', actual: '支出数', rate: '执行率' };

/** Shorter header texts where the full name (kept for pasted headers and cell labels) would be cut. */
export const HEADER_TITLES: Partial<Record<ColumnKey, string>> = { econCode: '经济分类', econName: '科目名称', funcCode: '功能分类', funcName: '功能科目名称' };
export const COMPUTED_WIDTHS: Record<ComputedKey, number> = { final: 116, actual: 110, rate: 80 };
export const ROW_HEAD_WIDTH = 48;
export const ACTIONS_WIDTH = 90;

/** Frozen on the left: a line stays identifiable while the rest scrolls. */
export const FROZEN_COLUMNS: ReadonlySet<ColumnKey> = new Set(['unit', 'projectName']);

/**
 * Columns the user may hide (列设置). The rest — 单位, 项目, 经济分类, 年初, 调整, 调整后, 执行率 and the
 * actions — are always shown and fit a 1366-pixel screen without scrolling sideways.
 */
export const OPTIONAL_COLUMNS = ['fundingSource', 'category', 'funcCode', 'funcName', 'docNo', 'note', 'actual'] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
export const OPTIONAL_TITLES: Record<OptionalColumn, string> = {
  fundingSource: '资金来源',
  category: '支出类别',
  funcCode: '功能分类编码',
  funcName: '功能分类名称',
  docNo: '指标文号',
  note: '备注',
  actual: '支出数',
};

export interface ColumnLayout {
  edit: ColumnKey[];
  computed: ComputedKey[];
}

/** What the grid shows: the chosen columns, plus any column holding an error to correct. */
export function columnLayout(shown: ReadonlySet<OptionalColumn>, errorColumns: ReadonlySet<ColumnKey>): ColumnLayout {
  const optional = new Set<string>(OPTIONAL_COLUMNS);
  const visible = (c: string) => !optional.has(c) || shown.has(c as OptionalColumn) || errorColumns.has(c as ColumnKey);
  return { edit: EDIT_COLUMNS.filter(visible), computed: COMPUTED_COLUMNS.filter(visible) };
}

export function layoutWidth(layout: ColumnLayout): number {
  return (
    ROW_HEAD_WIDTH +
    layout.edit.reduce((s, c) => s + COLUMN_WIDTHS[c], 0) +
    layout.computed.reduce((s, c) => s + COMPUTED_WIDTHS[c], 0) +
    ACTIONS_WIDTH
  );
}

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

/** The sticky left offset of a frozen column (after the row number and the frozen ones before it), or null. */
export function frozenLeft(layout: ColumnLayout, column: ColumnKey): number | null {
  if (!FROZEN_COLUMNS.has(column)) return null;
  let left = ROW_HEAD_WIDTH;
  for (const c of layout.edit) {
    if (c === column) return left;
    if (FROZEN_COLUMNS.has(c)) left += COLUMN_WIDTHS[c];
  }
  return null;
}
