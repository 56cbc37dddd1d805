import { applyRules, ClassificationTally } from '../../shared/classification/classify-row.ts';
import { listRules } from '../db/repositories/classification-rule-repo.ts';
import { basename } from 'node:path';
import type { z } from 'zod';
import { AppError, type AppErrorDetail } from '../../shared/api/app-error.ts';
import type { MethodInput } from '../../shared/api/contract.ts';
import { mappingToHeaderNames } from '../../shared/import/auto-mapping.ts';
import type { ProfileCandidate } from '../../shared/import/choose-mapping.ts';
import type { HeaderColumn } from '../../shared/import/detect-header.ts';
import { describeEmptyImport } from '../../shared/import/empty-import.ts';
import { BudgetTotalsBuilder, LedgerTotalsBuilder } from '../../shared/import/import-totals.ts';
import {
  type BudgetRow,
  type CommitOptions,
  type CommitResult,
  commitOptionsSchema,
  type DuplicateRow,
  type FileInfo,
  findProfilesInputSchema,
  type ImportBatch,
  type ImportOptions,
  type ImportProgress,
  importOptionsSchema,
  type LedgerRow,
  listProfilesInputSchema,
  type MappingProfile,
  type PreviewResult,
  type PreviewRow,
  type SaveProfileInput,
  saveProfileInputSchema,
  type UndoImportResult,
} from '../../shared/import/schemas.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import * as repo from '../db/repositories/import-repo.ts';
import { getUnit } from '../db/repositories/organization-repo.ts';
import { type Db, openDatabase } from '../db/open.ts';
import { beginImmediate, commit, rollbackIfOpen } from '../db/open-transaction.ts';
import { toAppError } from '../db/sqlite-errors.ts';
import { BatchWriter, duplicateMatcher, duplicateRow, LIST_CAP } from '../import/batch-writer.ts';
import { importError } from '../import/import-error.ts';
import { DEFAULT_LIMITS, type ImportLimits } from '../import/limits.ts';
import type { ParseLayout, ParseRequest, ParseSummary } from '../import/parse-pipeline.ts';
import { parseFile } from '../import/run-parse.ts';
import { backupBefore } from './backup-service.ts';
import type { ServiceContext } from './context.ts';
import { linkTransactions } from './execution-service.ts';
import { ensureImportTarget, findImportTarget } from './import-target.ts';
import { learnBudgetCodeNames, learnCodeNames } from '../db/repositories/code-name-repo.ts';
import { inTransaction } from './transaction.ts';
import { requireAmountsWithinLimits, requireWritableYear, requireYear } from './year-guard.ts';

// Spreadsheet import: preview (parse everything, write nothing), commit (the same parse, written
// as it arrives inside ONE transaction on the import's own connection: the batch and all its rows,
// or nothing), undo, the batch list and mapping profiles. Parsing runs in a capped worker.

export interface ImportRunOptions {
  signal?: AbortSignal;
  /** Opens the import's own write connection to the data file (default: openDatabase(file)). */
  openWriter?: (file: string) => Db;
  onProgress?: (progress: ImportProgress) => void;
  /** Parse in this thread instead of a worker (profiling, debugging). */
  inProcess?: boolean;
  limits?: Partial<ImportLimits>;
}

/** What a parse needs of the options: everything but where the rows go. */
type TargetlessOptions = Omit<CommitOptions, 'yearId' | 'unitId'>;

const DEFAULT_PREVIEW_ROWS = 50;
const BATCH_SIZE = 2500;
const REPORT_LIST_CAP = 200;

function validate<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details: AppErrorDetail[] = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError('VALIDATION', `导入参数有误：${details.map((d) => `${d.path} ${d.message}`).join('；')}`, details);
}

function requireUnit(db: Db, unitId: number): void {
  if (!getUnit(db, unitId)) throw new AppError('NOT_FOUND', `找不到该单位（编号 ${unitId}），可能已被删除。`);
}

