import { z } from 'zod';

// One fiscal year as a self-contained JSON document (`selfeval export-year`). Rows are the
// database rows of each year-scoped table with their original ids; references between them are
// remapped on import, so the round trip is lossless. Units and the department are matched by name.
export const YEAR_DOCUMENT_FORMAT = 'selfeval-year';
export const YEAR_DOCUMENT_VERSION = 1;

const Cell = z.union([z.string(), z.number(), z.null(), z.object({ base64: z.string() }).strict()]);
export const TableRows = z.array(z.record(z.string(), Cell));

export const YearDocument = z.object({
  format: z.literal(YEAR_DOCUMENT_FORMAT, { error: '不是本程序导出的年度数据文件' }),
  version: z.literal(YEAR_DOCUMENT_VERSION, { error: '年度数据文件的版本不受支持' }),
  schemaVersion: z.number().int(),
  exportedAt: z.string(),
  year: z.number().int(),
  tables: z.record(z.string(), TableRows),
});
export type YearDocument = z.infer<typeof YearDocument>;
