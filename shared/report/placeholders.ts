import { FUNDING_SOURCE_LABELS } from '../domain/enums.ts';
import { formatWan } from '../money/fen.ts';
import { formatPercent, type Ratio } from '../money/rate.ts';
import { formatCenti } from './format-score.ts';
import type { ReportInput, ScoreNode } from './input.ts';

// Live figures for narrative text. A body holds `{{key}}`; the editor offers the catalogue (key,
// label, current value) and the renderers substitute it. An unknown key is never printed blank: it
// stays visible as typed and is reported, so nobody signs a report with a hole in a sentence.

export type PlaceholderGroup = '基本信息' | '预算收支' | '自评得分' | '重点工作';

export interface PlaceholderEntry {
  key: string;
  label: string;
  /** Current value as it will be printed (万元 amounts without the unit, rates with %). */
  value: string;
  group: PlaceholderGroup;
}

const wan = (fen: number) => formatWan(fen);
const pct = (r: Ratio | null) => (r === null ? '—' : `${formatPercent(r)}%`);

function walk(nodes: ScoreNode[], visit: (n: ScoreNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

/** Every placeholder the report offers, with its current value; pure function of the input. */
export function placeholderCatalogue(input: ReportInput): PlaceholderEntry[] {
  const out: PlaceholderEntry[] = [];
  const add = (key: string, label: string, value: string, group: PlaceholderGroup) =>
    out.push({ key, label, value, group });

  add('unit.name', '单位名称', input.unitName, '基本信息');
  add('unit.short', '单位简称（我办/我局）', input.selfName, '基本信息');
  add('department.name', '部门名称', input.departmentName, '基本信息');
  add('year', '年度', String(input.year), '基本信息');
  add('units.total', '独立编制机构数', String(input.profile.adminUnitCount + input.profile.institutionUnitCount), '基本信息');
  add('units.admin', '行政单位数', String(input.profile.adminUnitCount), '基本信息');
  add('units.institution', '事业单位数', String(input.profile.institutionUnitCount), '基本信息');
  add('offices.count', '内设机构数', String(input.profile.internalOffices.length), '基本信息');

  const b = input.budget;
  add('budget.initial', '年初预算数（万元）', wan(b.initialFen), '预算收支');
  add('budget.adjustment', '预算调整数（万元）', wan(b.adjustmentFen), '预算收支');
  add('budget.final', '全年预算数（万元）', wan(b.finalFen), '预算收支');
  add('budget.actual', '全年支出（万元）', wan(b.actualFen), '预算收支');
  add('budget.unspent', '预算结余（万元）', wan(b.finalFen - b.actualFen), '预算收支');
  add('budget.basic', '基本支出（万元）', wan(b.personnelFen + b.publicFen), '预算收支');
  add('budget.personnel', '人员经费（万元）', wan(b.personnelFen), '预算收支');
  add('budget.public', '公用经费（万元）', wan(b.publicFen), '预算收支');
  add('budget.project', '项目支出（万元）', wan(b.projectFen), '预算收支');
  add('budget.execution_rate', '预算执行率', pct(b.executionRate), '预算收支');
  add('budget.adjustment_rate', '预算调整率', pct(b.adjustmentRate), '预算收支');
  for (const row of b.byFundingSource) {
    const name = FUNDING_SOURCE_LABELS[row.source];
    add(`funding.${row.source}.final`, `${name}全年预算数（万元）`, wan(row.finalFen), '预算收支');
    add(`funding.${row.source}.actual`, `${name}支出（万元）`, wan(row.actualFen), '预算收支');
  }
  if (b.procurement) {
    add('procurement.planned', '政府采购预算（万元）', wan(b.procurement.plannedFen), '预算收支');
    add('procurement.actual', '政府采购实际金额（万元）', wan(b.procurement.actualFen), '预算收支');
    add('procurement.rate', '政府采购执行率', pct(b.procurement.rate), '预算收支');
  }

  const s = input.scoreSheet;
  add('score.total', '自评总分', formatCenti(s.totalScoreCenti), '自评得分');
  add('score.max', '总分值', formatCenti(s.totalMaxCenti), '自评得分');
  walk(s.groups, (n) => {
    if (!/^[A-Za-z0-9_.-]+$/.test(n.code)) return;
    add(`score.${n.code}.max`, `${n.name}分值`, formatCenti(n.maxCenti), '自评得分');
    if (n.scoreCenti === null) return;
    add(`score.${n.code}`, `${n.name}得分`, formatCenti(n.scoreCenti), '自评得分');
    add(`score.${n.code}.deduction`, `${n.name}扣分`, formatCenti(n.deductionCenti), '自评得分');
  });

  const tasks = input.workAreas.flatMap((a) => a.tasks);
  add('tasks.count', '重点工作任务数', String(tasks.length), '重点工作');
  add('tasks.done', '已完成任务数', String(tasks.filter((t) => t.status === 'done').length), '重点工作');
  for (const t of tasks) {
    for (const m of t.measures) {
      if (m.key === '') continue;
      const unit = m.unit === '' ? '' : `（${m.unit}）`;
      if (m.actual !== null) add(`measure.${m.key}`, `${m.name}${unit}`, m.actual, '重点工作');
      if (m.target !== null) add(`measure.${m.key}.target`, `${m.name}目标值${unit}`, m.target, '重点工作');
    }
  }
  return out;
}

export interface ResolvedText {
  text: string;
  /** Keys found in the text that the catalogue does not know, in order of appearance. */
  unknown: string[];
}

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Substitutes known placeholders; unknown ones stay in the text as typed and are listed. */
export function resolvePlaceholders(text: string, values: ReadonlyMap<string, string>): ResolvedText {
  const unknown: string[] = [];
  const out = text.replace(PLACEHOLDER, (whole, key: string) => {
    const v = values.get(key);
    if (v === undefined) {
      unknown.push(key);
      return whole;
    }
    return v;
  });
  return { text: out, unknown };
}

export function placeholderValues(catalogue: readonly PlaceholderEntry[]): Map<string, string> {
  return new Map(catalogue.map((e) => [e.key, e.value]));
}

/** Keys referenced by a body, for the editor's "used here" list. */
export function placeholderKeysIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
