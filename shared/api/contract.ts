import { z } from 'zod';
import {
  BudgetLineExecutionQuery,
  CliSummary,
  BudgetLineExecutionRow,
  ExecutionOverview,
  ExecutionQuery,
  ExecutionTargets,
  ExecutionTargetsInput,
  LinkResult,
  RevenueExpenditureText,
  SetTransactionLineInput,
  SetTransactionLineResult,
  TransactionPage,
  TransactionQuery,
  UnmatchedGroup,
} from '../budget/schemas.ts';
import { CheckRun, CheckRunInput, DeleteExplanationInput, ExplainedFinding, SetExplanationInput, StoredExplanation } from '../checks/schemas.ts';
import {
  BackupEntry,
  BackupList,
  BackupListInput,
  BackupNowInput,
  BackupPolicy,
  BackupRestoreInput,
  BackupRestoreResult,
  BackupSettingsInput,
  BackupStatus,
} from '../backup/schemas.ts';
import { AuditEntry, AuditQuery } from '../domain/audit.ts';
import { SettingsGetInput, SettingsSetInput } from '../settings/user-settings.ts';
import { AppState, RecoveryRestoreInput, RecoveryRestoreResult } from '../recovery/schemas.ts';
import {
  commitResultSchema,
  importBatchSchema,
  importTargetSchema,
  listBatchesInputSchema,
  listProfilesInputSchema,
  mappingProfileSchema,
  previewResultSchema,
  saveProfileInputSchema,
  undoImportInputSchema,
  undoImportResultSchema,
} from '../import/schemas.ts';
import { ImportJobStateSchema, JobRef, UploadInput, UploadResult, WizardCommitInput, WizardPreviewInput } from '../import/wizard-schemas.ts';
import {
  BudgetLine,
  BudgetLineInput,
  CopyLinesInput,
  CopyLinesResult,
  NamedProjectLineInput,
  Project,
  ProjectInput,
} from '../domain/budget-line.ts';
import { Department, DepartmentInput, FiscalYear, SetupState, Unit, UnitInput } from '../domain/organization.ts';
import { ClassifyTxnsInput, ClassifyTxnsResult, Procurement, Txn, TxnInput } from '../domain/ledger.ts';
import { RulesFile } from '../classification/rules.ts';
import { ProcurementImportInput, ProcurementImportResult, ProcurementItem, ProcurementItemInput } from '../domain/procurement.ts';
import { CodeEntry, CodeExportInput, CodeImportInput, CodeImportResult, DeleteCodeNameInput, SetCodeNameInput } from '../codes/code-names.ts';
import { IMPORT_TARGETS } from '../import/fields.ts';
import { DEBIT_MEANINGS } from '../import/book-side.ts';
import { Profile } from '../domain/profile.ts';
import { ProjectIndicator, ProjectIndicatorInput } from '../domain/project-indicator.ts';
import {
  CopyLastYearIndicatorsInput,
  CopyLastYearIndicatorsResult,
  ProjectEvalTable,
  ProjectEvalYear,
  SaveProjectEvalInput,
  SaveProjectEvalRulesInput,
} from '../project-eval/api-schemas.ts';
import {
  FinalizeResult,
  OriginalFile,
  ReopenInput,
  RenderedFile,
  RenderInput,
  ReportRenderInput,
  ReportToFileInput,
  ReportToFileResult,
  ReportPreview,
  ReportSection,
  WorkResultsDraft,
  SaveSectionInput,
  SectionRef,
  Signature,
  SnapshotInfoSchema,
} from '../report/api-schemas.ts';
import { Measure, MeasureInput, Task, TaskInput, WorkArea, WorkAreaInput } from '../domain/work.ts';
import { CategoryTotals } from '../domain/totals.ts';
import { YearDocument } from '../domain/year-document.ts';
import {
  CopyOutlineInput,
  ExportedOutline,
  ImportOutlineInput,
  ResetOutlineInput,
  SaveOutlineInput,
  ShippedOutline,
  ShippedOutlineIdSchema,
  YearOutline,
} from '../report/outline-api.ts';
import { SHIPPED_FRAMEWORK_IDS } from '../scoring/shipped-framework-ids.ts';
import {
  CopyFrameworkToYearInputSchema,
  ExportFrameworkOutputSchema,
  FinalizeCheckSchema,
  FrameworkSummarySchema,
  GetFrameworkDocInputSchema,
  FrameworkDocOutputSchema,
  ImportFrameworkInputSchema,
  SaveScoreInputSchema,
  SaveYearFrameworkInputSchema,
  ScoreSheetSchema,
  SelfEvalSummaryInputSchema,
  SelfEvalSummaryOutputSchema,
} from '../scoring/schemas.ts';
import { fiscalYear, id } from './fields.ts';

