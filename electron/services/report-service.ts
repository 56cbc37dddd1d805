import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { selfNameOf } from '../../shared/domain/self-reference.ts';
import { FUNDING_SOURCE_LABELS, LEDGER_CATEGORY_LABELS, type LedgerCategory } from '../../shared/domain/enums.ts';
import { AppError, type AppErrorDetail } from '../../shared/api/app-error.ts';
import type {
  FinalizeResult,
  OriginalFile,
  RenderedFile,
  ReportPreview,
  ReportRenderInput,
  ReportSection,
  ReportToFileInput,
  ReportToFileResult,
  Signature,
  WorkResultsDraft,
} from '../../shared/report/api-schemas.ts';
import { workResultsText } from '../../shared/report/work-results-text.ts';
import { buildReportModel } from '../../shared/report/build-report-model.ts';
import { checkNarrativeConsistency } from '../../shared/report/consistency-check.ts';
import { unwrittenSections } from '../../shared/report/unwritten-sections.ts';
import { EDITABLE_SECTIONS, editableSectionTitles, type GeneratedSectionKey, type SectionKey } from '../../shared/report/editable-sections.ts';
import { type ExpenseDetailRow, NARRATIVE_KEYS, type ReportInput, type ScoreNode, reportInputSchema } from '../../shared/report/input.ts';
import { placeholderCatalogue } from '../../shared/report/placeholders.ts';
import { reportFileName } from '../../shared/report/report-file-name.ts';
import type { ScoreRow } from '../../shared/scoring/schemas.ts';
import { ratio } from '../../shared/money/rate.ts';
import { renderDetailXlsx, renderReportDocx, renderReportPdf, renderReportXlsx, writeDetailXlsx, writeReportXlsx, type XlsxExportOptions } from '../export/index.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { getProcurement } from '../db/repositories/ledger-repo.ts';
import { getDepartment, listUnits } from '../db/repositories/organization-repo.ts';
import { getProfile } from '../db/repositories/profile-repo.ts';
import { listProjectIndicatorsWithProject } from '../db/repositories/project-indicator-repo.ts';
import * as reports from '../db/repositories/report-repo.ts';
import { getWorkTree } from '../db/repositories/work-repo.ts';
import type { Db } from '../db/open.ts';
import { explainedFindingsForExport, runChecks } from './checks-service.ts';
import { getExecutionOverview, getRevenueExpenditureText } from './execution-service.ts';
import { finalizeCheck, getScoreSheet, getSelfEvalSummary } from './scoring-service.ts';
import { outlineDocOf } from './outline-service.ts';
import { projectEvalRules, projectEvalYear } from './project-eval-service.ts';
import { buildProjectEvalGrid } from '../../shared/project-eval/table-grid.ts';
import { inTransaction } from './transaction.ts';
import { requireWritableYear, requireYear } from './year-guard.ts';

function generatedText(db: Db, yearId: number, key: GeneratedSectionKey): string {
  if (key === 'budget_paragraph') return getRevenueExpenditureText(db, { yearId }).text;
  return getSelfEvalSummary(db, { yearId }).text;
}

/** The 报告 page's editable sections: stored text, or for generated ones the live text until edited. */
export function listReportSections(db: Db, yearId: number): ReportSection[] {
  requireYear(db, yearId);
  const stored = new Map(reports.listSections(db, yearId).map((s) => [s.key, s]));
  const titles = editableSectionTitles(outlineDocOf(db, yearId));
  return EDITABLE_SECTIONS.map((s) => {
    const row = stored.get(s.key) ?? null;
    const generated = s.generated ? generatedText(db, yearId, s.key as GeneratedSectionKey) : null;
    return {
      key: s.key,
      title: titles.get(s.key) ?? s.title,
      body: row?.body ?? generated ?? '',
      followsData: s.generated && row === null,
      generatedText: generated,
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

export function saveReportSection(db: Db, input: { yearId: number; key: SectionKey; body: string }): ReportSection[] {
  inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    const before = reports.getSection(db, input.yearId, input.key);
    reports.upsertSection(db, input.yearId, input.key, input.body);
    writeAudit(db, {
      action: before ? 'update' : 'create',
      entity: 'report_section',
      entityId: `${input.yearId}:${input.key}`,
      yearId: input.yearId,
      before: before ? { body: before.body } : null,
      after: { body: input.body },
    });
  });
  return listReportSections(db, input.yearId);
}

/** Drops the user's text of a generated section so it follows the data again. */
export function resetReportSection(db: Db, input: { yearId: number; key: SectionKey }): ReportSection[] {
  inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    const before = reports.getSection(db, input.yearId, input.key);
    if (!before) return;
    reports.deleteSection(db, input.yearId, input.key);
    writeAudit(db, {
      action: 'delete',
      entity: 'report_section',
      entityId: `${input.yearId}:${input.key}`,
      yearId: input.yearId,
      before: { body: before.body },
      after: null,
    });
  });
  return listReportSections(db, input.yearId);
}