function profileCandidates(db: Db, options: TargetlessOptions): ProfileCandidate[] {
  const profiles = repo.listProfiles(db, options.target);
  if (options.profileId !== undefined) {
    const chosen = repo.getProfile(db, options.profileId);
    if (!chosen) throw new AppError('NOT_FOUND', `找不到映射方案（编号 ${options.profileId}）。`);
    if (chosen.target !== options.target) {
      throw new AppError('VALIDATION', `映射方案“${chosen.name}”用于${chosen.target === 'ledger' ? '收支明细' : '预算指标'}导入，与本次导入类型不符。`);
    }
  }
  return profiles.map((p) => ({ id: p.id, name: p.name, headerSignature: p.headerSignature, columns: p.columns }));
}

function parseRequest(db: Db, options: TargetlessOptions, year: number, run: ImportRunOptions): ParseRequest {
  return {
    filePath: options.filePath,
    target: options.target,
    year,
    sheet: options.sheet,
    allSheets: options.allSheets,
    headerRow: options.headerRow,
    headerRows: options.headerRows,
    amountScale: options.amountScale,
    encoding: options.encoding,
    debitMeans: options.debitMeans,
    mapping: options.mapping,
    profileId: options.profileId,
    autoProfile: options.autoProfile ?? true,
    profiles: profileCandidates(db, options),
    limits: { ...DEFAULT_LIMITS, ...run.limits },
    batchSize: BATCH_SIZE,
  };
}

function alreadyImportedError(fileName: string, prev: { id: number; createdAt: string }): AppError {
  const when = prev.createdAt.slice(0, 10);
  return importError(`文件“${fileName}”已于 ${when} 导入过（导入批次 ${prev.id}），不能重复导入。如需重新导入，请先撤销该批次。`);
}

function mappingError(fileName: string, layout: ParseLayout): AppError {
  const sheet = layout.sheets.find((s) => s.headerRow === layout.headerRow)?.name ?? '';
  return importError(
    `文件“${fileName}”（工作表“${sheet}”，表头在第 ${layout.headerRow} 行）无法导入：${layout.mappingProblems.join('；')}。`,
    layout.mappingProblems.map((message) => ({ sheet, row: layout.headerRow, column: '', message })),
  );
}

interface ParsedFile {
  file: FileInfo;
  layout: ParseLayout;
  summary: ParseSummary;
}

async function parseAll(
  request: ParseRequest,
  run: ImportRunOptions,
  hooks: {
    file?(info: FileInfo): void;
    layout?(layout: ParseLayout): void;
    rows(rows: LedgerRow[] | BudgetRow[]): void;
  },
): Promise<ParsedFile> {
  let file: FileInfo | null = null;
  let layout: ParseLayout | null = null;
  const summary = await parseFile(
    request,
    {
      file(info) {
        file = info;
        hooks.file?.(info);
      },
      layout(l) {
        layout = l;
        hooks.layout?.(l);
      },
      rows(rows, progress) {
        hooks.rows(rows);
        run.onProgress?.({ rows: progress.rows, percent: Math.min(progress.percent, 99) });
      },
    },
    { signal: run.signal, inProcess: run.inProcess },
  );
  if (!file || !layout) throw importError(`文件“${basename(request.filePath)}”解析未完成。`);
  return { file, layout, summary };
}

function layoutFields(layout: ParseLayout) {
  return {
    sheets: layout.sheets,
    headerRow: layout.headerRow,
    headerRows: layout.headerRows,
    amountScale: layout.amountScale,
    amountScaleEvidence: layout.amountScaleEvidence,
    columns: layout.columns,
    mapping: layout.mapping,
    mappingSource: layout.mappingSource,
    profile: layout.profile,
    headerSignature: layout.headerSignature,
    mappingProblems: layout.mappingProblems,
    yearSource: layout.yearSource,
    bookSide: layout.bookSide,
  };
}

/**
 * Reads the whole file and reports what an import would do, writing nothing: the detected layout
 * and mapping, the first rows as they will be stored, every bad cell, skipped rows, duplicates
 * and the row accounting.
 */
