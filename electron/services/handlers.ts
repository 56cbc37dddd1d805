import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../shared/api/contract.ts';
import { appState, recoveryCreateNew, recoveryRestore, recoveryRetry } from './app-session.ts';
import * as backup from './backup-service.ts';
import * as budget from './budget-service.ts';
import * as checks from './checks-service.ts';
import type { ServiceContext } from './context.ts';
import { loadExampleYear } from './example-service.ts';
import * as execution from './execution-service.ts';
import * as imports from './import-service.ts';
import { cancelImportJob, importJobState, startImportJob } from './import-jobs.ts';
import { discardUpload, storeUpload, uploadPath } from './upload-store.ts';
import * as rules from './rules-service.ts';
import * as ledger from './ledger-service.ts';
import * as org from './organization-service.ts';
import * as procurement from './procurement-service.ts';
import * as codes from './code-list-service.ts';
import * as profile from './profile-service.ts';
import * as projectEval from './project-eval-service.ts';
import * as projectIndicators from './project-indicator-service.ts';
import * as outline from './outline-service.ts';
import * as report from './report-service.ts';
import * as scoring from './scoring-service.ts';
import { importTemplateFile } from './template-service.ts';
import { getUserSetting, setUserSetting } from './settings-service.ts';
import * as undo from './undo-service.ts';
import * as work from './work-service.ts';
import { exportYear, importYear } from './year-document-service.ts';