// The one typed API between the renderer and the main process. Every method has a zod schema for
// its input and its output; the dispatcher validates both, whichever transport carried the call.

/** Tables whose rows belong to one fiscal year, so a write naming such a row names its year. */
export type YearTable =
  | 'fiscal_year'
  | 'project'
  | 'project_indicator'
  | 'budget_line'
  | 'ledger_txn'
  | 'work_area'
  | 'work_task'
  | 'task_measure'
  | 'import_batch'
  | 'audit_log';

/** Which input field names the year a write changes: the year's id itself or a row of that year. */
export interface YearLocator {
  field: string;
  table: YearTable;
}

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Methods that change data. The dispatcher refuses them, in one place, for a final year. */
  writes: boolean;
  /** Where the year of a write is found (default: `yearId`); null for a write allowed on a final year. */
  year: YearLocator | null;
}

const BY_YEAR_ID: YearLocator = { field: 'yearId', table: 'fiscal_year' };

const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({
  input,
  output,
  writes: false,
  year: null,
});
const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, year: YearLocator | null = BY_YEAR_ID): MethodSpec<I, O> => ({
  input,
  output,
  writes: true,
  year,
});
const rowOf = (table: YearTable, field = 'id'): YearLocator => ({ field, table });

const Empty = z.object({}).strict();
const YearRef = z.object({ yearId: id('年度') }).strict();
const Deleted = z.object({ deleted: z.literal(true) });
const LocalPath = z.string().min(1).max(4096);

const ImportFileInput = z
  .object({
    filePath: LocalPath,
    year: fiscalYear(),
    /** The unit by name; default the department's primary unit. Created (with the department) in an empty file. */
    unitName: z.string().min(1).max(200).optional(),
    target: importTargetSchema,
    sheet: z.string().min(1).optional(),
    allSheets: z.boolean().optional(),
    /** A saved mapping profile by name; default: chosen automatically. */
    profileName: z.string().min(1).max(200).optional(),
    /** What 借 means in a 借/贷 ledger; default: read from the title (a cash book's 借 is money in). */
    debitMeans: z.enum(DEBIT_MEANINGS).optional(),
  })
  .strict();
const BackupFileResult = z.object({ file: z.string(), sizeBytes: z.number().int(), schemaVersion: z.number().int() });
const RestoreFileResult = z.object({
  restoredFrom: z.string(),
  preRestoreFile: z.string().nullable(),
  schemaVersion: z.number().int(),
});

export const AppInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dataFile: z.string(),
  transport: z.enum(['ipc', 'http', 'cli', 'direct']),
});

