import { z } from 'zod';
import {
  FRAMEWORK_FILE_FORMAT,
  FRAMEWORK_FILE_VERSION,
  type FrameworkDoc,
  FrameworkDocSchema,
  FrameworkFileSchema,
} from './framework-doc.ts';
import { docToNodes } from './framework-tree.ts';
import { statedTotalCenti, validateFramework } from './validate-framework.ts';

// Reading and writing a framework JSON file. Every problem is reported, each with the place in the
// file it comes from (named by the indicator, not just by an index), so a finance bureau's file can
// be fixed in one pass.

export type FrameworkParseResult = { ok: true; doc: FrameworkDoc } | { ok: false; errors: string[] };

const zhCN = z.locales.zhCN();

/** indicators[0].children[2].weight → "一级指标第 1 项（管理效能）› 第 3 项（信息公开管理）› weight". */
function describePath(path: readonly PropertyKey[], data: unknown): string {
  const parts: string[] = [];
  let cur: unknown = data;
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = typeof cur === 'object' && cur !== null ? (cur as Record<PropertyKey, unknown>)[key as string] : undefined;
    if ((key === 'indicators' || key === 'children') && typeof path[i + 1] === 'number') {
      const idx = path[i + 1] as number;
      const item = Array.isArray(next) ? next[idx] : undefined;
      const name = typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined;
      depth += 1;
      parts.push(`${depth === 1 ? '一级指标' : `第 ${depth} 级`}第 ${idx + 1} 项${typeof name === 'string' ? `（${name}）` : ''}`);
      cur = item;
      i += 1;
      continue;
    }
    parts.push(String(key));
    cur = next;
  }
  return parts.length > 0 ? parts.join(' › ') : '文件';
}

function zodErrors(error: z.ZodError, data: unknown): string[] {
  return error.issues.map((iss) => `${describePath(iss.path, data)}：${iss.message}`);
}

/** Parses a framework file (or a bare framework document) and checks its structure and weights. */
export function parseFrameworkFile(text: string, opts: { requireHeader?: boolean } = {}): FrameworkParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, errors: [`文件不是有效的 JSON：${(err as Error).message}`] };
  }
  return parseFrameworkData(data, opts);
}

/** As parseFrameworkFile, for data already parsed from JSON. */
export function parseFrameworkData(data: unknown, opts: { requireHeader?: boolean } = {}): FrameworkParseResult {
  const hasHeader = typeof data === 'object' && data !== null && 'format' in data;
  const requireHeader = opts.requireHeader ?? true;
  let doc: FrameworkDoc;
  if (hasHeader || requireHeader) {
    const parsed = FrameworkFileSchema.safeParse(data, { error: zhCN.localeError });
    if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, data) };
    const { format: _f, formatVersion: _v, ...rest } = parsed.data;
    doc = rest;
  } else {
    const parsed = FrameworkDocSchema.safeParse(data, { error: zhCN.localeError });
    if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, data) };
    doc = parsed.data;
  }
  const issues = validateFramework(docToNodes(doc), statedTotalCenti(doc));
  if (issues.length > 0) return { ok: false, errors: issues.map((i) => i.message) };
  return { ok: true, doc };
}

/** Parses a framework document sent by the editor (no file header). */
export function parseFrameworkDoc(data: unknown): FrameworkParseResult {
  const parsed = FrameworkDocSchema.safeParse(data, { error: zhCN.localeError });
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, data) };
  const issues = validateFramework(docToNodes(parsed.data), statedTotalCenti(parsed.data));
  if (issues.length > 0) return { ok: false, errors: issues.map((i) => i.message) };
  return { ok: true, doc: parsed.data };
}

export function serializeFrameworkFile(doc: FrameworkDoc): string {
  const file = { format: FRAMEWORK_FILE_FORMAT, formatVersion: FRAMEWORK_FILE_VERSION, ...doc };
  return `${JSON.stringify(file, null, 2)}\n`;
}