export async function previewImport(db: Db, input: ImportOptions, run: ImportRunOptions = {}): Promise<PreviewResult> {
  const options = validate(importOptionsSchema, input);
  const year = requireYear(db, options.yearId);
  requireUnit(db, options.unitId);
  const request = parseRequest(db, options, year.year, run);
  const limit = options.previewRows ?? DEFAULT_PREVIEW_ROWS;
  const isDuplicate = duplicateMatcher(db, options, null);
  const rows: PreviewRow[] = [];
  const duplicates: DuplicateRow[] = [];
  let duplicateCount = 0;
  let hiddenCount = 0;
  const ledgerTotals = new LedgerTotalsBuilder();
  const budgetTotals = new BudgetTotalsBuilder();
  const rules = options.target === 'ledger' ? listRules(db) : [];
  const classification = new ClassificationTally();
  const parsed = await parseAll(request, run, {
    rows(batch) {
      for (const row of batch) {
        const rule = 'fingerprint' in row ? applyRules(row, rules) : null;
        const hit = isDuplicate(row);
        if (hit) {
          duplicateCount++;
          if (duplicates.length < LIST_CAP) duplicates.push(duplicateRow(row, hit, false));
        } else {
          if (row.hidden) hiddenCount++;
          if ('fingerprint' in row) {
            ledgerTotals.add(row);
            classification.add(row, rule);
          } else budgetTotals.add(row);
        }
        if (rows.length < limit) {
          rows.push(
            'fingerprint' in row
              ? { kind: 'ledger', duplicate: hit !== null, rule: rule?.text ?? null, ...row }
              : { kind: 'budget', duplicate: hit !== null, ...row },
          );
        }
      }
    },
  });
  const { file, layout, summary } = parsed;
  run.onProgress?.({ rows: summary.rowsNormalized, percent: 100 });
  const prev = repo.findCommittedBatchBySha(db, file.sha256, options.target);
  return {
    file,
    target: options.target,
    ...layoutFields(layout),
    sheets: summary.sheets,
    rows,
    badCells: summary.badCells,
    badCellCount: summary.badCellCount,
    skippedRows: summary.skippedRows,
    duplicates,
    accounting: {
      rowsRead: summary.rowsRead,
      rowsImported: summary.rowsNormalized - duplicateCount,
      rowsDuplicate: duplicateCount,
      rowsRejected: summary.rowsRejected,
      rowsSkippedLayout: summary.rowsSkippedLayout,
      rowsHidden: hiddenCount,
    },
    ledgerTotals: options.target === 'ledger' ? ledgerTotals.result() : null,
    budgetTotals: options.target === 'budget' ? budgetTotals.result() : null,
    classification: options.target === 'ledger' ? classification.result() : null,
    checks: summary.checks,
    alreadyImported: prev ? { batchId: prev.id, createdAt: prev.createdAt, yearId: prev.yearId } : null,
    nothingToImport:
      layout.mappingProblems.length > 0
        ? null
        : (describeEmptyImport(file.name, summary, { imported: summary.rowsNormalized - duplicateCount, duplicate: duplicateCount })?.message ?? null),
    warnings: [...layout.warnings, ...summary.warnings.filter((w) => !layout.warnings.includes(w))],
  };
}

type ImportFileInput = MethodInput<'import.file'>;

// One import at a time per data file connection.
const importing = new WeakSet<Db>();

/**
 * The import's own connection to the data file. Its write transaction stays open while the
 * worker parses, so rows are written as they arrive (on the other core) — and because it is a
 * separate connection, nothing the app does meanwhile can slip into (or be rolled back with) the
 * import: other writers wait for the lock, readers keep seeing the committed state (WAL).
 */
function openWriter(db: Db, run: ImportRunOptions): Db {
  if (run.openWriter) return run.openWriter(db.name);
  if (db.memory) return db;
  const writer = openDatabase(db.name);
  // Half the default page cache: measured no slower for a 200k-row batch, 8 MB less at peak.
  writer.pragma('cache_size = -8000');
  return writer;
}