export const contract = {
  'app.info': query(Empty, AppInfo),
  // The only methods that answer while the data file cannot be used (damaged, newer, missing, locked).
  'app.state': query(Empty, AppState),
  'recovery.restore': command(RecoveryRestoreInput, RecoveryRestoreResult),
  'recovery.retry': command(Empty, AppState),
  'recovery.createNew': command(Empty, AppState),

  'setup.state': query(Empty, SetupState),
  'department.save': command(DepartmentInput.strict(), Department),
  'units.save': command(UnitInput.strict(), Unit),
  'units.delete': command(z.object({ id: id('单位') }).strict(), Deleted),

  'years.create': command(
    z
      .object({
        year: fiscalYear(),
        copyProfileFrom: id('来源年度').nullable().optional(),
        /** A shipped framework; absent = a copy of the previous year's (the default one for a first year). */
        framework: z.enum(SHIPPED_FRAMEWORK_IDS, { error: '未知的内置指标体系' }).optional(),
        /** A shipped outline; absent = the previous year's outline. */
        outline: ShippedOutlineIdSchema.optional(),
      })
      .strict(),
    FiscalYear,
  ),
  'years.delete': command(z.object({ id: id('年度') }).strict(), Deleted, rowOf('fiscal_year')),

  'profile.get': query(YearRef, Profile),
  'profile.save': command(Profile.strict(), Profile),

  'projects.list': query(YearRef, z.array(Project)),
  'projects.save': command(ProjectInput.strict(), Project),
  'projects.delete': command(z.object({ id: id('项目') }).strict(), Deleted, rowOf('project')),

  'projects.indicators': query(YearRef, z.array(ProjectIndicator)),
  'projects.saveIndicator': command(ProjectIndicatorInput, ProjectIndicator, rowOf('project', 'projectId')),
  'projects.deleteIndicator': command(z.object({ id: id('项目指标') }).strict(), Deleted, rowOf('project_indicator')),

  // 项目支出绩效自评表: every project's table, scored; goals, weights and rules; copy from last year.
  'projectEval.year': query(YearRef, ProjectEvalYear),
  'projectEval.save': command(SaveProjectEvalInput, ProjectEvalTable),
  'projectEval.saveRules': command(SaveProjectEvalRulesInput, ProjectEvalYear),
  'projectEval.copyLastYear': command(CopyLastYearIndicatorsInput, CopyLastYearIndicatorsResult),
  'projectEval.render': query(RenderInput, RenderedFile),

  'budget.lines': query(YearRef, z.array(BudgetLine)),
  'budget.saveLine': command(BudgetLineInput, BudgetLine),
  'budget.saveLineByProjectName': command(NamedProjectLineInput, BudgetLine),
  'budget.copyFromYear': command(CopyLinesInput, CopyLinesResult, rowOf('fiscal_year', 'toYearId')),
  'budget.deleteLine': command(z.object({ id: id('预算指标') }).strict(), Deleted, rowOf('budget_line')),
  'budget.categoryTotals': query(YearRef, CategoryTotals),

  'ledger.saveTxn': command(TxnInput, Txn),
  'ledger.deleteTxn': command(z.object({ id: id('支出记录') }).strict(), Deleted, rowOf('ledger_txn')),
  'ledger.classify': command(ClassifyTxnsInput, ClassifyTxnsResult),
  'rules.list': query(Empty, RulesFile),
  'rules.save': command(RulesFile, RulesFile, null),
  'rules.import': command(
    z.object({ text: z.string().max(5_000_000, { error: '规则文件过大' }), fileName: z.string().max(500) }).strict(),
    z.object({ count: z.number().int() }),
    null,
  ),
  'execution.overview': query(ExecutionQuery, ExecutionOverview),
  'execution.lines': query(BudgetLineExecutionQuery, z.array(BudgetLineExecutionRow)),
  'execution.transactions': query(TransactionQuery, TransactionPage),
  'execution.targets': query(YearRef, ExecutionTargets),
  'execution.saveTargets': command(ExecutionTargetsInput, ExecutionTargets),
  'execution.link': command(YearRef, LinkResult),
  'execution.setTxnLine': command(SetTransactionLineInput, SetTransactionLineResult),
  'execution.unmatched': query(YearRef, z.array(UnmatchedGroup)),
  'execution.paragraph': query(YearRef, RevenueExpenditureText),
  'execution.summary': query(YearRef, CliSummary),
  'checks.run': query(CheckRunInput, CheckRun),
  'checks.explain': command(SetExplanationInput, StoredExplanation),
  'checks.deleteExplanation': command(DeleteExplanationInput, Deleted),
  'checks.explained': query(CheckRunInput, z.array(ExplainedFinding)),
  'import.upload': command(UploadInput, UploadResult),
  'import.template': query(z.object({ target: z.enum([...IMPORT_TARGETS, 'procurement']) }).strict(), RenderedFile),
  'import.preview': query(WizardPreviewInput, previewResultSchema),
  'import.start': command(WizardCommitInput, ImportJobStateSchema),
  'import.progress': query(JobRef, ImportJobStateSchema),
  'import.cancel': command(JobRef, ImportJobStateSchema),
  'import.undo': command(undoImportInputSchema.strict(), undoImportResultSchema, rowOf('import_batch', 'batchId')),
  'import.batches': query(listBatchesInputSchema.strict(), z.array(importBatchSchema)),
  'import.profiles': query(listProfilesInputSchema.strict(), z.array(mappingProfileSchema)),
  'import.saveProfile': command(saveProfileInputSchema.strict(), mappingProfileSchema),
  // The command line's import: a file on this computer into a year (and unit) found or created by
  // name, in one transaction with its backup first and its links to budget lines.
  'import.file': command(ImportFileInput, commitResultSchema),
  'procurement.get': query(YearRef, Procurement),
  'procurement.save': command(Procurement.strict(), Procurement),
  'procurement.items': query(YearRef, z.array(ProcurementItem)),
  'procurement.saveItem': command(ProcurementItemInput, ProcurementItem),
  'procurement.deleteItem': command(z.object({ id: id('采购明细') }).strict(), Deleted),
  'procurement.import': command(ProcurementImportInput, ProcurementImportResult),
  'codes.list': query(Empty, z.array(CodeEntry)),
  'codes.setName': command(SetCodeNameInput, CodeEntry, null),
  'codes.deleteName': command(DeleteCodeNameInput, z.object({ deleted: z.literal(true) }), null),
  'codes.import': command(CodeImportInput, CodeImportResult, null),
  'codes.export': query(CodeExportInput, RenderedFile),

  'work.get': query(YearRef, z.array(WorkArea)),
  'work.saveArea': command(WorkAreaInput.strict(), WorkArea),
  'work.deleteArea': command(z.object({ id: id('工作领域') }).strict(), Deleted, rowOf('work_area')),
  'work.saveTask': command(TaskInput.strict(), Task, rowOf('work_area', 'areaId')),
  'work.deleteTask': command(z.object({ id: id('任务') }).strict(), Deleted, rowOf('work_task')),
  'work.saveMeasure': command(MeasureInput.strict(), Measure, rowOf('work_task', 'taskId')),
  'work.deleteMeasure': command(z.object({ id: id('指标') }).strict(), Deleted, rowOf('task_measure')),

  'score.sheet': query(YearRef, ScoreSheetSchema),
  'score.save': command(SaveScoreInputSchema, ScoreSheetSchema),
  'score.finalizeCheck': query(YearRef, FinalizeCheckSchema),
  'score.summary': query(SelfEvalSummaryInputSchema.strict(), SelfEvalSummaryOutputSchema),
  'framework.list': query(Empty, z.array(FrameworkSummarySchema)),
  'framework.get': query(GetFrameworkDocInputSchema.strict(), FrameworkDocOutputSchema),
  'framework.default': query(Empty, FrameworkDocOutputSchema),
  'framework.shipped': query(Empty, z.array(z.object({ id: z.enum(SHIPPED_FRAMEWORK_IDS), doc: FrameworkDocOutputSchema }))),
  'framework.saveYear': command(SaveYearFrameworkInputSchema.strict(), FrameworkSummarySchema),
  'framework.copyToYear': command(CopyFrameworkToYearInputSchema.strict(), FrameworkSummarySchema),
  'framework.import': command(ImportFrameworkInputSchema, FrameworkSummarySchema),
  'framework.export': query(z.object({ frameworkId: id('指标体系') }).strict(), ExportFrameworkOutputSchema),

  'report.sections': query(YearRef, z.array(ReportSection)),
  'report.saveSection': command(SaveSectionInput, z.array(ReportSection)),
  'report.resetSection': command(SectionRef, z.array(ReportSection)),
  /** 主要工作情况及成效 per work area, with the text generated from its key tasks (saved through work.saveArea). */
  'report.workResults': query(YearRef, z.array(WorkResultsDraft)),
  'report.signature': query(YearRef, Signature),
  'report.saveSignature': command(Signature.strict(), Signature),
  'report.preview': query(YearRef, ReportPreview),
  'report.render': query(ReportRenderInput, RenderedFile),
  /** 支出明细 as a workbook of its own (the other half of report.render with detail 'separate'). */
  'report.renderDetail': query(YearRef, RenderedFile),
  'report.toFile': query(ReportToFileInput, ReportToFileResult),
  'report.finalize': command(YearRef, FinalizeResult),
  // Re-opening is the one write a final year accepts.
  'report.reopen': command(ReopenInput, z.object({ reopened: z.literal(true) }), null),
  'report.snapshots': query(YearRef, z.array(SnapshotInfoSchema)),
  /** A finalized year's stored originals (PDF, Excel, Word), byte for byte as signed. */
  'report.originals': query(YearRef, z.array(OriginalFile)),
  'outline.get': query(YearRef, YearOutline),
  'outline.shipped': query(Empty, z.array(ShippedOutline)),
  'outline.save': command(SaveOutlineInput, YearOutline),
  'outline.copyFromYear': command(CopyOutlineInput, YearOutline),
  'outline.reset': command(ResetOutlineInput, YearOutline),
  'outline.import': command(ImportOutlineInput, YearOutline),
  'outline.export': query(YearRef, ExportedOutline),
  'report.snapshot': query(z.object({ yearId: id('年度'), snapshotId: id('定稿文件') }).strict(), RenderedFile),

  'backup.list': query(BackupListInput, BackupList),
  'backup.now': command(BackupNowInput, BackupEntry),
  'backup.status': query(Empty, BackupStatus),
  'backup.restore': command(BackupRestoreInput, BackupRestoreResult),
  'backup.settings': command(BackupSettingsInput, BackupPolicy),
  'backup.toFile': query(z.object({ out: LocalPath }).strict(), BackupFileResult),
  'backup.restoreFile': command(z.object({ from: LocalPath }).strict(), RestoreFileResult),

  'audit.history': query(AuditQuery, z.array(AuditEntry)),
  'audit.undo': command(z.object({ auditId: id('修改记录') }).strict(), AuditEntry, rowOf('audit_log', 'auditId')),

  'example.load': command(Empty, z.object({ yearId: id('年度'), year: fiscalYear() })),
  'year.export': query(YearRef, YearDocument),
  'year.import': command(z.object({ document: YearDocument }).strict(), z.object({ yearId: id('年度') })),

  'settings.get': query(SettingsGetInput, z.unknown()),
  'settings.set': command(SettingsSetInput, z.object({ ok: z.literal(true) })),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** What the start screen may call before the data file is open. */
export const RECOVERY_METHODS: ReadonlySet<MethodName> = new Set([
  'app.state',
  'recovery.restore',
  'recovery.retry',
  'recovery.createNew',
]);

/**
 * Methods that name files on this computer: only the command line (run by the user, with the
 * user's own rights) may call them; the window and the loopback server handle bytes, never paths.
 */
export const CLI_ONLY_METHODS: ReadonlySet<MethodName> = new Set(['import.file', 'backup.toFile', 'backup.restoreFile', 'report.toFile']);

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
