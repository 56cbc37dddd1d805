import { deriveCategory, type Direction, type LedgerCategory } from '../domain/enums.ts';
import { describeRuleSet, describeRuleWhen, firstMatchingRule, type Rule } from './rules.ts';

/** The parts of an imported ledger row a rule reads and fills. */
export interface ClassifiableRow {
  direction: Direction;
  summary: string;
  counterparty: string;
  category: LedgerCategory;
  econCode: string;
  funcCode: string;
  projectName: string;
}

export interface RuleHit {
  /** 0-based position of the rule in the list. */
  index: number;
  /** 规则 1：摘要包含“工资” → 经济分类 30101 */
  text: string;
}

export function describeRule(rules: readonly Rule[], index: number): string {
  const r = rules[index]!;
  return `规则 ${index + 1}：${describeRuleWhen(r.when)} → ${describeRuleSet(r.set)}`;
}

/**
 * Applies the first matching rule to a spending row. A rule only fills what the file left blank —
 * a code or project the file states is never overwritten — and the category follows: a project
 * makes it 项目支出, a rule's own category decides next, then the economic code (deriveCategory).
 * Returns the rule that changed the row, or null (no rule matched, or it had nothing to add).
 */
export function applyRules<T extends ClassifiableRow>(row: T, rules: readonly Rule[]): RuleHit | null {
  if (row.direction !== 'out' || rules.length === 0) return null;
  const index = firstMatchingRule(rules, row);
  if (index < 0) return null;
  const set = rules[index]!.set;
  const econCode = row.econCode || set.econCode || '';
  const funcCode = row.funcCode || set.funcCode || '';
  const projectName = row.projectName || set.project || '';
  let category: LedgerCategory = row.category;
  if (projectName !== '') category = 'project';
  else if (row.category === 'unclassified') {
    category = set.category ?? (econCode !== '' ? deriveCategory(econCode, false) : 'unclassified');
  }
  const changed = econCode !== row.econCode || funcCode !== row.funcCode || projectName !== row.projectName || category !== row.category;
  if (!changed) return null;
  row.econCode = econCode;
  row.funcCode = funcCode;
  row.projectName = projectName;
  row.category = category;
  return { index, text: describeRule(rules, index) };
}

/** Counts the import reports: spending rows a rule classified, and spending rows left 未分类. */
export class ClassificationTally {
  rowsClassifiedByRule = 0;
  rowsUnclassified = 0;
  add(row: ClassifiableRow, hit: RuleHit | null): void {
    if (hit) this.rowsClassifiedByRule++;
    if (row.direction === 'out' && row.category === 'unclassified') this.rowsUnclassified++;
  }
  result() {
    return { rowsClassifiedByRule: this.rowsClassifiedByRule, rowsUnclassified: this.rowsUnclassified };
  }
}