/** Where a commit writes: settled on the import's own connection, inside its transaction. */
interface Destination {
  year: number;
  open(writer: Db): { yearId: number; unitId: number };
}

/**
 * Imports the file: the same parse as the preview, written in ONE transaction that records the
 * batch and every accepted row, or nothing at all. Duplicates are skipped unless listed in
 * `acceptDuplicates`. Progress is reported per batch; aborting `signal` cancels with nothing written.
 */
export async function commitImport(db: Db, input: CommitOptions, run: ImportRunOptions = {}): Promise<CommitResult> {
  const options = validate(commitOptionsSchema, input);
  const year = requireWritableYear(db, options.yearId);
  requireUnit(db, options.unitId);
  return commitInto(db, options, run, {
    year: year.year,
    open(w) {
      requireWritableYear(w, options.yearId);
      return { yearId: options.yearId, unitId: options.unitId };
    },
  });
}

/**
 * The one import operation of the wizard and the command line: a backup first (so the import can
 * be taken back by a restore too), then the commit, and spending linked to its budget lines where
 * exactly one line fits — inside the commit's transaction, so a failure anywhere writes nothing.
 */
export async function importFile(ctx: ServiceContext, input: CommitOptions, run: ImportRunOptions = {}): Promise<CommitResult> {
  const options = validate(commitOptionsSchema, input);
  const year = requireWritableYear(ctx.db, options.yearId);
  requireUnit(ctx.db, options.unitId);
  await backupBefore(ctx, 'import');
  return commitInto(ctx.db, options, run, {
    year: year.year,
    open(w) {
      requireWritableYear(w, options.yearId);
      return { yearId: options.yearId, unitId: options.unitId };
    },
  });
}

/** `import.file`: the command line's import, into a year and unit named by number and name (created when missing). */
export async function importFileByName(ctx: ServiceContext, input: ImportFileInput, run: ImportRunOptions = {}): Promise<CommitResult> {
  const { year, unitName, profileName, ...rest } = input;
  let profileId: number | undefined;
  if (profileName !== undefined) {
    const profile = repo.getProfileByName(ctx.db, profileName);
    if (!profile) throw new AppError('NOT_FOUND', `没有名为“${profileName}”的映射方案。`);
    profileId = profile.id;
  }
  // Checked before the backup: an unknown unit or a final year is refused without writing anything.
  findImportTarget(ctx.db, { year, unitName }, false);
  const options = { ...rest, ...(profileId !== undefined ? { profileId } : {}) };
  await backupBefore(ctx, 'import');
  return commitInto(ctx.db, options, run, { year, open: (w) => ensureImportTarget(w, { year, unitName }) });
}

