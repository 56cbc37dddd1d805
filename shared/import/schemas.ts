// The import API contract: inputs and outputs of previewImport / commitImport / undoImport /
// listBatches and the mapping-profile calls, as zod schemas the typed API can plug in.

import { z } from 'zod';
import { BUDGET_FUNDING_SOURCES, CATEGORIES, DIRECTIONS, FUNDING_SOURCES, LEDGER_CATEGORIES } from '../domain/enums.ts';
import { AMOUNT_SCALES } from './amount-scale.ts';
import { DEBIT_MEANINGS } from './book-side.ts';
import { LAYOUT_KINDS } from './classify-layout-row.ts';
import { IMPORT_FIELDS, IMPORT_TARGETS } from './fields.ts';
import { FILE_FORMATS, TEXT_ENCODINGS } from './file-formats.ts';

const id = z.number().int().positive();
const fen = z.number().int();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const importTargetSchema = z.enum(IMPORT_TARGETS);
export const amountScaleSchema = z.enum(AMOUNT_SCALES);
export const importFieldSchema = z.enum(IMPORT_FIELDS);
export const textEncodingChoiceSchema = z.enum(TEXT_ENCODINGS);
export const fileFormatSchema = z.enum(FILE_FORMATS);
export const layoutKindSchema = z.enum(LAYOUT_KINDS);

/** Field → 0-based column index. */
export const columnMappingSchema = z.partialRecord(importFieldSchema, z.number().int().min(0).max(1023));

export const importOptionsSchema = z.object({
  filePath: z.string().min(1),
  yearId: id,
  unitId: id,
  target: importTargetSchema,
  /** Sheet name; default: the first sheet with a recognisable header. */
  sheet: z.string().min(1).optional(),
  /** Import every sheet whose header has the same shape as the chosen (or first) one. */
  allSheets: z.boolean().optional(),
  /** 1-based row of the (first) header row, when the detected one is wrong. */
  headerRow: z.number().int().min(1).optional(),
  headerRows: z.union([z.literal(1), z.literal(2)]).optional(),
  amountScale: amountScaleSchema.optional(),
  encoding: textEncodingChoiceSchema.optional(),
  /** What 借 means in a ledger with 借/贷 (default: read from the title — 'in' for cash books). */
  debitMeans: z.enum(DEBIT_MEANINGS).optional(),
  mapping: columnMappingSchema.optional(),
  profileId: id.optional(),
  /** Use a saved profile whose header signature matches (default true). */
  autoProfile: z.boolean().optional(),
  /** How many normalised rows the preview returns (default 50). */
  previewRows: z.number().int().min(0).max(1000).optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const duplicateRefSchema = z.union([
  z.number().int().min(1),
  z.object({ sheet: z.string(), row: z.number().int().min(1) }),
]);

export const commitOptionsSchema = importOptionsSchema.extend({
  /** Rows the preview flagged as duplicates that the user wants imported anyway. */
  acceptDuplicates: z.array(duplicateRefSchema).optional(),
  /** The file hash the preview showed; the commit refuses a file that changed since. */
  expectedSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type CommitOptions = z.infer<typeof commitOptionsSchema>;

/**
 * Whether the row was out of sight in the file: a hidden row (or a row of a collapsed outline
 * group) or a row on a hidden sheet. Such rows are imported like any other, but marked, since a
 * forgotten hidden subtotal or an old hidden sheet is how amounts get counted twice.
 */
export const sourceHiddenSchema = z.enum(['row', 'sheet']).nullable();
export type SourceHidden = z.infer<typeof sourceHiddenSchema>;

export const ledgerRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  date: isoDate,
  direction: z.enum(DIRECTIONS),
  /** Signed within its direction: a red-letter reversal of a payment is a negative 'out'. */
  amountFen: fen,
  voucherNo: z.string(),
  summary: z.string(),
  counterparty: z.string(),
  serialNo: z.string(),
  fundingSource: z.enum(FUNDING_SOURCES),
  category: z.enum(LEDGER_CATEGORIES),
  funcCode: z.string(),
  econCode: z.string(),
  projectName: z.string(),
  fingerprint: z.string(),
  hidden: sourceHiddenSchema,
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

export const budgetRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  fundingSource: z.enum(BUDGET_FUNDING_SOURCES),
  category: z.enum(CATEGORIES),
  projectName: z.string(),
  funcCode: z.string(),
  funcName: z.string(),
  econCode: z.string(),
  econName: z.string(),
  initialFen: fen,
  adjustmentFen: fen,
  docNo: z.string(),
  note: z.string(),
  hidden: sourceHiddenSchema,
});
export type BudgetRow = z.infer<typeof budgetRowSchema>;

export const previewRowSchema = z.discriminatedUnion('kind', [
  ledgerRowSchema.extend({
    kind: z.literal('ledger'),
    duplicate: z.boolean(),
    /** The classification rule that filled this row (规则 1：摘要包含“工资” → 经济分类 30101), or null. */
    rule: z.string().nullable(),
  }),
  budgetRowSchema.extend({ kind: z.literal('budget'), duplicate: z.boolean() }),
]);
export type PreviewRow = z.infer<typeof previewRowSchema>;

export const badCellSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  /** Column letter ("D"), or '' when the problem concerns the whole row. */
  column: z.string(),
  header: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type BadCell = z.infer<typeof badCellSchema>;

export const skippedRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  kind: layoutKindSchema,
  label: z.string(),
});
export type SkippedRow = z.infer<typeof skippedRowSchema>;

