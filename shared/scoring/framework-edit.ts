import { z } from 'zod';
import { type FrameworkDoc, FrameworkDocSchema, type IndicatorDoc, MAX_LEVEL } from './framework-doc.ts';
import { docToNodes } from './framework-tree.ts';
import { pointsNumberToCenti } from './points.ts';
import type { RuleSpec, RuleType } from './rule-spec.ts';
import { statedTotalCenti, validateFramework } from './validate-framework.ts';

// Pure edits of a framework document for the in-app editor: every operation returns a new document
// (the editor keeps the previous one for 放弃修改), addressed by the index path from the top level
// ([0, 2] = the third child of the first 一级指标). The live check is the same validation the
// service runs on save, so what the editor accepts the service accepts.

export type IndicatorPath = readonly number[];

export interface EditorRow {
  path: IndicatorPath;
  level: number;
  item: IndicatorDoc;
  hasChildren: boolean;
  /** Last among its siblings (cannot move down). */
  isLast: boolean;
  /** Sum of the children's weights in centi (null for leaves or unreadable weights). */
  childSumCenti: number | null;
}

function itemsAt(doc: FrameworkDoc, parent: IndicatorPath): IndicatorDoc[] {
  let items = doc.indicators;
  for (const i of parent) items = items[i]?.children ?? [];
  return items;
}

export function indicatorAt(doc: FrameworkDoc, path: IndicatorPath): IndicatorDoc | undefined {
  return itemsAt(doc, path.slice(0, -1))[path[path.length - 1]!];
}

/** Replaces the sibling list under `parent` (null = top level) via `fn`. */
function withItems(doc: FrameworkDoc, parent: IndicatorPath, fn: (items: IndicatorDoc[]) => IndicatorDoc[]): FrameworkDoc {
  const rec = (items: IndicatorDoc[], rest: IndicatorPath): IndicatorDoc[] => {
    if (rest.length === 0) return fn([...items]);
    const [head, ...tail] = rest;
    return items.map((it, i) => {
      if (i !== head) return it;
      const children = rec(it.children ?? [], tail);
      const next: IndicatorDoc = { ...it };
      if (children.length > 0) next.children = children;
      else delete next.children;
      return next;
    });
  };
  return { ...doc, indicators: rec(doc.indicators, parent) };
}

export function updateIndicator(doc: FrameworkDoc, path: IndicatorPath, patch: Partial<IndicatorDoc>): FrameworkDoc {
  const index = path[path.length - 1]!;
  return withItems(doc, path.slice(0, -1), (items) => {
    items[index] = { ...items[index]!, ...patch };
    return items;
  });
}

export function removeIndicator(doc: FrameworkDoc, path: IndicatorPath): FrameworkDoc {
  const index = path[path.length - 1]!;
  return withItems(doc, path.slice(0, -1), (items) => items.filter((_, i) => i !== index));
}

/** Moves an indicator up (-1) or down (+1) among its siblings; no-op at either end. */
export function moveIndicator(doc: FrameworkDoc, path: IndicatorPath, delta: -1 | 1): FrameworkDoc {
  const index = path[path.length - 1]!;
  return withItems(doc, path.slice(0, -1), (items) => {
    const to = index + delta;
    if (to < 0 || to >= items.length) return items;
    [items[index], items[to]] = [items[to]!, items[index]!];
    return items;
  });
}

function allCodes(doc: FrameworkDoc): Set<string> {
  const codes = new Set<string>();
  const walk = (items: IndicatorDoc[]) => {
    for (const i of items) {
      codes.add(i.code);
      if (i.children) walk(i.children);
    }
  };
  walk(doc.indicators);
  return codes;
}

/**
 * Appends a new indicator under `parent` (null = a new 一级指标) with weight 0, so the sums still
 * add up until the user moves points to it. Its code is the parent's code plus the next free
 * number; codes are never reused or renumbered, because a year's scores follow them. A leaf that
 * gets its first child becomes a parent and loses its own rule.
 */
