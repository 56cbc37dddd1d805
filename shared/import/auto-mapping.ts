// Column → field mapping: automatic from header names, from a saved profile (by header name), and
// the checks every mapping must pass before a row is read.

import type { HeaderColumn } from './detect-header.ts';
import { AMOUNT_FIELDS, type ColumnMapping, FIELD_LABELS, type ImportField, type ImportTarget, fieldsFor } from './fields.ts';
import { headerVariants } from './header-synonyms.ts';
import { headerKey } from './normalize-text.ts';

export function autoMapping(columns: readonly HeaderColumn[], target: ImportTarget): ColumnMapping {
  const best = new Map<ImportField, HeaderColumn>();
  for (const c of columns) {
    if (!c.match) continue;
    const current = best.get(c.match.field);
    if (!current || (current.match && c.match.rank < current.match.rank)) best.set(c.match.field, c);
  }
  const mapping: ColumnMapping = {};
  for (const [field, column] of best) mapping[field] = column.index;
  return target === 'ledger' ? tidyLedger(mapping, columns) : tidyBudget(mapping);
}

function tidyLedger(mapping: ColumnMapping, columns: readonly HeaderColumn[]): ColumnMapping {
  const m = { ...mapping };
  if (m.date !== undefined) {
    delete m.year;
    delete m.period;
    delete m.month;
    delete m.day;
  }
  // A 会计期间 column carries the month (and usually the year): a 月 column beside it is redundant.
  if (m.period !== undefined) {
    delete m.year;
    delete m.month;
  }
  if (m.outflow !== undefined || m.inflow !== undefined) delete m.signedAmount;
  if (m.signedAmount !== undefined && m.direction === undefined) {
    // A bare 金额 column without 借/贷 is a payment list (国库支付明细, 支出明细表): it is spending.
    // Signed bank columns are called 交易金额 / 发生额 and keep the sign convention.
    const name = columns.find((c) => c.index === m.signedAmount)?.name ?? '';
    if (headerVariants(name).some((k) => k === '金额' || k === '支付金额')) {
      m.outflow = m.signedAmount;
      delete m.signedAmount;
    }
  }
  if (m.signedAmount === undefined) delete m.direction;
  return m;
}

function tidyBudget(mapping: ColumnMapping): ColumnMapping {
  const m = { ...mapping };
  if (m.quota !== undefined && (m.initial !== undefined || m.final !== undefined)) delete m.quota;
  return m;
}

/** Applies a profile saved as field → header name; names that are missing are returned. */
export function mappingFromHeaderNames(
  columns: readonly HeaderColumn[],
  names: Partial<Record<ImportField, string>>,
): { mapping: ColumnMapping; missing: string[] } {
  const mapping: ColumnMapping = {};
  const missing: string[] = [];
  for (const [field, name] of Object.entries(names) as [ImportField, string][]) {
    const key = headerKey(name);
    const column = columns.find((c) => headerKey(c.name) === key);
    if (column) mapping[field] = column.index;
    else missing.push(name);
  }
  return { mapping, missing };
}

export function mappingToHeaderNames(
  columns: readonly HeaderColumn[],
  mapping: ColumnMapping,
): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  for (const [field, index] of Object.entries(mapping) as [ImportField, number][]) {
    const column = columns.find((c) => c.index === index);
    if (column) out[field] = column.name;
  }
  return out;
}

/** Problems that stop an import, in Chinese, each naming the field. Empty when usable. */
export function mappingProblems(mapping: ColumnMapping, target: ImportTarget, columnCount: number): string[] {
  const problems: string[] = [];
  const allowed = new Set<ImportField>(fieldsFor(target));
  const used = new Map<number, ImportField>();
  for (const [field, index] of Object.entries(mapping) as [ImportField, number][]) {
    if (!allowed.has(field)) {
      problems.push(`“${FIELD_LABELS[field] ?? field}”不适用于${target === 'ledger' ? '收支明细' : '预算指标'}导入`);
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= columnCount) {
      problems.push(`“${FIELD_LABELS[field]}”指向的列不存在`);
      continue;
    }
    const other = used.get(index);
    if (other) problems.push(`同一列不能同时作为“${FIELD_LABELS[other]}”和“${FIELD_LABELS[field]}”`);
    used.set(index, field);
  }
  if (!AMOUNT_FIELDS[target].some((f) => mapping[f] !== undefined)) {
    problems.push(
      target === 'ledger'
        ? '没有找到金额列（借方/贷方、支出/收入或交易金额），请在列对应关系中指定'
        : '没有找到预算金额列（年初预算、调整数、调整后预算或指标金额），请在列对应关系中指定',
    );
  }
  if (target === 'ledger') {
    const hasDate =
      mapping.date !== undefined || (mapping.day !== undefined && (mapping.month !== undefined || mapping.period !== undefined));
    if (!hasDate) problems.push('没有找到日期列（或“月”“日”两列、“会计期间”“日”两列），请在列对应关系中指定');
    if (mapping.signedAmount !== undefined && (mapping.outflow !== undefined || mapping.inflow !== undefined)) {
      problems.push('“金额（负数为支出）”不能与“支出金额”“收入金额”同时使用');
    }
  }
  return problems;
}