export const duplicateRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  date: isoDate,
  direction: z.enum(DIRECTIONS),
  amountFen: fen,
  summary: z.string(),
  counterparty: z.string(),
  serialNo: z.string(),
  /** The earlier import holding the same movement (null when it was entered by hand). */
  existingBatchId: z.number().int().nullable(),
  accepted: z.boolean(),
});
export type DuplicateRow = z.infer<typeof duplicateRowSchema>;

export const rowAccountingSchema = z.object({
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsDuplicate: z.number().int(),
  rowsRejected: z.number().int(),
  rowsSkippedLayout: z.number().int(),
  /** Of rowsImported, how many were hidden in the file (hidden rows, rows of hidden sheets). */
  rowsHidden: z.number().int(),
});
export type RowAccounting = z.infer<typeof rowAccountingSchema>;

export const totalCheckSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  label: z.string(),
  /** What the file's totals row says and what the imported rows above it add up to. */
  fileOutFen: fen.nullable(),
  rowsOutFen: fen,
  fileInFen: fen.nullable(),
  rowsInFen: fen,
  ok: z.boolean(),
});
export type TotalCheck = z.infer<typeof totalCheckSchema>;

export const sheetSummarySchema = z.object({
  index: z.number().int(),
  name: z.string(),
  hidden: z.boolean(),
  selected: z.boolean(),
  headerRow: z.number().int().nullable(),
  signature: z.string().nullable(),
  /** Why a sheet is not imported (no header, different shape, not chosen). */
  note: z.string(),
});
export type SheetSummary = z.infer<typeof sheetSummarySchema>;

export const columnInfoSchema = z.object({
  index: z.number().int(),
  letter: z.string(),
  name: z.string(),
  field: importFieldSchema.nullable(),
});
export type ColumnInfo = z.infer<typeof columnInfoSchema>;

export const fileInfoSchema = z.object({
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  format: fileFormatSchema,
  formatLabel: z.string(),
  /** Text files only: the decoding used and how it was chosen. */
  encoding: z.string().nullable(),
  encodingSource: z.enum(['bom', 'utf8', 'fallback', 'option']).nullable(),
  delimiter: z.string().nullable(),
});
export type FileInfo = z.infer<typeof fileInfoSchema>;

export const ledgerTotalsSchema = z.object({
  outflowFen: fen,
  inflowFen: fen,
  dateFrom: isoDate.nullable(),
  dateTo: isoDate.nullable(),
});
export type LedgerTotals = z.infer<typeof ledgerTotalsSchema>;

export const budgetTotalsSchema = z.object({ initialFen: fen, adjustmentFen: fen, finalFen: fen });
export type BudgetTotals = z.infer<typeof budgetTotalsSchema>;

export const previousImportSchema = z.object({ batchId: id, createdAt: z.string(), yearId: id });

export const yearSourceSchema = z.object({
  year: z.number().int(),
  kind: z.enum(['header', 'title', 'import']),
  evidence: z.string(),
  /** The line the preview shows: 年份：2021（取自标题“…”）. */
  text: z.string(),
});
export type YearSourceInfo = z.infer<typeof yearSourceSchema>;

export const bookSideSchema = z.object({
  debitMeans: z.enum(DEBIT_MEANINGS),
  evidence: z.string().nullable(),
  chosen: z.boolean(),
  /** The line the preview shows: 借贷方向：借方 = 收入（存入）… */
  text: z.string(),
});
export type BookSideInfo = z.infer<typeof bookSideSchema>;

/** Ledger imports: spending rows a saved rule classified, and spending rows still 未分类. */
export const classificationCountsSchema = z.object({
  rowsClassifiedByRule: z.number().int().min(0),
  rowsUnclassified: z.number().int().min(0),
});
export type ClassificationCounts = z.infer<typeof classificationCountsSchema>;