export function addIndicator(doc: FrameworkDoc, parent: IndicatorPath | null): { doc: FrameworkDoc; path: IndicatorPath } {
  const parentItem = parent === null ? null : indicatorAt(doc, parent);
  const siblings = parent === null ? doc.indicators : (parentItem?.children ?? []);
  const codes = allCodes(doc);
  let n = siblings.length + 1;
  const code = (k: number) => (parentItem ? `${parentItem.code}.${k}` : String(k));
  while (codes.has(code(n))) n += 1;
  const item: IndicatorDoc = { code: code(n), name: '新指标', weight: 0, rule: { type: 'qualitative' } };
  if (parentItem && parentItem.selfScored === false) item.selfScored = false;
  let next: FrameworkDoc;
  if (parent !== null && parentItem) {
    // A parent scores as the sum of its children: it keeps only a 'none' rule and no value source.
    const { rule, valueSource: _source, ...rest } = parentItem;
    const newParent: IndicatorDoc = { ...rest, ...(rule?.type === 'none' ? { rule } : {}), children: [...siblings, item] };
    next = withItems(doc, parent.slice(0, -1), (items) => {
      items[parent[parent.length - 1]!] = newParent;
      return items;
    });
  } else {
    next = { ...doc, indicators: [...doc.indicators, item] };
  }
  return { doc: next, path: [...(parent ?? []), siblings.length] };
}

export function canAddChild(level: number): boolean {
  return level < MAX_LEVEL;
}

/** The tree as display rows, depth first. */
export function editorRows(doc: FrameworkDoc): EditorRow[] {
  const rows: EditorRow[] = [];
  const walk = (items: IndicatorDoc[], parent: IndicatorPath, level: number) => {
    items.forEach((item, i) => {
      const path = [...parent, i];
      const kids = item.children ?? [];
      let childSumCenti: number | null = null;
      if (kids.length > 0) {
        const parts = kids.map((k) => pointsNumberToCenti(k.weight));
        childSumCenti = parts.every((p) => p !== null) ? parts.reduce<number>((s, p) => s + p!, 0) : null;
      }
      rows.push({ path, level, item, hasChildren: kids.length > 0, isLast: i === items.length - 1, childSumCenti });
      walk(kids, path, level + 1);
    });
  };
  walk(doc.indicators, [], 1);
  return rows;
}

export interface DraftIssue {
  /** The indicator concerned, when the problem belongs to one. */
  code?: string;
  message: string;
}

const zhCN = z.locales.zhCN();

/**
 * Everything that would stop the draft from saving, in Chinese: field problems first (empty
 * names, bad weights or rule parameters), then the structural checks (weights add up, depth,
 * unique codes, rules) that the service runs.
 */
export function draftIssues(doc: FrameworkDoc): DraftIssue[] {
  const parsed = FrameworkDocSchema.safeParse(doc, { error: zhCN.localeError });
  if (!parsed.success) {
    return parsed.error.issues.map((iss) => {
      const item = pathItem(doc, iss.path);
      return item
        ? { code: item.code, message: `指标 ${item.code}（${item.name || '未命名'}）：${iss.message}` }
        : { message: iss.message };
    });
  }
  return validateFramework(docToNodes(parsed.data), statedTotalCenti(parsed.data));
}

/** The indicator a zod issue path points into (indicators[0].children[2].weight → that item). */
function pathItem(doc: FrameworkDoc, path: readonly PropertyKey[]): IndicatorDoc | undefined {
  let items: IndicatorDoc[] | undefined = doc.indicators;
  let found: IndicatorDoc | undefined;
  for (let i = 0; i < path.length; i++) {
    if ((path[i] === 'indicators' || path[i] === 'children') && typeof path[i + 1] === 'number') {
      found = items?.[path[i + 1] as number];
      items = found?.children;
      i += 1;
    } else break;
  }
  return found;
}

/** Default parameters when the user switches an indicator to another rule type. */
export function defaultRule(type: RuleType, previous?: RuleSpec): RuleSpec {
  const carried = previous && 'target' in previous ? { target: previous.target, unit: previous.unit } : {};
  const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
  switch (type) {
    case 'positive':
    case 'equal':
      return clean({ type, target: '100', unit: '%', ...carried });
    case 'reverse':
      return clean({ type, target: '10', unit: '%', ...carried });
    case 'steps':
      return clean({ type, target: '100', unit: '%', ...carried, direction: 'below' as const, step: '1', pointsPerStep: '0.1', counting: 'proportional' as const });
    case 'bands':
      return {
        type,
        unit: '%',
        bands: [
          { from: { value: '0', inclusive: true }, to: { value: '0', inclusive: true }, points: '1' },
          { from: { value: '0', inclusive: false }, points: '0' },
        ],
      };
    case 'checklist':
      return { type };
    case 'qualitative':
    case 'manual':
    case 'none':
      return { type };
  }
}

/** Drops empty optional texts so a cleared field means "not set" rather than an invalid "". */
export function cleanRule(rule: RuleSpec): RuleSpec {
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined && v !== '')) as RuleSpec;
}