/** Each work area's 主要工作情况及成效 as saved, beside the text its key tasks give (in the office's self-reference). */
export function workResultsDrafts(db: Db, yearId: number): WorkResultsDraft[] {
  requireYear(db, yearId);
  const selfName = selfNameOf(getDepartment(db));
  return getWorkTree(db, yearId).map((a) => ({
    areaId: a.id,
    title: a.title,
    summary: a.summary,
    generated: workResultsText(
      {
        title: a.title,
        tasks: a.tasks.map((t) => ({
          title: t.title,
          status: t.status,
          measures: t.measures.map((m) => ({ key: m.key, name: m.name, unit: m.unit, target: m.targetValue, actual: m.actualValue, direction: m.direction })),
        })),
      },
      selfName,
    ),
  }));
}

/** The signature block; until saved, it is filled from the 本级 unit's people. */
export function getSignatureBlock(db: Db, yearId: number): Signature {
  requireYear(db, yearId);
  const stored = reports.getSignature(db, yearId);
  const dept = getDepartment(db);
  const primary = dept ? listUnits(db, dept.id).find((u) => u.isPrimary) : undefined;
  return {
    yearId,
    unitHead: stored?.unitHead ?? primary?.headName ?? '',
    financeHead: stored?.financeHead ?? primary?.financeHeadName ?? '',
    preparer: stored?.preparer ?? primary?.preparerName ?? '',
    phone: stored?.phone ?? primary?.phone ?? '',
    sealingUnit: stored?.sealingUnit ?? dept?.name ?? '',
    reportDate: stored?.reportDate ?? null,
    printNames: stored?.printNames ?? false,
  };
}

export function saveSignatureBlock(db: Db, input: Signature): Signature {
  inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    const before = reports.getSignature(db, input.yearId);
    const { yearId, ...block } = input;
    reports.upsertSignature(db, yearId, block);
    writeAudit(db, { action: before ? 'update' : 'create', entity: 'signature_block', entityId: yearId, yearId, before, after: block });
  });
  return getSignatureBlock(db, input.yearId);
}

/** Score sheet rows (flat, parent ids) as the report's tree; a block not self-scored prints no score. */
function scoreTree(rows: ScoreRow[]): ScoreNode[] {
  const byParent = new Map<number | null, ScoreRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const build = (r: ScoreRow): ScoreNode => {
    const score = r.selfScored ? r.scoreCenti : null;
    return {
      code: r.code,
      name: r.name,
      maxCenti: r.weightCenti,
      scoreCenti: score,
      deductionCenti: score === null ? 0 : r.weightCenti - score,
      reason: r.reason,
      basis: r.input.basis,
      target: r.targetText,
      actual: r.actualText,
      pending: r.selfScored && !r.complete,
      core: r.core,
      children: (byParent.get(r.indicatorId) ?? []).map(build),
    };
  };
  return (byParent.get(null) ?? []).map(build);
}

/** Everything the report prints, computed from the data file. */
function projectIndicatorRows(db: Db, yearId: number): NonNullable<ReportInput['projectIndicators']> {
  const { rules } = projectEvalRules(db, yearId);
  return listProjectIndicatorsWithProject(db, yearId).map((i) => ({
    project: i.projectName,
    projectUnit: i.unitName,
    kind: i.kind,
    name: i.name,
    direction: i.direction,
    unit: i.unit,
    target: i.targetValue,
    actual: i.actualValue,
    nature: i.nature,
    grade: i.grade,
    gradeLabel: i.grade === null ? '' : (rules.qualitative.find((g) => g.grade === i.grade)?.label ?? ''),
    targetText: i.targetText,
  }));
}

/** Every project's 项目支出绩效自评表, laid out as the 项目自评 exports lay it out. */
function projectEvalAnnexes(db: Db, yearId: number): NonNullable<ReportInput['projectEvalAnnexes']> {
  const y = projectEvalYear(db, yearId);
  return y.projects.map((p) => ({ project: p.name, grid: buildProjectEvalGrid(p, y.rules, y.year) }));
}