export const previewResultSchema = z.object({
  file: fileInfoSchema,
  target: importTargetSchema,
  sheets: z.array(sheetSummarySchema),
  headerRow: z.number().int(),
  headerRows: z.union([z.literal(1), z.literal(2)]),
  amountScale: amountScaleSchema,
  /** The text the unit was read from ("金额单位：万元"), null when it was chosen or defaulted. */
  amountScaleEvidence: z.string().nullable(),
  columns: z.array(columnInfoSchema),
  mapping: columnMappingSchema,
  mappingSource: z.enum(['option', 'profile', 'auto']),
  profile: z.object({ id, name: z.string() }).nullable(),
  headerSignature: z.string(),
  /** Why no row was read (no amount or date column …): fix the mapping and preview again. */
  mappingProblems: z.array(z.string()),
  /** Ledger imports: where the year of the rows comes from. */
  yearSource: yearSourceSchema.nullable(),
  /** Ledger imports: what 借 and 贷 mean for this file. */
  bookSide: bookSideSchema.nullable(),
  /** The first rows exactly as they will be stored. */
  rows: z.array(previewRowSchema),
  badCells: z.array(badCellSchema),
  badCellCount: z.number().int(),
  skippedRows: z.array(skippedRowSchema),
  duplicates: z.array(duplicateRowSchema),
  accounting: rowAccountingSchema,
  ledgerTotals: ledgerTotalsSchema.nullable(),
  budgetTotals: budgetTotalsSchema.nullable(),
  classification: classificationCountsSchema.nullable(),
  checks: z.array(totalCheckSchema),
  /** A non-reverted import of the same file (same SHA-256): committing it is refused. */
  alreadyImported: previousImportSchema.nullable(),
  /** Set when not one row can be imported: why (sheet, rows and reasons). Committing it fails. */
  nothingToImport: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type PreviewResult = z.infer<typeof previewResultSchema>;

export const commitResultSchema = previewResultSchema
  .omit({ rows: true, alreadyImported: true, nothingToImport: true })
  .extend({ batchId: id, projectsCreated: z.array(z.string()) });
export type CommitResult = z.infer<typeof commitResultSchema>;

export const importProgressSchema = z.object({ rows: z.number().int(), percent: z.number().min(0).max(100) });
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importBatchSchema = z.object({
  id,
  yearId: id,
  unitId: z.number().int().nullable(),
  target: importTargetSchema,
  fileName: z.string(),
  fileSha256: z.string(),
  fileSize: z.number().int(),
  fileFormat: z.string(),
  sheetName: z.string(),
  headerRow: z.number().int().nullable(),
  amountScale: amountScaleSchema,
  profileId: z.number().int().nullable(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsDuplicate: z.number().int(),
  rowsRejected: z.number().int(),
  rowsSkippedLayout: z.number().int(),
  outflowFen: fen,
  inflowFen: fen,
  dateFrom: isoDate.nullable(),
  dateTo: isoDate.nullable(),
  status: z.enum(['committed', 'reverted']),
  createdAt: z.string(),
  revertedAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const undoImportInputSchema = z.object({ batchId: id });
export const undoImportResultSchema = z.object({ batchId: id, rowsRemoved: z.number().int(), revertedAt: z.string() });
export type UndoImportResult = z.infer<typeof undoImportResultSchema>;

export const listBatchesInputSchema = z.object({ yearId: id });

export const profileColumnsSchema = z.partialRecord(importFieldSchema, z.string().min(1));

export const profileOptionsSchema = z.object({
  amountScale: amountScaleSchema.optional(),
  headerRows: z.union([z.literal(1), z.literal(2)]).optional(),
  encoding: textEncodingChoiceSchema.optional(),
});

export const mappingProfileSchema = z.object({
  id,
  name: z.string(),
  target: importTargetSchema,
  headerSignature: z.string(),
  /** Field → header name as it appears in the file. */
  columns: profileColumnsSchema,
  options: profileOptionsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MappingProfile = z.infer<typeof mappingProfileSchema>;

/** Saves (or replaces, by name) a profile from what the preview showed. */
export const saveProfileInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  target: importTargetSchema,
  headerSignature: z.string().min(1),
  /** preview.columns[i].name for every column, so the mapping is kept by header name. */
  columnNames: z.array(z.string()),
  mapping: columnMappingSchema,
  options: profileOptionsSchema.optional(),
});
export type SaveProfileInput = z.infer<typeof saveProfileInputSchema>;

export const listProfilesInputSchema = z.object({ target: importTargetSchema.optional() });
export const findProfilesInputSchema = z.object({ target: importTargetSchema, headerSignature: z.string().min(1) });
