import type { FrameworkDoc, IndicatorDoc, ScoreColumn } from './framework-doc.ts';
import { formatPoints, pointsNumber, pointsNumberToCenti } from './points.ts';
import type { RuleSpec } from './rule-spec.ts';
import type { ValueSource } from './value-sources.ts';

// The framework as flat rows (what the indicator table stores) and the conversions to and from the
// nested document. Rows are in display order: depth-first, siblings by sortOrder.

export interface FrameworkNode {
  id: number;
  parentId: number | null;
  level: number;
  code: string;
  name: string;
  weightCenti: number;
  selfScored: boolean;
  /** null when the stored rule could not be read; ruleError says why. */
  rule: RuleSpec | null;
  ruleError?: string;
  valueSource: ValueSource;
  definition: string;
  criteria: string;
  sortOrder: number;
  /** 核心指标 in a MOF-style 自评表. */
  core: boolean;
}

export interface FrameworkMeta {
  name: string;
  version: string;
  source: string;
  /** The stated 满分 in points, when the framework states one. */
  total?: number | undefined;
  columns?: ScoreColumn[] | undefined;
}

/** Nested document → rows with provisional ids 1…n (the repository assigns real ones). */
export function docToNodes(doc: FrameworkDoc): FrameworkNode[] {
  const out: FrameworkNode[] = [];
  const walk = (items: IndicatorDoc[], parentId: number | null, level: number, parentSelfScored: boolean): void => {
    items.forEach((item, index) => {
      const id = out.length + 1;
      const selfScored = parentSelfScored && (item.selfScored ?? true);
      const hasChildren = (item.children?.length ?? 0) > 0;
      out.push({
        id,
        parentId,
        level,
        code: item.code.trim(),
        name: item.name.trim(),
        weightCenti: pointsNumberToCenti(item.weight) ?? Number.NaN,
        selfScored,
        rule: item.rule ?? (hasChildren || !selfScored ? { type: 'none' } : { type: 'manual' }),
        valueSource: item.valueSource ?? 'manual',
        definition: item.definition ?? '',
        criteria: item.criteria ?? '',
        sortOrder: index + 1,
        core: item.core ?? false,
      });
      if (item.children) walk(item.children, id, level + 1, selfScored);
    });
  };
  walk(doc.indicators, null, 1, true);
  return out;
}

/** Children of each node (key null = the top level), in sortOrder. */
export function childrenIndex(nodes: readonly FrameworkNode[]): Map<number | null, FrameworkNode[]> {
  const index = new Map<number | null, FrameworkNode[]>();
  for (const n of nodes) {
    const list = index.get(n.parentId) ?? [];
    list.push(n);
    index.set(n.parentId, list);
  }
  for (const list of index.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  return index;
}

/** Rows in display order: depth-first, siblings by sortOrder. */
export function orderNodes(nodes: readonly FrameworkNode[]): FrameworkNode[] {
  const index = childrenIndex(nodes);
  const out: FrameworkNode[] = [];
  const seen = new Set<number>();
  const walk = (parentId: number | null): void => {
    for (const n of index.get(parentId) ?? []) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      out.push(n);
      walk(n.id);
    }
  };
  walk(null);
  return out;
}

export function nodesToDoc(meta: FrameworkMeta, nodes: readonly FrameworkNode[]): FrameworkDoc {
  const index = childrenIndex(nodes);
  const build = (n: FrameworkNode): IndicatorDoc => {
    const kids = index.get(n.id) ?? [];
    const doc: IndicatorDoc = { code: n.code, name: n.name, weight: pointsNumber(n.weightCenti) };
    if (!n.selfScored) doc.selfScored = false;
    if (n.rule && !(n.rule.type === 'none' && Object.keys(n.rule).length === 1)) doc.rule = n.rule;
    if (n.valueSource !== 'manual') doc.valueSource = n.valueSource;
    if (n.definition) doc.definition = n.definition;
    if (n.criteria) doc.criteria = n.criteria;
    if (n.core) doc.core = true;
    if (kids.length > 0) doc.children = kids.map(build);
    return doc;
  };
  const { total, columns, ...rest } = meta;
  return { ...rest, ...(total === undefined ? {} : { total }), ...(columns && columns.length > 0 ? { columns } : {}), indicators: (index.get(null) ?? []).map(build) };
}

/** "管理效能 / 资金管理 / 预算执行率" for messages and the pending list. */
export function nodePath(node: FrameworkNode, byId: ReadonlyMap<number, FrameworkNode>): string {
  const names: string[] = [];
  let cur: FrameworkNode | undefined = node;
  while (cur) {
    names.unshift(cur.name);
    cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
  }
  return names.join(' / ');
}

/** "指标 1.1.1（预算执行率）" — how messages name an indicator. */
export function nodeLabel(node: Pick<FrameworkNode, 'code' | 'name'>): string {
  return `指标 ${node.code}（${node.name}）`;
}

export function weightText(centi: number): string {
  return Number.isFinite(centi) ? `${formatPoints(centi)} 分` : '无效';
}