export function buildReportInput(db: Db, yearId: number): ReportInput {
  const year = requireYear(db, yearId);
  const dept = getDepartment(db);
  if (!dept) throw new AppError('VALIDATION', '请先填写部门名称。');
  const units = listUnits(db, dept.id);
  const profile = getProfile(db, yearId);
  const overview = getExecutionOverview(db, { yearId });
  const t = overview.totals;
  const proc = getProcurement(db, yearId);
  const sheet = getScoreSheet(db, { yearId });
  const sections = new Map(listReportSections(db, yearId).map((s) => [s.key, s.body]));
  const groups = scoreTree(sheet.rows);
  const narratives: ReportInput['narratives'] = {};
  for (const key of NARRATIVE_KEYS) narratives[key] = sections.get(key) ?? '';
  const signature = getSignatureBlock(db, yearId);
  const outline = outlineDocOf(db, yearId);
  const amounts = (r: { initialFen: number; finalFen: number; actualFen: number }) => ({
    initialFen: r.initialFen,
    finalFen: r.finalFen,
    actualFen: r.actualFen,
  });
  const input: ReportInput = {
    departmentName: dept.name,
    unitName: dept.name,
    selfName: selfNameOf(dept),
    year: year.year,
    profile: {
      duties: profile.duties,
      adminUnitCount: units.filter((u) => u.kind === 'admin').length,
      institutionUnitCount: units.filter((u) => u.kind === 'institution').length,
      internalOffices: profile.internalOffices,
    },
    overallGoal: profile.overallGoal,
    workAreas: getWorkTree(db, yearId).map((a) => ({
      title: a.title,
      summary: a.summary,
      tasks: a.tasks.map((task) => ({
        title: task.title,
        description: task.description,
        status: task.status,
        measures: task.measures.map((m) => ({ key: m.key, name: m.name, unit: m.unit, target: m.targetValue, actual: m.actualValue })),
      })),
    })),
    narratives,
    budget: {
      initialFen: t.total.initialFen,
      adjustmentFen: t.total.adjustmentFen,
      finalFen: t.total.finalFen,
      actualFen: t.total.actualFen,
      personnelFen: t.personnel.actualFen,
      publicFen: t.public.actualFen,
      projectFen: t.project.actualFen,
      unclassifiedFen: t.unclassified.actualFen,
      byFundingSource: overview.byFundingSource
        .filter((r) => r.key in FUNDING_SOURCE_LABELS)
        .map((r) => ({ ...amounts(r), label: r.label, source: r.key as keyof typeof FUNDING_SOURCE_LABELS })),
      byCategory: overview.byCategory
        .filter((r) => r.key in LEDGER_CATEGORY_LABELS)
        .map((r) => ({ ...amounts(r), label: r.label, category: r.key as LedgerCategory })),
      byProject: overview.byProject.map((r) => ({ ...amounts(r), label: r.label, code: r.code ?? '' })),
      executionRate: t.total.executionRate,
      adjustmentRate: overview.adjustment.rate,
      procurement: proc.plannedFen > 0 || proc.actualFen > 0 ? { plannedFen: proc.plannedFen, actualFen: proc.actualFen, rate: ratio(proc.actualFen, proc.plannedFen) } : null,
    },
    budgetParagraph: sections.get('budget_paragraph') ?? '',
    scoreSheet: {
      totalMaxCenti: groups.reduce((s, g) => s + g.maxCenti, 0),
      totalScoreCenti: groups.reduce((s, g) => s + (g.scoreCenti ?? 0), 0),
      groups,
      columns: sheet.scoreColumns,
    },
    evaluationSummary: sections.get('evaluation_summary') ?? '',
    checkExplanations: explainedFindingsForExport(db, { yearId }).map((f) => ({
      checkId: f.checkId,
      checkTitle: f.title,
      subject: f.message.slice(0, 500),
      explanation: f.explanation,
    })),
    projectIndicators: projectIndicatorRows(db, yearId),
    ...(outline.annexes.includes('project_eval_tables') ? { projectEvalAnnexes: projectEvalAnnexes(db, yearId) } : {}),
    outline,
    signature: {
      unitHead: signature.unitHead,
      financeHead: signature.financeHead,
      preparer: signature.preparer,
      phone: signature.phone,
      sealingUnit: signature.sealingUnit,
      reportDate: signature.reportDate,
      printNames: signature.printNames,
    },
  };
  const parsed = reportInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', `报告数据不一致：${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

interface FinalizeBlockers {
  /** What stops finalizing, in the user's words (empty when nothing does). */
  messages: string[];
  /** Each open 强制 finding, so a refusal names what to correct. */
  mandatory: AppErrorDetail[];
}

function finalizeBlockers(db: Db, yearId: number, input: ReportInput): FinalizeBlockers {
  const out: string[] = [];
  const score = finalizeCheck(db, { yearId });
  if (!score.ok) out.push(`绩效评分：${score.message}`);
  const checks = runChecks(db, { yearId });
  // Unwritten sections are 强制 findings too; they are named below, not counted here a second time.
  const otherMandatory = checks.findings.filter((f) => f.severity === 'mandatory' && f.checkId !== 'report.unwritten').length;
  if (otherMandatory > 0) out.push(`审核：有 ${otherMandatory} 项强制审核错误未解决`);
  if (checks.summary.advisoryUnexplained > 0) out.push(`审核：有 ${checks.summary.advisoryUnexplained} 项提示未填写出错说明`);
  const model = buildReportModel(input);
  if (model.issues.length > 0) out.push(`报告正文中有 ${model.issues.length} 个无法识别的引用（如 {{${model.issues[0]!.key}}}）`);
  const findings = checkNarrativeConsistency(input);
  if (findings.length > 0) out.push(`报告正文中有 ${findings.length} 处数字与数据不一致`);
  const blank = unwrittenSections(input);
  if (blank.length > 0) out.push(`报告正文尚未填写：${blank.join('；')}`);
  const mandatory = checks.findings
    .filter((f) => f.severity === 'mandatory')
    .map((f) => ({ path: `checks.${f.checkId}`, message: `［强制］${f.title}：${f.message}` }));
  return { messages: out, mandatory };
}

export function reportPreview(db: Db, yearId: number): ReportPreview {
  const input = buildReportInput(db, yearId);
  const model = buildReportModel(input);
  return {
    title: model.title,
    placeholders: placeholderCatalogue(input),
    unknownPlaceholders: model.issues,
    findings: checkNarrativeConsistency(input),
    blockers: finalizeBlockers(db, yearId, input).messages,
  };
}

const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

function* expenseRows(db: Db, yearId: number): Generator<ExpenseDetailRow> {
  const rows = reports.expenseDetailRows(db, yearId);
  for (const r of rows) {
    yield {
      date: r.txn_date,
      voucherNo: r.voucher_no,
      unitName: r.unit_name,
      summary: r.summary,
      counterparty: r.counterparty,
      fundingSource: FUNDING_SOURCE_LABELS[r.funding_source],
      category: LEDGER_CATEGORY_LABELS[r.category],
      projectName: r.project_name,
      econCode: r.econ_code,
      amountFen: r.amount_fen,
    };
  }
}

type ReportFormat = keyof typeof MIME;
const FORMATS = Object.keys(MIME) as ReportFormat[];

async function renderReportBytes(db: Db, yearId: number, format: ReportFormat, opts: XlsxExportOptions): Promise<Buffer> {
  const input = buildReportInput(db, yearId);
  if (format === 'pdf') return renderReportPdf(input, opts);
  if (format === 'xlsx') return renderReportXlsx(input, expenseRows(db, yearId), opts);
  return renderReportDocx(input, opts);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function fileOf(db: Db, year: number, format: ReportFormat, bytes: Buffer, final: boolean): RenderedFile {
  return {
    fileName: reportFileName({ departmentName: getDepartment(db)?.name ?? '', year, final, format }),
    mimeType: MIME[format],
    base64: bytes.toString('base64'),
    sha256: sha256(bytes),
  };
}

/** The originals stored when the year was last finalized, newest per format. */
function validSnapshots(db: Db, yearId: number): reports.SnapshotInfo[] {
  const latest = new Map<ReportFormat, reports.SnapshotInfo>();
  for (const s of reports.listSnapshots(db, yearId)) if (s.reopenedAt === null && !latest.has(s.format)) latest.set(s.format, s);
  return FORMATS.flatMap((f) => latest.get(f) ?? []);
}

/** A stored original as a file, refused when its bytes no longer match the hash stored with them. */
function snapshotAsFile(db: Db, year: number, info: reports.SnapshotInfo): OriginalFile {
  const bytes = reports.snapshotBytes(db, info.id);
  if (!bytes) throw new AppError('NOT_FOUND', '找不到该定稿文件。');
  const file = fileOf(db, year, info.format, bytes, true);
  if (file.sha256 !== info.sha256) {
    throw new AppError('DB_CORRUPT', `${year} 年度定稿原件（${info.format}）已损坏：内容与定稿时记录的 SHA-256 不一致。请从备份恢复数据文件。`);
  }
  return { ...file, format: info.format };
}

/**
 * 打印 and 导出: a draft year is rendered from the data with every page marked 草稿; a finalized
 * year hands out the original stored when it was finalized, byte for byte. (A year finalized before
 * Excel and Word were stored gets those rendered from its locked data, unmarked.)
 */
export async function renderReport(db: Db, input: ReportRenderInput): Promise<RenderedFile> {
  const year = requireYear(db, input.yearId);
  const final = year.status === 'final';
  const separate = input.format === 'xlsx' && input.detail === 'separate';
  if (final) {
    if (separate) throw new AppError('VALIDATION', SEPARATE_FINAL);
    const original = validSnapshots(db, input.yearId).find((s) => s.format === input.format);
    if (original) return snapshotAsFile(db, year.year, original);
  }
  const opts: XlsxExportOptions = { draft: !final, detail: separate ? 'separate' : 'included' };
  return fileOf(db, year.year, input.format, await renderReportBytes(db, input.yearId, input.format, opts), final);
}

const SEPARATE_FINAL = '已定稿年度导出的是定稿时保存的 Excel 原件（含支出明细），不能去掉支出明细；如需单独的支出明细工作簿，请另行导出支出明细。';

/** 支出明细 as a workbook of its own, rendered from the year's data (also for a finalized year: it is the ledger, not the signed report). */
export async function renderExpenseDetail(db: Db, yearId: number): Promise<RenderedFile> {
  const year = requireYear(db, yearId);
  const bytes = await renderDetailXlsx(buildReportInput(db, yearId), expenseRows(db, yearId), { draft: year.status !== 'final' });
  const base = fileOf(db, year.year, 'xlsx', bytes, year.status === 'final');
  return { ...base, fileName: detailFileName(base.fileName) };
}

/** "某部门2021年度支出明细（草稿）.xlsx", beside the report's "…年度部门整体支出绩效自评报告（草稿）.xlsx". */
const detailFileName = (reportName: string) => reportName.replace('部门整体支出绩效自评报告', '支出明细');

/**
 * Streams `write` into `file` through a temp name and a rename (an interrupted export never
 * leaves half a file under the real name), hashing on the way; nothing is held whole in memory.
 */
async function writeFileAtomically(file: string, write: (out: Writable) => Promise<void>): Promise<{ bytes: number; sha256: string }> {
  const tmp = `${file}.tmp`;
  const hash = createHash('sha256');
  let bytes = 0;
  const tee = new PassThrough();
  tee.on('data', (c: Buffer) => {
    hash.update(c);
    bytes += c.length;
  });
  const sink = createWriteStream(tmp);
  const done = pipeline(tee, sink);
  try {
    await write(tee);
    await done;
  } catch (err) {
    tee.destroy();
    await done.catch(() => undefined);
    rmSync(tmp, { force: true });
    throw err;
  }
  renameSync(tmp, file);
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * The command line's export, written straight to files: an Excel year of any size streams from
 * the database into the file (and 支出明细 into a workbook of its own with detailOut). A
 * finalized year writes its stored original.
 */
export async function exportReportToFile(db: Db, input: ReportToFileInput): Promise<ReportToFileResult> {
  const year = requireYear(db, input.yearId);
  const final = year.status === 'final';
  if (input.detailOut !== undefined && input.format !== 'xlsx') throw new AppError('VALIDATION', '只有 Excel 报告可以把支出明细另存为单独的工作簿（--detail-out 需与 --format xlsx 同用）。');
  if (final && input.detailOut !== undefined) throw new AppError('VALIDATION', SEPARATE_FINAL);
  const fileName = reportFileName({ departmentName: getDepartment(db)?.name ?? '', year: year.year, final, format: input.format });
  const original = final ? validSnapshots(db, input.yearId).find((s) => s.format === input.format) : undefined;
  let written: { bytes: number; sha256: string };
  if (original) {
    const file = snapshotAsFile(db, year.year, original);
    written = await writeFileAtomically(input.out, async (out) => {
      out.end(Buffer.from(file.base64, 'base64'));
    });
  } else if (input.format === 'xlsx') {
    const report = buildReportInput(db, input.yearId);
    const opts: XlsxExportOptions = { draft: !final, detail: input.detailOut === undefined ? 'included' : 'separate' };
    written = await writeFileAtomically(input.out, (out) => writeReportXlsx(out, report, expenseRows(db, input.yearId), opts));
    if (input.detailOut !== undefined) {
      const detailOut = input.detailOut;
      const detail = await writeFileAtomically(detailOut, (out) => writeDetailXlsx(out, report, expenseRows(db, input.yearId), opts));
      return { report: { file: input.out, fileName, ...written }, detail: { file: detailOut, fileName: detailFileName(fileName), ...detail } };
    }
  } else {
    const bytes = await renderReportBytes(db, input.yearId, input.format, { draft: !final });
    written = await writeFileAtomically(input.out, async (out) => {
      out.end(bytes);
    });
  }
  return { report: { file: input.out, fileName, ...written }, detail: null };
}

/**
 * Marks the year final: refuses while anything blocks it (naming each open 强制 finding), stores
 * the exact PDF, Excel and Word bytes with their hashes (so the signed copy can always be handed
 * out again), and locks the year's figures.
 */
export async function finalizeYear(db: Db, yearId: number, beforeWrite?: () => unknown): Promise<FinalizeResult> {
  const year = requireWritableYear(db, yearId);
  const input = buildReportInput(db, yearId);
  const blockers = finalizeBlockers(db, yearId, input);
  if (blockers.messages.length > 0) {
    throw new AppError('VALIDATION', `还不能定稿：${blockers.messages.join('；')}。`, [
      ...blockers.messages.map((message) => ({ message })),
      ...blockers.mandatory,
    ]);
  }
  const rendered: { format: ReportFormat; bytes: Buffer }[] = [];
  for (const format of FORMATS) rendered.push({ format, bytes: await renderReportBytes(db, yearId, format, { draft: false }) });
  await beforeWrite?.();
  const files = inTransaction(db, () => {
    requireWritableYear(db, yearId);
    const stored = rendered.map(({ format, bytes }) => {
      const hash = sha256(bytes);
      return { id: reports.insertSnapshot(db, yearId, format, hash, bytes), format, sha256: hash, bytes: bytes.length };
    });
    reports.setYearStatus(db, yearId, 'final');
    writeAudit(db, {
      action: 'finalize',
      entity: 'fiscal_year',
      entityId: yearId,
      yearId,
      after: { snapshots: stored.map(({ id, format, sha256: hash }) => ({ snapshotId: id, format, sha256: hash })) },
    });
    return stored;
  });
  return {
    files: files.map(({ format, sha256: hash, bytes }) => ({
      format,
      fileName: reportFileName({ departmentName: getDepartment(db)?.name ?? '', year: year.year, final: true, format }),
      sha256: hash,
      bytes,
    })),
  };
}

export function reopenYear(db: Db, input: { yearId: number; reason: string }): { reopened: true } {
  return inTransaction(db, () => {
    const year = requireYear(db, input.yearId);
    if (year.status !== 'final') throw new AppError('VALIDATION', `${year.year} 年度尚未定稿，无需重新打开。`);
    reports.markSnapshotsReopened(db, input.yearId, input.reason);
    reports.setYearStatus(db, input.yearId, 'draft');
    writeAudit(db, { action: 'reopen', entity: 'fiscal_year', entityId: input.yearId, yearId: input.yearId, after: { reason: input.reason } });
    return { reopened: true as const };
  });
}

export function listReportSnapshots(db: Db, yearId: number): reports.SnapshotInfo[] {
  requireYear(db, yearId);
  return reports.listSnapshots(db, yearId);
}

/** The stored bytes of a finalized report, exactly as signed (also after the year was reopened). */
export function snapshotFile(db: Db, input: { yearId: number; snapshotId: number }): RenderedFile {
  const year = requireYear(db, input.yearId);
  const info = reports.listSnapshots(db, input.yearId).find((s) => s.id === input.snapshotId);
  if (!info) throw new AppError('NOT_FOUND', '找不到该定稿文件。');
  return snapshotAsFile(db, year.year, info);
}

/** A finalized year's originals, one per format. */
export function currentOriginals(db: Db, yearId: number): OriginalFile[] {
  const year = requireYear(db, yearId);
  if (year.status !== 'final') throw new AppError('NOT_FOUND', `${year.year} 年度尚未定稿，没有定稿原件。`);
  return validSnapshots(db, yearId).map((s) => snapshotAsFile(db, year.year, s));
}
