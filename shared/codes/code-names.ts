import { z } from 'zod';
import { requiredText } from '../api/fields.ts';
import { CODE_KINDS, CODE_LEVELS, type CodeKind, type CodeList, type CodeLists } from '../budget/code-list.ts';

// The 科目代码 an office uses: the shipped lists completed by the office's own names. Sources, in
// the order a name wins: typed on the 科目代码 page, imported from the office's 科目表 file, shipped
// with the program, learned from imported data ("2010601 行政运行" in a budget line).

export const CODE_NAME_SOURCES = ['manual', 'imported', 'shipped', 'learned'] as const;
export type CodeNameSource = (typeof CODE_NAME_SOURCES)[number];
/** The sources stored in the data file (shipped names live in resources/codes). */
export type StoredCodeNameSource = Exclude<CodeNameSource, 'shipped'>;
export const CODE_NAME_SOURCE_LABELS: Record<CodeNameSource, string> = {
  manual: '手工填写',
  imported: '导入的科目表',
  shipped: '程序自带',
  learned: '从导入数据识别',
};

const codeText = z
  .string({ error: '科目编码必须是文字' })
  .trim()
  .regex(/^\d+$/, { error: '科目编码只能是数字' });

export const CodeKindSchema = z.enum(CODE_KINDS, { error: '分类应为 func（支出功能分类）或 econ（经济分类）' });

export const StoredCodeName = z.object({
  kind: CodeKindSchema,
  code: z.string(),
  name: z.string(),
  source: z.enum(['manual', 'imported', 'learned']),
});
export type StoredCodeName = z.infer<typeof StoredCodeName>;

export const CodeEntry = z.object({
  kind: CodeKindSchema,
  code: z.string(),
  name: z.string(),
  source: z.enum(CODE_NAME_SOURCES),
  /** The shipped list's name where the office's own name replaces it. */
  shippedName: z.string().nullable(),
});
export type CodeEntry = z.infer<typeof CodeEntry>;

export const SetCodeNameInput = z
  .object({ kind: CodeKindSchema, code: codeText, name: requiredText('科目名称', 100) })
  .strict()
  .superRefine((v, ctx) => {
    const problem = codeShapeProblem(v.kind, v.code);
    if (problem) ctx.addIssue({ code: 'custom', path: ['code'], message: problem });
  });
export type SetCodeNameInput = z.infer<typeof SetCodeNameInput>;

export const DeleteCodeNameInput = z.object({ kind: CodeKindSchema, code: codeText }).strict();

export const CodeImportInput = z
  .object({
    fileName: z.string({ error: '文件名无效' }).min(1, { error: '文件名不能为空' }).max(260, { error: '文件名过长' }),
    base64: z.string({ error: '文件内容无效' }).max(33_000_000, { error: '文件过大（超过 24 MB）' }),
  })
  .strict();

export const CodeImportResult = z.object({
  fileName: z.string(),
  sheet: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows with a code that is not a 功能分类 / 经济分类 code (a 会计科目 such as 1001 …), or no name. */
  skipped: z.array(z.object({ row: z.number().int(), message: z.string() })),
  skippedCount: z.number().int(),
});
export type CodeImportResult = z.infer<typeof CodeImportResult>;

export const CodeExportInput = z.object({ format: z.enum(['xlsx', 'csv']) }).strict();

/** Why `code` cannot be a code of `kind`, or null. */
export function codeShapeProblem(kind: CodeKind, code: string): string | null {
  if (!/^\d+$/.test(code)) return '科目编码只能是数字';
  if (!CODE_LEVELS[kind].includes(code.length)) return `${kind === 'func' ? '支出功能分类' : '经济分类'}编码应为 ${CODE_LEVELS[kind].join('、')} 位数字`;
  if (kindOfCode(code) !== kind) return `编码 ${code} 不是${kind === 'func' ? '支出功能分类（2 开头）' : '经济分类（3 或 5 开头）'}编码`;
  return null;
}

/**
 * Which list a code belongs to by its shape: 支出功能分类 类 are 2xx (3-5-7 digits), 经济分类 类 are
 * 3xx (部门预算) or 5xx (政府预算) (3-5 digits). Anything else (a 会计科目 such as 1001) is neither.
 */
export function kindOfCode(code: string): CodeKind | null {
  if (!/^\d+$/.test(code)) return null;
  if (code.startsWith('2') && CODE_LEVELS.func.includes(code.length)) return 'func';
  if ((code.startsWith('3') || code.startsWith('5')) && CODE_LEVELS.econ.includes(code.length)) return 'econ';
  return null;
}

/** The lists the checks and reports use: shipped names completed (and, where typed or imported, replaced) by the office's. */
export function officeCodeLists(shipped: CodeLists, stored: readonly StoredCodeName[]): CodeLists {
  const merge = (list: CodeList): CodeList => {
    const own = stored.filter((s) => s.kind === list.kind);
    if (own.length === 0) return list;
    const names = new Map<string, string>();
    for (const s of own) if (s.source === 'learned') names.set(s.code, s.name);
    for (const [code, name] of list.names) names.set(code, name);
    for (const s of own) if (s.source === 'imported') names.set(s.code, s.name);
    for (const s of own) if (s.source === 'manual') names.set(s.code, s.name);
    return { ...list, names };
  };
  return { func: merge(shipped.func), econ: merge(shipped.econ) };
}

const RANK: Record<CodeNameSource, number> = { manual: 0, imported: 1, shipped: 2, learned: 3 };

/** Every code the office has a name for, with where the name came from, by kind then code. */
export function codeEntries(shipped: CodeLists, stored: readonly StoredCodeName[]): CodeEntry[] {
  const out = new Map<string, CodeEntry>();
  const put = (kind: CodeKind, code: string, name: string, source: CodeNameSource) => {
    const key = `${kind}:${code}`;
    const prev = out.get(key);
    const shippedName = source === 'shipped' ? null : (shipped[kind].names.get(code) ?? null);
    if (!prev || RANK[source] < RANK[prev.source]) out.set(key, { kind, code, name, source, shippedName: shippedName === name ? null : shippedName });
  };
  for (const kind of CODE_KINDS) for (const [code, name] of shipped[kind].names) put(kind, code, name, 'shipped');
  for (const s of stored) put(s.kind, s.code, s.name, s.source);
  return [...out.values()].sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind.localeCompare(b.kind)));
}