async function commitInto(db: Db, options: TargetlessOptions, run: ImportRunOptions, dest: Destination): Promise<CommitResult> {
  if (importing.has(db)) throw new AppError('CONFLICT', '另一个导入正在进行，请等它完成后再导入。');
  const request = parseRequest(db, options, dest.year, run);
  importing.add(db);
  let writer: Db | null = null;
  let batch: BatchWriter | null = null;
  try {
    writer = openWriter(db, run);
    const w = writer;
    beginImmediate(w);
    const full: CommitOptions = { ...options, ...dest.open(w) };
    let fileInfo: FileInfo | null = null;
    const parsed = await parseAll(request, run, {
      file(info) {
        if (full.expectedSha256 && info.sha256 !== full.expectedSha256) {
          throw importError(`文件“${info.name}”在预览之后被修改过，请重新预览后再导入。`);
        }
        const prev = repo.findCommittedBatchBySha(w, info.sha256, full.target);
        if (prev) throw alreadyImportedError(info.name, prev);
        fileInfo = info;
      },
      layout(layout) {
        if (layout.mappingProblems.length > 0) throw mappingError(basename(full.filePath), layout);
        const file = fileInfo as FileInfo | null;
        if (!file) throw importError(`文件“${basename(full.filePath)}”解析顺序异常。`);
        const batchId = repo.insertBatch(w, {
          yearId: full.yearId,
          unitId: full.unitId,
          target: full.target,
          fileName: file.name,
          fileSha256: file.sha256,
          fileSize: file.size,
          fileFormat: file.format,
          sheetName: '',
          headerRow: layout.headerRow,
          amountScale: layout.amountScale,
          profileId: layout.profile?.id ?? null,
        });
        batch = new BatchWriter(w, full, batchId, file.name);
      },
      rows(rows) {
        (batch as BatchWriter | null)?.add(rows);
      },
    });
    if (run.signal?.aborted) throw importError('导入已取消，未写入任何数据。');
    const written = batch as BatchWriter | null;
    if (!written) throw importError(`文件“${basename(full.filePath)}”解析未完成。`);
    const result = finishCommit(w, full, parsed, written);
    requireAmountsWithinLimits(w, full.yearId);
    // Imported spending is matched to its budget lines where exactly one line fits.
    if (full.target === 'ledger') linkTransactions(w, { yearId: full.yearId });
    // "2010601 行政运行" in a budget line names a code the office uses: kept for the 科目代码 page and the checks.
    if (full.target === 'budget') learnBudgetCodeNames(w, full.yearId);
    // So does "30201 办公费" in a ledger's 经济分类 column (the rows keep only the code).
    else learnCodeNames(w, parsed.summary.codeNames);
    commit(w);
    run.onProgress?.({ rows: result.accounting.rowsImported, percent: 100 });
    return result;
  } catch (err) {
    if (writer) rollbackIfOpen(writer);
    throw err instanceof AppError ? err : toAppError(err, db.name);
  } finally {
    (batch as BatchWriter | null)?.close();
    if (writer && writer !== db) writer.close();
    importing.delete(db);
  }
}

function finishCommit(db: Db, options: CommitOptions, parsed: ParsedFile, batch: BatchWriter): CommitResult {
  const { file, layout, summary } = parsed;
  const { imported, duplicateCount, duplicates } = batch;
  // The one place an import with nothing to write becomes a failure (no empty batch).
  const empty = describeEmptyImport(file.name, summary, { imported, duplicate: duplicateCount });
  if (empty) throw importError(empty.message, empty.rows);
  if (imported + duplicateCount !== summary.rowsNormalized) {
    throw new AppError(
      'INTERNAL',
      `内部错误：导入行数不一致（解析 ${summary.rowsNormalized} 行，写入 ${imported} 行，重复 ${duplicateCount} 行）。`,
    );
  }
  const accounting = {
    rowsRead: summary.rowsRead,
    rowsImported: imported,
    rowsDuplicate: duplicateCount,
    rowsRejected: summary.rowsRejected,
    rowsSkippedLayout: summary.rowsSkippedLayout,
    rowsHidden: batch.hiddenImported,
  };
  batch.finish();
  const totals = batch.totals();
  const report = {
    version: 1,
    file,
    layout: layoutFields(layout),
    checks: summary.checks,
    badCellCount: summary.badCellCount,
    badCells: summary.badCells.slice(0, REPORT_LIST_CAP),
    skippedRows: summary.skippedRows.slice(0, REPORT_LIST_CAP),
    duplicates: duplicates.slice(0, REPORT_LIST_CAP),
    budgetTotals: totals.budget,
    classification: options.target === 'ledger' ? batch.classification.result() : null,
    rowsHidden: accounting.rowsHidden,
    createdProjectIds: batch.createdProjects.map((p) => p.id),
    warnings: summary.warnings,
  };
  repo.finishBatch(db, batch.batchId, {
    ...accounting,
    sheetName: summary.sheets
      .filter((s) => s.selected)
      .map((s) => s.name)
      .join('、'),
    outflowFen: totals.ledger?.outflowFen ?? 0,
    inflowFen: totals.ledger?.inflowFen ?? 0,
    dateFrom: totals.ledger?.dateFrom ?? null,
    dateTo: totals.ledger?.dateTo ?? null,
    reportJson: JSON.stringify(report),
  });
  writeAudit(db, {
    action: 'import',
    entity: 'import_batch',
    entityId: batch.batchId,
    yearId: options.yearId,
    batchId: batch.batchId,
    after: { fileName: file.name, sha256: file.sha256, target: options.target, ...accounting },
  });
  return {
    batchId: batch.batchId,
    file,
    target: options.target,
    ...layoutFields(layout),
    sheets: summary.sheets,
    badCells: summary.badCells,
    badCellCount: summary.badCellCount,
    skippedRows: summary.skippedRows,
    duplicates,
    accounting,
    ledgerTotals: totals.ledger,
    budgetTotals: totals.budget,
    classification: options.target === 'ledger' ? batch.classification.result() : null,
    checks: summary.checks,
    warnings: summary.warnings,
    projectsCreated: batch.createdProjects.map((p) => p.name),
  };
}

