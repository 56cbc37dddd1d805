import type { ImportField, ImportTarget } from './fields.ts';

// The blank workbooks offered under 使用说明 → 导入模板. Every header is one the import recognises
// by itself (a unit test holds each to matchHeader), so a filled-in template imports with no
// column mapping to choose. Amounts are in 元, said in the header, as the import reads it.

export interface TemplateColumn<F extends string = ImportField> {
  field: F;
  header: string;
  /** What to write in the column, shown as the header cell's note. */
  hint: string;
  width: number;
  amount?: true;
}

export interface ImportTemplate<F extends string = ImportField> {
  fileName: string;
  sheetName: string;
  columns: readonly TemplateColumn<F>[];
}

export const IMPORT_TEMPLATES: Record<ImportTarget, ImportTemplate> = {
  budget: {
    fileName: '预算指标导入模板.xlsx',
    sheetName: '预算指标',
    columns: [
      { field: 'fundingSource', header: '资金来源', hint: '如：一般公共预算财政拨款、政府性基金预算、上年结转结余、其他收入；可不填（按一般公共预算）', width: 22 },
      { field: 'category', header: '支出类别', hint: '人员经费、公用经费或项目支出；可不填，按经济分类和项目名称判断', width: 14 },
      { field: 'projectName', header: '项目名称', hint: '项目支出填项目名称；基本支出留空', width: 24 },
      { field: 'funcCode', header: '功能分类编码', hint: '支出功能分类科目编码，如 2010301', width: 14 },
      { field: 'funcName', header: '功能分类名称', hint: '如：行政运行', width: 20 },
      { field: 'econCode', header: '经济分类编码', hint: '部门预算支出经济分类编码，如 30201', width: 14 },
      { field: 'econName', header: '经济分类名称', hint: '如：办公费', width: 18 },
      { field: 'initial', header: '年初预算（元）', hint: '年初批复数，单位：元；没有填 0', width: 16, amount: true },
      { field: 'adjustment', header: '调整数（元）', hint: '年内追加为正、追减为负，单位：元；没有填 0', width: 16, amount: true },
      { field: 'docNo', header: '指标文号', hint: '可不填', width: 18 },
      { field: 'note', header: '备注', hint: '可不填', width: 20 },
    ],
  },
  ledger: {
    fileName: '收支明细导入模板.xlsx',
    sheetName: '收支明细',
    columns: [
      { field: 'date', header: '日期', hint: '如 2021-03-05', width: 12 },
      { field: 'voucherNo', header: '凭证号', hint: '可不填', width: 12 },
      { field: 'summary', header: '摘要', hint: '业务内容，如：支付3月办公用品费', width: 30 },
      { field: 'counterparty', header: '对方户名', hint: '收款或付款单位；可不填', width: 24 },
      { field: 'outflow', header: '支出金额（元）', hint: '支出填此列，单位：元', width: 16, amount: true },
      { field: 'inflow', header: '收入金额（元）', hint: '收入（如财政拨款到账）填此列，单位：元', width: 16, amount: true },
      { field: 'econCode', header: '经济分类编码', hint: '如 30201；可不填，导入后再归类', width: 14 },
      { field: 'funcCode', header: '功能分类编码', hint: '如 2010301；可不填', width: 14 },
      { field: 'projectName', header: '项目名称', hint: '项目支出填项目名称', width: 24 },
      { field: 'fundingSource', header: '资金来源', hint: '可不填（按一般公共预算）', width: 20 },
    ],
  },
};
