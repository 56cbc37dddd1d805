import { formatWan } from '../money/fen.ts';
import { formatPoints } from '../scoring/points.ts';
import { BAND_LABELS } from '../scoring/rules/qualitative-bands.ts';
import { CATEGORY_LABELS, FUNDING_SOURCE_LABELS, TASK_STATUS_LABELS } from './enums.ts';
import { PROCUREMENT_KIND_LABELS } from './procurement.ts';

const VALUE_LABELS: Record<string, Record<string, string>> = {
  band: BAND_LABELS,
  category: CATEGORY_LABELS,
  fundingSource: FUNDING_SOURCE_LABELS,
  status: TASK_STATUS_LABELS,
  kind: PROCUREMENT_KIND_LABELS,
};

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  title: '名称',
  summary: '摘要',
  description: '说明',
  initialFen: '年初预算',
  adjustmentFen: '调整数',
  finalFen: '调整后预算',
  amountFen: '金额',
  plannedFen: '政府采购预算',
  actualFen: '实际政府采购',
  fundingSource: '资金来源',
  category: '支出类别',
  projectId: '项目',
  funcCode: '功能分类',
  econCode: '经济分类',
  econName: '经济分类名称',
  funcName: '功能分类名称',
  docNo: '指标文号',
  note: '备注',
  txnDate: '日期',
  voucherNo: '凭证号',
  counterparty: '对方户名',
  status: '完成情况',
  evidence: '佐证材料',
  targetValue: '目标值',
  actualValue: '实际值',
  unit: '计量单位',
  duties: '主要职责',
  internalOffices: '内设科室',
  staffAuthorized: '编制人数',
  staffActual: '实有人数',
  overallGoal: '总体工作目标',
  band: '评价等级',
  chosenScoreCenti: '评分',
  overrideScoreCenti: '调整后得分',
  basis: '得分依据',
  body: '内容',
  kind: '采购类别',
};

function show(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'number' && key.endsWith('Fen')) return `${formatWan(v)} 万元`;
  if (typeof v === 'number' && key.endsWith('Centi')) return `${formatPoints(v)} 分`;
  if (Array.isArray(v)) return `${v.length} 项`;
  if (typeof v === 'string' && VALUE_LABELS[key]?.[v]) return VALUE_LABELS[key][v]!;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** "年初预算：820.00 万元 → 830.00 万元" lines for the fields a change touched. */
export function describeChange(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = Object.keys(FIELD_LABELS).filter((k) => k in a || k in b);
  // Missing, null and empty text are all "nothing": a change between them is no change.
  const norm = (v: unknown) => JSON.stringify(v === undefined || v === '' ? null : v);
  return keys
    .filter((k) => norm(b[k]) !== norm(a[k]))
    .map((k) => `${FIELD_LABELS[k]}：${show(k, b[k])} → ${show(k, a[k])}`);
}