/** Removes everything a batch wrote (and the projects it created, if nothing else uses them). */
export function undoImport(db: Db, batchId: number): UndoImportResult {
  return inTransaction(db, () => {
    const batch = repo.getBatch(db, batchId);
    if (!batch) throw new AppError('NOT_FOUND', `找不到导入批次 ${batchId}。`);
    if (batch.status === 'reverted') {
      throw new AppError('CONFLICT', `导入批次 ${batchId}（${batch.fileName}）已于 ${batch.revertedAt?.slice(0, 10) ?? ''} 撤销过。`);
    }
    requireWritableYear(db, batch.yearId);
    const rowsRemoved = repo.deleteBatchRows(db, batchId, batch.target);
    let createdProjectIds: number[] = [];
    try {
      const report = JSON.parse(batch.reportJson) as { createdProjectIds?: unknown };
      if (Array.isArray(report.createdProjectIds)) createdProjectIds = report.createdProjectIds.filter(Number.isInteger);
    } catch {
      createdProjectIds = [];
    }
    const projectsRemoved = repo.deleteUnusedProjects(db, createdProjectIds);
    const revertedAt = repo.markBatchReverted(db, batchId);
    writeAudit(db, {
      action: 'undo',
      entity: 'import_batch',
      entityId: batchId,
      yearId: batch.yearId,
      batchId,
      before: { fileName: batch.fileName, rowsImported: batch.rowsImported },
      after: { rowsRemoved, projectsRemoved, revertedAt },
    });
    return { batchId, rowsRemoved, revertedAt };
  });
}

export function listBatches(db: Db, yearId: number): ImportBatch[] {
  return repo.listBatches(db, yearId);
}

/** Saves the mapping the preview shows (by header name) under a name; a profile of that name is replaced. */
export function saveMappingProfile(db: Db, input: SaveProfileInput): MappingProfile {
  const p = validate(saveProfileInputSchema, input);
  const columns: HeaderColumn[] = p.columnNames.map((name, index) => ({ index, name, parent: name, child: '', match: null }));
  const byName = mappingToHeaderNames(columns, p.mapping);
  if (Object.keys(byName).length === 0) throw new AppError('VALIDATION', '映射方案中没有任何列对应关系。');
  const id = inTransaction(db, () =>
    repo.upsertProfile(db, { name: p.name, target: p.target, headerSignature: p.headerSignature, columns: byName, options: p.options ?? {} }),
  );
  const saved = repo.getProfile(db, id);
  if (!saved) throw new AppError('INTERNAL', '内部错误：映射方案保存后无法读取。');
  return saved;
}

export function listMappingProfiles(db: Db, input: { target?: 'ledger' | 'budget' } = {}): MappingProfile[] {
  const p = validate(listProfilesInputSchema, input);
  return repo.listProfiles(db, p.target);
}

export function findMappingProfiles(db: Db, input: { target: 'ledger' | 'budget'; headerSignature: string }): MappingProfile[] {
  const p = validate(findProfilesInputSchema, input);
  return repo.findProfilesBySignature(db, p.target, p.headerSignature);
}

export function deleteMappingProfile(db: Db, id: number): void {
  inTransaction(db, () => {
    if (repo.deleteProfile(db, id) === 0) throw new AppError('NOT_FOUND', `找不到映射方案（编号 ${id}）。`);
  });
}
