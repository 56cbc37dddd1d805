import { z } from 'zod';
import { CODE_KINDS } from '../budget/code-list.ts';
import { codeShapeProblem } from '../codes/code-names.ts';

// One fiscal year as a self-contained JSON document (`selfeval export-year`). Rows are the
// database rows of each year-scoped table with their original ids; references between them are
// remapped on import, so the round trip is lossless. Units and the department are matched by name.
export const YEAR_DOCUMENT_FORMAT = 'selfeval-year';
export const YEAR_DOCUMENT_VERSION = 1;

const Cell = z.union([z.string(), z.number(), z.null(), z.object({ base64: z.string() }).strict()]);
export const TableRows = z.array(z.record(z.string(), Cell));

/**
 * The 科目代码 names the data file holds (typed, imported from a 科目表, learned from imported data):
 * not year-scoped, but a year moved to another data file must not lose the office's own names.
 * Optional, so files written before it existed still import.
 */
export const YearCodeName = z
  .object({
    kind: z.enum(CODE_KINDS, { error: '科目名称的分类应为 func 或 econ' }),
    code: z.string({ error: '科目编码必须是文字' }),
    name: z.string({ error: '科目名称必须是文字' }).trim().min(1, { error: '科目名称不能为空' }).max(100, { error: '科目名称不能超过 100 个字' }),
    source: z.enum(['manual', 'imported', 'learned'], { error: '科目名称的来源应为 manual、imported 或 learned' }),
  })
  .strict();
export type YearCodeName = z.infer<typeof YearCodeName>;

const YearCodeNames = z.array(YearCodeName).superRefine((names, ctx) => {
  names.forEach((n, i) => {
    const problem = codeShapeProblem(n.kind, n.code);
    if (problem) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `科目名称（codeNames）第 ${i + 1} 项：${problem}` });
  });
});

export const YearDocument = z.object({
  format: z.literal(YEAR_DOCUMENT_FORMAT, { error: '不是本程序导出的年度数据文件' }),
  version: z.literal(YEAR_DOCUMENT_VERSION, { error: '年度数据文件的版本不受支持' }),
  schemaVersion: z.number().int(),
  exportedAt: z.string(),
  year: z.number().int(),
  tables: z.record(z.string(), TableRows),
  codeNames: YearCodeNames.optional(),
});
export type YearDocument = z.infer<typeof YearDocument>;