export type Handler<M extends MethodName> = (
  ctx: ServiceContext,
  input: z.output<Contract[M]['input']>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

// The single place where every contract method meets its service. Transports never call services
// directly; they go through the dispatcher, which validates with the contract first.
export const handlers: Handlers = {
  'app.info': (ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    dataFile: ctx.dataFile,
    transport: ctx.transport,
  }),
  'app.state': (ctx) => appState(ctx),
  'recovery.restore': (ctx, i) => recoveryRestore(ctx, i),
  'recovery.retry': (ctx) => recoveryRetry(ctx),
  'recovery.createNew': (ctx) => recoveryCreateNew(ctx),
  'setup.state': ({ db }) => org.setupState(db),
  'department.save': ({ db }, i) => org.saveDepartment(db, i),
  'units.save': ({ db }, i) => org.saveUnit(db, i),
  'units.delete': ({ db }, i) => org.deleteUnit(db, i.id),
  'years.create': ({ db }, i) => org.createYear(db, i),
  'years.delete': ({ db }, i) => org.deleteYear(db, i.id),
  'profile.get': ({ db }, i) => profile.loadProfile(db, i.yearId),
  'profile.save': ({ db }, i) => profile.saveProfile(db, i),
  'projects.list': ({ db }, i) => budget.listProjects(db, i.yearId),
  'projects.save': ({ db }, i) => budget.saveProject(db, i),
  'projects.delete': ({ db }, i) => budget.deleteProject(db, i.id),
  'projects.indicators': ({ db }, i) => projectIndicators.listIndicators(db, i.yearId),
  'projects.saveIndicator': ({ db }, i) => projectIndicators.saveIndicator(db, i),
  'projects.deleteIndicator': ({ db }, i) => projectIndicators.deleteIndicator(db, i.id),
  'projectEval.year': ({ db }, i) => projectEval.projectEvalYear(db, i.yearId),
  'projectEval.save': ({ db }, i) => projectEval.saveProjectEval(db, i),
  'projectEval.saveRules': ({ db }, i) => projectEval.saveProjectEvalRules(db, i),
  'projectEval.copyLastYear': ({ db }, i) => projectEval.copyLastYearIndicators(db, i),
  'projectEval.render': ({ db }, i) => projectEval.renderProjectEval(db, i),
  'budget.lines': ({ db }, i) => budget.listLines(db, i.yearId),
  'budget.saveLine': ({ db }, i) => budget.saveLine(db, i),
  'budget.saveLineByProjectName': ({ db }, i) => budget.saveLineByProjectName(db, i),
  'budget.copyFromYear': ({ db }, i) => budget.copyLinesFromYear(db, i),
  'budget.deleteLine': ({ db }, i) => budget.deleteLine(db, i.id),
  'budget.categoryTotals': ({ db }, i) => budget.categoryTotals(db, i.yearId),
  'ledger.saveTxn': ({ db }, i) => ledger.saveTxn(db, i),
  'ledger.deleteTxn': ({ db }, i) => ledger.deleteTxn(db, i.id),
  'ledger.classify': ({ db }, i) => ledger.classifyTxns(db, i),
  'rules.list': ({ db }) => rules.listRules(db),
  'rules.save': ({ db }, i) => rules.saveRules(db, i),
  'rules.import': ({ db }, i) => rules.importRules(db, i),
  'execution.overview': ({ db }, i) => execution.getExecutionOverview(db, i),
  'execution.lines': ({ db }, i) => execution.listBudgetLineExecution(db, i),
  'execution.transactions': ({ db }, i) => execution.listTransactions(db, i),
  'execution.targets': ({ db }, i) => execution.getExecutionTargets(db, i),
  'execution.saveTargets': ({ db }, i) => execution.saveExecutionTargets(db, i),
  'execution.link': ({ db }, i) => execution.linkTransactions(db, i),
  'execution.setTxnLine': ({ db }, i) => execution.setTransactionLine(db, i),
  'execution.unmatched': ({ db }, i) => execution.listUnmatchedGroups(db, i),
  'execution.paragraph': ({ db }, i) => execution.getRevenueExpenditureText(db, i),
  'execution.summary': ({ db }, i) => execution.getCliSummary(db, i.yearId),
  'checks.run': ({ db }, i) => checks.runChecks(db, i),
  'checks.explain': ({ db }, i) => checks.setCheckExplanation(db, i),
  'checks.deleteExplanation': ({ db }, i) => checks.deleteCheckExplanation(db, i),
  'checks.explained': ({ db }, i) => checks.explainedFindingsForExport(db, i),
  'import.upload': (_ctx, i) => storeUpload(i.fileName, i.base64),
  'import.template': (_ctx, i) => importTemplateFile(i.target),
  'import.preview': ({ db }, { fileId, ...i }) => imports.previewImport(db, { ...i, filePath: uploadPath(fileId) }),
  'import.start': (ctx, { fileId, ...i }) =>
    startImportJob(ctx, { ...i, filePath: uploadPath(fileId) }, (status) => {
      if (status !== 'failed') discardUpload(fileId);
    }),
  'import.progress': (_ctx, i) => importJobState(i.jobId),
  'import.cancel': (_ctx, i) => cancelImportJob(i.jobId),
  'import.undo': ({ db }, i) => imports.undoImport(db, i.batchId),
  'import.batches': ({ db }, i) => imports.listBatches(db, i.yearId),
  'import.profiles': ({ db }, i) => imports.listMappingProfiles(db, i),
  'import.saveProfile': ({ db }, i) => imports.saveMappingProfile(db, i),
  'import.file': (ctx, i) => imports.importFileByName(ctx, i),
  'procurement.get': ({ db }, i) => procurement.getProcurement(db, i.yearId),
  'procurement.save': ({ db }, i) => procurement.saveProcurement(db, i),
  'procurement.items': ({ db }, i) => procurement.listItems(db, i.yearId),
  'procurement.saveItem': ({ db }, i) => procurement.saveItem(db, i),
  'procurement.deleteItem': ({ db }, i) => procurement.deleteItem(db, i.id),
  'procurement.import': ({ db }, i) => procurement.importItems(db, i),
  'codes.list': ({ db }) => codes.listCodes(db),
  'codes.setName': ({ db }, i) => codes.setCodeName(db, i),
  'codes.deleteName': ({ db }, i) => codes.deleteCodeName(db, i),
  'codes.import': ({ db }, i) => codes.importCodeList(db, i),
  'codes.export': ({ db }, i) => codes.exportCodeList(db, i.format),
  'work.get': ({ db }, i) => work.workTree(db, i.yearId),
  'work.saveArea': ({ db }, i) => work.saveArea(db, i),
  'work.deleteArea': ({ db }, i) => work.deleteArea(db, i.id),
  'work.saveTask': ({ db }, i) => work.saveTask(db, i),
  'work.deleteTask': ({ db }, i) => work.deleteTask(db, i.id),
  'work.saveMeasure': ({ db }, i) => work.saveMeasure(db, i),
  'work.deleteMeasure': ({ db }, i) => work.deleteMeasure(db, i.id),
  'score.sheet': ({ db }, i) => scoring.getScoreSheet(db, i),
  'score.save': ({ db }, i) => scoring.saveScoreInput(db, i),
  'score.finalizeCheck': ({ db }, i) => scoring.finalizeCheck(db, i),
  'score.summary': ({ db }, i) => scoring.getSelfEvalSummary(db, i),
  'framework.list': ({ db }) => scoring.listFrameworks(db),
  'framework.get': ({ db }, i) => scoring.getFrameworkDoc(db, i),
  'framework.default': () => scoring.defaultFrameworkDoc(),
  'framework.shipped': () => scoring.listShippedFrameworks(),
  'framework.saveYear': ({ db }, i) => scoring.saveYearFramework(db, i),
  'framework.copyToYear': ({ db }, i) => scoring.copyFrameworkToYear(db, i),
  'framework.import': ({ db }, i) => scoring.importFramework(db, i),
  'framework.export': ({ db }, i) => scoring.exportFramework(db, i),
  'report.sections': ({ db }, i) => report.listReportSections(db, i.yearId),
  'report.saveSection': ({ db }, i) => report.saveReportSection(db, i),
  'report.resetSection': ({ db }, i) => report.resetReportSection(db, i),
  'report.workResults': ({ db }, i) => report.workResultsDrafts(db, i.yearId),
  'report.signature': ({ db }, i) => report.getSignatureBlock(db, i.yearId),
  'report.saveSignature': ({ db }, i) => report.saveSignatureBlock(db, i),
  'report.preview': ({ db }, i) => report.reportPreview(db, i.yearId),
  'report.render': ({ db }, i) => report.renderReport(db, i),
  'report.renderDetail': ({ db }, i) => report.renderExpenseDetail(db, i.yearId),
  'report.toFile': ({ db }, i) => report.exportReportToFile(db, i),
  'report.finalize': (ctx, i) => report.finalizeYear(ctx.db, i.yearId, () => backup.backupBefore(ctx, 'finalize')),
  'report.reopen': ({ db }, i) => report.reopenYear(db, i),
  'report.snapshots': ({ db }, i) => report.listReportSnapshots(db, i.yearId),
  'report.snapshot': ({ db }, i) => report.snapshotFile(db, i),
  'report.originals': ({ db }, i) => report.currentOriginals(db, i.yearId),
  'outline.get': ({ db }, i) => outline.getYearOutline(db, i.yearId),
  'outline.shipped': () => outline.listShippedOutlines(),
  'outline.save': ({ db }, i) => outline.saveYearOutline(db, i),
  'outline.copyFromYear': ({ db }, i) => outline.copyOutlineFromYear(db, i),
  'outline.reset': ({ db }, i) => outline.resetYearOutline(db, i),
  'outline.import': ({ db }, i) => outline.importYearOutline(db, i),
  'outline.export': ({ db }, i) => outline.exportYearOutline(db, i),
  'backup.list': (ctx) => backup.listBackups(ctx),
  'backup.now': (ctx) => backup.backupNow(ctx, 'manual'),
  'backup.status': (ctx) => backup.backupStatus(ctx),
  // The writer lock stays held from closing the file to reopening the restored one.
  'backup.restore': (ctx, i) => backup.restoreFrom(ctx, i),
  'backup.settings': (ctx, i) => backup.backupSettings(ctx, i),
  'backup.toFile': (ctx, i) => backup.backupToFile(ctx.dataFile, i.out),
  'backup.restoreFile': (ctx, i) => backup.restoreClosedFile(ctx.dataFile, i.from),
  'audit.history': ({ db }, i) => undo.history(db, i),
  'audit.undo': ({ db }, i) => undo.undo(db, i.auditId),
  'example.load': (ctx) => loadExampleYear(ctx),
  'year.export': ({ db }, i) => exportYear(db, i.yearId),
  'year.import': ({ db }, i) => importYear(db, i.document),
  'settings.get': ({ db }, i) => getUserSetting(db, i.key),
  'settings.set': ({ db }, i) => setUserSetting(db, i),
};
