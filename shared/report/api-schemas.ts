import { z } from 'zod';
import { id, isoDate, text } from '../api/fields.ts';
import { EDITABLE_SECTIONS, type SectionKey } from './editable-sections.ts';

const sectionKeys = EDITABLE_SECTIONS.map((s) => s.key) as [SectionKey, ...SectionKey[]];
export const SectionKeySchema = z.enum(sectionKeys, { error: '未知的报告段落' });

export const ReportSection = z.object({
  key: SectionKeySchema,
  title: z.string(),
  body: z.string(),
  /** True while a generated section follows the data (the user has not edited it). */
  followsData: z.boolean(),
  /** The generated text, for generated sections; null for narrative ones. */
  generatedText: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ReportSection = z.infer<typeof ReportSection>;

/** One work area's 主要工作情况及成效: the text saved with the area, and the text generated from its key tasks. */
export const WorkResultsDraft = z.object({
  areaId: z.number().int(),
  title: z.string(),
  summary: z.string(),
  /** Written from the area's tasks and their measured results ('' for an area without tasks). */
  generated: z.string(),
});
export type WorkResultsDraft = z.infer<typeof WorkResultsDraft>;

export const SaveSectionInput = z.object({ yearId: id('年度'), key: SectionKeySchema, body: text('段落内容', 50_000) }).strict();
export const SectionRef = z.object({ yearId: id('年度'), key: SectionKeySchema }).strict();

export const Signature = z.object({
  yearId: id('年度'),
  unitHead: text('单位负责人', 50),
  financeHead: text('财务负责人', 50),
  preparer: text('填报人', 50),
  phone: text('联系电话', 50).regex(/^[0-9+\-()（）\s转]*$/, { error: '联系电话只能包含数字、空格和 - + ( )' }),
  sealingUnit: text('盖章单位', 200),
  reportDate: isoDate('报送日期').nullable(),
  /** Print the names on the sign lines; off leaves them blank to sign by hand. Absent means off. */
  printNames: z.boolean({ error: '“打印姓名”应为是或否' }).default(false),
});
export type Signature = z.infer<typeof Signature>;

export const PlaceholderInfo = z.object({ key: z.string(), label: z.string(), value: z.string(), group: z.string() });
export const ConsistencyFindingSchema = z.object({
  kind: z.string(),
  sectionKey: z.string(),
  section: z.string(),
  excerpt: z.string(),
  typedValue: z.string(),
  dataValue: z.string(),
  reason: z.string(),
});

export const ReportPreview = z.object({
  title: z.string(),
  placeholders: z.array(PlaceholderInfo),
  unknownPlaceholders: z.array(z.object({ section: z.string(), key: z.string() })),
  findings: z.array(ConsistencyFindingSchema),
  /** Why the year cannot be finalized yet (empty = it can). */
  blockers: z.array(z.string()),
});
export type ReportPreview = z.infer<typeof ReportPreview>;

export const REPORT_FORMATS = ['pdf', 'xlsx', 'docx'] as const;
export const RenderInput = z.object({ yearId: id('年度'), format: z.enum(REPORT_FORMATS, { error: '导出格式只能是 pdf、xlsx 或 docx' }) }).strict();
/** 'separate': the Excel report without 支出明细, which report.renderDetail gives as a workbook of its own. */
export const DetailPlacement = z.enum(['included', 'separate'], { error: '支出明细只能随报告导出（included）或单独成册（separate）' });
export const ReportRenderInput = z
  .object({ yearId: id('年度'), format: z.enum(REPORT_FORMATS, { error: '导出格式只能是 pdf、xlsx 或 docx' }), detail: DetailPlacement.optional() })
  .strict();
export type ReportRenderInput = z.infer<typeof ReportRenderInput>;
/** The command line's export: written straight to files on this computer, streamed. */
export const ReportToFileInput = z
  .object({
    yearId: id('年度'),
    format: z.enum(REPORT_FORMATS, { error: '导出格式只能是 pdf、xlsx 或 docx' }),
    out: z.string().min(1).max(4096),
    /** With xlsx: 支出明细 goes into this workbook instead of the report's. */
    detailOut: z.string().min(1).max(4096).optional(),
  })
  .strict();
export type ReportToFileInput = z.infer<typeof ReportToFileInput>;
const WrittenFile = z.object({ file: z.string(), fileName: z.string(), bytes: z.number().int(), sha256: z.string() });
export const ReportToFileResult = z.object({ report: WrittenFile, detail: WrittenFile.nullable() });
export type ReportToFileResult = z.infer<typeof ReportToFileResult>;
export const RenderedFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), sha256: z.string() });
export type RenderedFile = z.infer<typeof RenderedFile>;

/** One of the originals stored when a year is finalized. */
export const FinalizedFile = z.object({ format: z.enum(REPORT_FORMATS), fileName: z.string(), sha256: z.string(), bytes: z.number().int() });
export const FinalizeResult = z.object({ files: z.array(FinalizedFile) });
export const OriginalFile = RenderedFile.extend({ format: z.enum(REPORT_FORMATS) });
export type OriginalFile = z.infer<typeof OriginalFile>;
export type FinalizeResult = z.infer<typeof FinalizeResult>;

export const SnapshotInfoSchema = z.object({
  id: z.number().int(),
  format: z.enum(REPORT_FORMATS),
  sha256: z.string(),
  createdAt: z.string(),
  reopenedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  size: z.number().int(),
});

export const ReopenInput = z.object({ yearId: id('年度'), reason: text('重新打开的原因', 500).trim().min(2, { error: '请填写重新打开的原因' }) }).strict();
