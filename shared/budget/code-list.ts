import { z } from 'zod';

// 政府收支分类科目 lists (resources/codes/*.json) and the pure check of one code against them.
// 功能分类 is 类-款-项 = 3-5-7 digits; 部门预算支出经济分类 is 类-款 = 3-5 digits (domain-notes §2.6).

export const CODE_KINDS = ['func', 'econ'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];
export const CODE_KIND_LABELS: Record<CodeKind, string> = { func: '支出功能分类', econ: '部门预算支出经济分类' };
export const CODE_LEVELS: Record<CodeKind, readonly number[]> = { func: [3, 5, 7], econ: [3, 5] };
/** The first digit of every 类: 支出功能分类 2xx; 部门预算 3xx and 政府预算 5xx 经济分类. */
export const CODE_FIRST_DIGITS: Record<CodeKind, readonly string[]> = { func: ['2'], econ: ['3', '5'] };

export const CodeListFile = z
  .object({
    kind: z.enum(CODE_KINDS),
    title: z.string().min(1),
    edition: z.string().min(1),
    source: z.string(),
    codes: z
      .array(z.object({ code: z.string().regex(/^\d+$/), name: z.string().min(1) }).strict())
      .min(1),
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.codes.forEach((c, i) => {
      if (!CODE_LEVELS[f.kind].includes(c.code.length)) {
        ctx.addIssue({ code: 'custom', path: ['codes', i, 'code'], message: `编码 ${c.code} 的位数不符合${CODE_KIND_LABELS[f.kind]}的层级` });
      }
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: ['codes', i, 'code'], message: `编码 ${c.code} 重复` });
      seen.add(c.code);
    });
  });
export type CodeListFile = z.infer<typeof CodeListFile>;

export interface CodeList {
  kind: CodeKind;
  title: string;
  edition: string;
  names: ReadonlyMap<string, string>;
}

export interface CodeLists {
  func: CodeList;
  econ: CodeList;
}

export function toCodeList(file: CodeListFile): CodeList {
  return { kind: file.kind, title: file.title, edition: file.edition, names: new Map(file.codes.map((c) => [c.code, c.name])) };
}

/**
 * The shipped lists completed by the names the office's own data gives (a budget line's
 * "2010601 行政运行"). No official list is complete, and a code the office names in its own budget
 * is one it uses: it is never called wrong. Shipped names win where both exist.
 */
export function withOwnNames(lists: CodeLists, own: { econ: ReadonlyMap<string, string>; func: ReadonlyMap<string, string> }): CodeLists {
  const merge = (list: CodeList, names: ReadonlyMap<string, string>): CodeList => {
    const usable = [...names].filter(([code, name]) => name.trim() !== '' && CODE_LEVELS[list.kind].includes(code.length) && /^\d+$/.test(code));
    return usable.length === 0 ? list : { ...list, names: new Map([...usable, ...list.names]) };
  };
  return { func: merge(lists.func, own.func), econ: merge(lists.econ, own.econ) };
}

export type CodeStatus =
  | { status: 'listed'; name: string }
  /**
   * Well-formed but not in the list. No list is exhaustive (an office or a province may use a 类
   * such as 235 the shipped list lacks), so this is never an error: className is null when the
   * 类 itself has no name either.
   */
  | { status: 'unlisted'; classCode: string; className: string | null }
  | { status: 'empty' }
  | { status: 'malformed'; reason: string };

export function checkCode(list: CodeList, code: string): CodeStatus {
  if (code === '') return { status: 'empty' };
  if (!/^\d+$/.test(code)) return { status: 'malformed', reason: '编码只能是数字' };
  const levels = CODE_LEVELS[list.kind];
  if (!levels.includes(code.length)) return { status: 'malformed', reason: `编码应为 ${levels.join('、')} 位数字` };
  const name = list.names.get(code);
  if (name !== undefined) return { status: 'listed', name };
  // 支出功能分类 类 are 2xx, 经济分类 类 3xx or 5xx: an unnamed code of another shape is in the
  // wrong column (a 30201 as 功能分类) and could not be named on the 科目代码 page either.
  if (!CODE_FIRST_DIGITS[list.kind].includes(code[0]!)) return { status: 'malformed', reason: `${list.kind === 'func' ? '支出功能分类编码应以 2' : '经济分类编码应以 3 或 5'} 开头` };
  const classCode = code.slice(0, 3);
  return { status: 'unlisted', classCode, className: list.names.get(classCode) ?? null };
}

/** The listed name of a code, or '' when the list does not have it. */
export function codeName(list: CodeList, code: string): string {
  return list.names.get(code) ?? '';
}
