import { z } from 'zod';
import { OUTLINE_FILE_FORMAT, OUTLINE_FILE_VERSION, type OutlineDoc, OutlineDocSchema, OutlineFileSchema, validateOutline } from './outline.ts';

// Reading and writing an outline JSON file (the same JSON the app and the CLI export). Every
// problem names its place in the file by section heading, so a file can be fixed in one pass.

export type OutlineParseResult = { ok: true; doc: OutlineDoc } | { ok: false; errors: string[] };

const zhCN = z.locales.zhCN();

/** sections[1].children[0].content[2].key → "sections 第 2 节（综合评价分析）› 第 1 小节（…）› content 第 3 项 › key". */
function describePath(path: readonly PropertyKey[], data: unknown): string {
  const parts: string[] = [];
  let cur: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = typeof cur === 'object' && cur !== null ? (cur as Record<PropertyKey, unknown>)[key as string] : undefined;
    const idx = path[i + 1];
    if (typeof idx === 'number' && Array.isArray(next)) {
      const item = next[idx];
      if (key === 'sections' || key === 'children') {
        const heading = typeof item === 'object' && item !== null ? (item as { heading?: unknown }).heading : undefined;
        const unit = key === 'sections' ? '节' : '小节';
        parts.push(`${key === 'sections' ? 'sections ' : ''}第 ${idx + 1} ${unit}${typeof heading === 'string' ? `（${heading}）` : ''}`);
      } else {
        parts.push(`${String(key)} 第 ${idx + 1} 项`);
      }
      cur = item;
      i += 1;
      continue;
    }
    parts.push(String(key));
    cur = next;
  }
  return parts.length > 0 ? parts.join(' › ') : '文件';
}

/**
 * A content item is {"key": …} or {"text": …}; when it matches neither, zod reports only that the
 * union failed. The branch with the fewest complaints is the one the author meant, so its issues
 * (with their full paths) are reported instead.
 */
function explainIssues(issues: readonly z.core.$ZodIssue[], data: unknown): string[] {
  return issues.flatMap((iss) => {
    if (iss.code === 'invalid_union' && iss.errors.length > 0) {
      const best = [...iss.errors].sort((a, b) => a.length - b.length)[0]!;
      return explainIssues(
        best.map((b) => ({ ...b, path: [...iss.path, ...b.path] })),
        data,
      );
    }
    return [`${describePath(iss.path, data)}：${iss.message}`];
  });
}

function check(doc: OutlineDoc): OutlineParseResult {
  const issues = validateOutline(doc);
  if (issues.length > 0) return { ok: false, errors: issues.map((i) => `${i.where}：${i.message}`) };
  return { ok: true, doc };
}

/** Parses outline data: a file with its format header, or (from the editor) a bare document. */
export function parseOutlineData(data: unknown, opts: { requireHeader?: boolean } = {}): OutlineParseResult {
  const hasHeader = typeof data === 'object' && data !== null && 'format' in data;
  if (hasHeader || (opts.requireHeader ?? true)) {
    const parsed = OutlineFileSchema.safeParse(data, { error: zhCN.localeError });
    if (!parsed.success) return { ok: false, errors: explainIssues(parsed.error.issues, data) };
    const { format: _f, formatVersion: _v, ...doc } = parsed.data;
    return check(doc);
  }
  const parsed = OutlineDocSchema.safeParse(data, { error: zhCN.localeError });
  if (!parsed.success) return { ok: false, errors: explainIssues(parsed.error.issues, data) };
  return check(parsed.data);
}

export function parseOutlineFile(text: string): OutlineParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, errors: [`文件不是有效的 JSON：${(err as Error).message}`] };
  }
  return parseOutlineData(data);
}

/** Key order fixed by the schema, so export → import → export gives the same bytes. */
export function serializeOutlineFile(doc: OutlineDoc): string {
  const normalized = OutlineDocSchema.parse(doc);
  const file = { format: OUTLINE_FILE_FORMAT, formatVersion: OUTLINE_FILE_VERSION, ...normalized };
  return `${JSON.stringify(file, null, 2)}\n`;
}
