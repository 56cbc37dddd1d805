// The parse half of an import, run inside the worker: read → find header and unit → choose the
// mapping → classify and normalise every row, streaming normalised rows to the main thread in
// batches. Preview and commit run exactly this code on the same bytes, so what the preview
// showed is what gets committed.

import { createHash, hash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AmountScale } from '../../shared/import/amount-scale.ts';
import { mappingProblems } from '../../shared/import/auto-mapping.ts';
import { type BookSide, type DebitMeans, applyBookSide, describeBookSide, detectBookSide } from '../../shared/import/book-side.ts';
import { isBlankRow, type RawRow, columnLetter } from '../../shared/import/cell.ts';
import { type ProfileCandidate, chooseMapping } from '../../shared/import/choose-mapping.ts';
import { classifyLayoutRow } from '../../shared/import/classify-layout-row.ts';
import { CodeNameLearner, type LearnedCodeName } from '../../shared/import/code-name-learner.ts';
import { detectAmountScale } from '../../shared/import/detect-amount-scale.ts';
import { HEADER_SCAN_ROWS, type HeaderLayout, detectHeader, headerCellText, headerSignature } from '../../shared/import/detect-header.ts';
import { AMOUNT_FIELDS, type ColumnMapping, type ImportField, type ImportTarget } from '../../shared/import/fields.ts';
import { FILE_FORMAT_LABELS, type TextEncodingChoice } from '../../shared/import/file-formats.ts';
import { type BudgetRowContext, normalizeBudgetRow } from '../../shared/import/normalize-budget-row.ts';
import { type LedgerRowContext, normalizeLedgerRow } from '../../shared/import/normalize-ledger-row.ts';
import { RowTally } from '../../shared/import/row-tally.ts';
import type {
  BadCell,
  BookSideInfo,
  BudgetRow,
  ColumnInfo,
  FileInfo,
  LedgerRow,
  SheetSummary,
  SkippedRow,
  TotalCheck,
  YearSourceInfo,
} from '../../shared/import/schemas.ts';
import { type YearSource, describeYearSource, resolveYearSource, yearInHeaderCell, yearInTitleLines, yearMismatchProblem } from '../../shared/import/stated-year.ts';
import { TotalChecker } from '../../shared/import/total-checker.ts';
import { importError, toImportError } from './import-error.ts';
import type { ImportLimits } from './limits.ts';
import { openWorkbook } from './open-workbook.ts';
import type { SheetMeta, WorkbookSource } from './workbook-source.ts';

export interface ParseRequest {
  filePath: string;
  target: ImportTarget;
  /** The fiscal year imported into (e.g. 2021). */
  year: number;
  sheet?: string;
  allSheets?: boolean;
  headerRow?: number;
  headerRows?: 1 | 2;
  amountScale?: AmountScale;
  encoding?: TextEncodingChoice;
  /** What 借 means; default: read from the file's title (book-side.ts). */
  debitMeans?: DebitMeans;
  mapping?: ColumnMapping;
  profileId?: number;
  autoProfile: boolean;
  profiles: ProfileCandidate[];
  limits: ImportLimits;
  batchSize: number;
}

export interface ParseLayout {
  sheets: SheetSummary[];
  headerRow: number;
  headerRows: 1 | 2;
  amountScale: AmountScale;
  amountScaleEvidence: string | null;
  columns: ColumnInfo[];
  mapping: ColumnMapping;
  mappingSource: 'option' | 'profile' | 'auto';
  profile: { id: number; name: string } | null;
  headerSignature: string;
  /** When not empty, no row is read: the mapping must be fixed first. */
  mappingProblems: string[];
  /** Ledger imports: where the rows' year comes from, and what 借/贷 mean. */
  yearSource: YearSourceInfo | null;
  bookSide: BookSideInfo | null;
  warnings: string[];
}

export interface ParseSummary {
  sheets: SheetSummary[];
  rowsRead: number;
  rowsNormalized: number;
  rowsRejected: number;
  rowsSkippedLayout: number;
  badCells: BadCell[];
  badCellCount: number;
  skippedRows: SkippedRow[];
  checks: TotalCheck[];
  warnings: string[];
  /** Ledger imports: names the classification cells give their codes ("30201 办公费"). */
  codeNames: LearnedCodeName[];
}

export interface ParseSink {
  file(info: FileInfo): void | Promise<void>;
  layout(layout: ParseLayout): void | Promise<void>;
  rows(rows: LedgerRow[] | BudgetRow[], progress: { rows: number; percent: number }): Promise<void>;
}

interface SheetPlan {
  meta: SheetMeta;
  header: HeaderLayout;
  probe: RawRow[];
}

function fingerprintHash(key: string): string {
  return hash('sha1', key, 'base64url');
}

async function readInput(filePath: string, limits: ImportLimits): Promise<Buffer> {
  const name = basename(filePath);
  const info = await stat(filePath);
  if (info.isDirectory()) throw importError(`“${name}”是文件夹，不是电子表格文件。`);
  if (info.size > limits.maxFileBytes) {
    throw importError(
      `文件“${name}”有 ${Math.round(info.size / 1048576)} MB，超过导入上限 ${Math.round(limits.maxFileBytes / 1048576)} MB。请按月或按账户拆分后分别导入。`,
    );
  }
  return readFile(filePath);
}

async function probeSheet(source: WorkbookSource, meta: SheetMeta, req: ParseRequest): Promise<SheetPlan | null> {
  const probe: RawRow[] = [];
  for await (const batch of source.rows(meta.index)) {
    probe.push(...batch.slice(0, HEADER_SCAN_ROWS + 2 - probe.length));
    if (probe.length >= HEADER_SCAN_ROWS + 2) break;
  }
  const known = req.mapping
    ? []
    : req.profiles
        .filter((p) => (req.profileId !== undefined ? p.id === req.profileId : req.autoProfile))
        .map((p) => Object.values(p.columns).filter((n): n is string => typeof n === 'string'));
  const header = detectHeader(probe, req.target, { headerRow: req.headerRow, headerRows: req.headerRows, knownHeaders: known });
  return header ? { meta, header, probe } : null;
}

function amountHeaderNames(header: HeaderLayout, target: ImportTarget): string[] {
  const amountFields = new Set<ImportField>(AMOUNT_FIELDS[target]);
  return header.columns.filter((c) => c.match && amountFields.has(c.match.field)).map((c) => c.name);
}

export async function runParse(req: ParseRequest, sink: ParseSink): Promise<ParseSummary> {
  const fileName = basename(req.filePath);
  try {
    return await parse(req, sink, fileName);
  } catch (err) {
    throw toImportError(err, fileName);
  }
}

async function parse(req: ParseRequest, sink: ParseSink, fileName: string): Promise<ParseSummary> {
  const limits = req.limits;
  // Not held past opening: an .xls reader keeps its own copy of the workbook stream, and the
  // file's bytes would otherwise stay in memory for the whole parse.
  let buffer: Buffer | null = await readInput(req.filePath, limits);
  const size = buffer.length;
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  const source = await openWorkbook(buffer, fileName, req.encoding ?? 'auto', limits);
  buffer = null;
  await sink.file({
    name: fileName,
    size,
    sha256,
    format: source.format,
    formatLabel: FILE_FORMAT_LABELS[source.format],
    encoding: source.text?.encoding ?? null,
    encodingSource: source.text?.source ?? null,
    delimiter: source.text?.delimiter ?? null,
  });

  const summaries: SheetSummary[] = source.sheets.map((s) => ({
    index: s.index,
    name: s.name,
    hidden: s.hidden,
    selected: false,
    headerRow: null,
    signature: null,
    note: '',
  }));

  // The reference sheet: the one named, else the first visible sheet with a recognisable header.
  // A hidden sheet (often old or working data) is never chosen on its own while a visible sheet
  // exists: when only a hidden one has a header, the preview shows it but nothing is imported
  // until the user names it.
  let candidates: SheetMeta[];
  if (req.sheet !== undefined) {
    const named = source.sheets.find((s) => s.name === req.sheet);
    if (!named) {
      throw importError(`文件“${fileName}”中没有名为“${req.sheet}”的工作表（现有：${source.sheets.map((s) => s.name).join('、')}）。`);
    }
    candidates = [named];
  } else {
    const visible = source.sheets.filter((s) => !s.hidden);
    candidates = [...visible, ...source.sheets.filter((s) => s.hidden)];
  }
  let reference: SheetPlan | null = null;
  for (const meta of candidates) {
    reference = await probeSheet(source, meta, req);
    const summary = summaries[meta.index];
    if (reference) break;
    if (summary) summary.note = '没有找到表头';
  }
  if (!reference) {
    const where = req.sheet !== undefined ? `工作表“${req.sheet}”` : `文件“${fileName}”的任何工作表`;
    const at = req.headerRow !== undefined ? `第 ${req.headerRow} 行` : `前 ${HEADER_SCAN_ROWS} 行`;
    throw importError(
      `在${where}${at}中没有找到可识别的表头（如“日期”“摘要”“借方金额”“贷方金额”${req.target === 'budget' ? '“年初预算”“指标金额”' : ''}）。请确认选择了正确的文件和导入类型，或手动指定表头所在行。`,
      [{ message: '没有找到表头', sheet: req.sheet ?? '' }],
    );
  }
  const hiddenFallback = req.sheet === undefined && reference.meta.hidden && source.sheets.some((s) => !s.hidden);

  const header = reference.header;
  const signature = headerSignature(header.columns);
  const choice = chooseMapping(header.columns, req.target, signature, {
    mapping: req.mapping,
    profileId: req.profileId,
    autoProfile: req.autoProfile,
    profiles: req.profiles,
  });
  const preamble = reference.probe.filter((r) => r.row < header.row).flatMap((r) => r.cells.map(headerCellText));
  const ledgerFacts = req.target === 'ledger' ? readLedgerFacts(req, header, preamble, reference.meta.name) : null;
  if (ledgerFacts && choice.source === 'auto') choice.mapping = applyBookSide(choice.mapping, header.columns, ledgerFacts.bookSide);
  const detected = detectAmountScale(preamble, amountHeaderNames(header, req.target));
  const scale = req.amountScale ?? detected.scale;
  const columns: ColumnInfo[] = header.columns.map((c) => ({ index: c.index, letter: columnLetter(c.index), name: c.name, field: null }));
  for (const [field, index] of Object.entries(choice.mapping) as [ImportField, number][]) {
    const col = columns.find((c) => c.index === index);
    if (col) col.field = field;
  }
  const problems = mappingProblems(choice.mapping, req.target, Math.max(columns.length, 1));
  if (hiddenFallback) {
    problems.unshift(
      `可见的工作表中没有找到表头，只有隐藏工作表“${reference.meta.name}”中有。隐藏工作表常是旧数据或草稿，不会自动导入；确认要导入它，请在“工作表”中选择“${reference.meta.name}”`,
    );
  }
  const yearProblem = ledgerFacts ? yearMismatchProblem(ledgerFacts.yearSource, req.year) : null;
  if (yearProblem) problems.push(yearProblem);
  const warnings = [...choice.warnings];
  const refSummary = summaries[reference.meta.index];
  if (refSummary) {
    refSummary.selected = problems.length === 0;
    refSummary.headerRow = header.row;
    refSummary.signature = signature;
  }
  await sink.layout({
    sheets: summaries,
    headerRow: header.row,
    headerRows: header.rows,
    amountScale: scale,
    amountScaleEvidence: req.amountScale === undefined ? detected.evidence : null,
    columns,
    mapping: choice.mapping,
    mappingSource: choice.source,
    profile: choice.profile,
    headerSignature: signature,
    mappingProblems: problems,
    yearSource: ledgerFacts ? { ...ledgerFacts.yearSource, text: describeYearSource(ledgerFacts.yearSource) } : null,
    bookSide: ledgerFacts ? { ...ledgerFacts.bookSide, text: describeBookSide(ledgerFacts.bookSide) } : null,
    warnings,
  });

  const tally = new RowTally();
  const checks: TotalCheck[] = [];
  const learner = new CodeNameLearner();
  if (problems.length === 0) {
    const batcher = new RowBatcher(sink, req.batchSize);
    const share = req.allSheets ? 1 / source.sheets.length : 1;
    const facts = ledgerFacts ?? { yearSource: null, bookSide: null };
    const streamer = new SheetStreamer(req, batcher, source, tally, choice.mapping, scale, header, share, facts, learner);
    await streamer.stream(reference);
    checks.push(...streamer.checks);
    if (req.allSheets) {
      for (const meta of source.sheets) {
        if (meta.index === reference.meta.index) continue;
        const summary = summaries[meta.index];
        const plan = await probeSheet(source, meta, { ...req, headerRow: undefined, headerRows: header.rows });
        if (!plan) {
          if (summary) summary.note = '没有找到表头，未导入';
          continue;
        }
        const sig = headerSignature(plan.header.columns);
        if (summary) {
          summary.headerRow = plan.header.row;
          summary.signature = sig;
        }
        if (sig !== signature) {
          if (summary) summary.note = '表头与所选工作表不同，未导入';
          continue;
        }
        if (summary) summary.selected = true;
        const other = new SheetStreamer(req, batcher, source, tally, choice.mapping, scale, plan.header, share, facts, learner);
        await other.stream(plan);
        checks.push(...other.checks);
      }
    }
    await batcher.flush(100);
  }
  for (const s of summaries) {
    if (!s.selected && s.note === '' && s.index !== reference.meta.index) s.note = '未选择';
    if (s.selected && s.hidden) warnings.push(`工作表“${s.name}”在原文件中是隐藏的，其中的数据也会导入。请确认它不是旧数据或重复数据。`);
  }
  warnings.push(...source.warnings);
  return {
    sheets: summaries,
    rowsRead: tally.rowsRead,
    rowsNormalized: tally.rowsNormalized,
    rowsRejected: tally.rowsRejected,
    rowsSkippedLayout: tally.rowsSkippedLayout,
    badCells: tally.badCells,
    badCellCount: tally.badCellCount,
    skippedRows: tally.skippedRows,
    checks,
    warnings,
    codeNames: learner.list(),
  };
}

interface LedgerFacts {
  yearSource: YearSource;
  bookSide: BookSide;
}

/** The year a ledger file states, and whether it is a cash book (借 = money in). */
function readLedgerFacts(req: ParseRequest, header: HeaderLayout, preamble: readonly string[], sheetName: string): LedgerFacts {
  const headerCell = header.yearHint === null ? undefined : header.columns.find((c) => yearInHeaderCell(c.parent) === header.yearHint);
  const headerYear = header.yearHint !== null && headerCell ? { year: header.yearHint, text: headerCell.parent } : null;
  const yearSource = resolveYearSource(headerYear, yearInTitleLines(preamble), req.year);
  const bookSide: BookSide = req.debitMeans
    ? { debitMeans: req.debitMeans, evidence: null, chosen: true }
    : detectBookSide([...preamble, sheetName]);
  return { yearSource, bookSide };
}

/** Collects normalised rows and hands them to the sink in batches (the sink's promise is the backpressure). */
class RowBatcher {
  private rows: (LedgerRow | BudgetRow)[] = [];
  private sent = 0;

  constructor(
    private readonly sink: ParseSink,
    private readonly size: number,
  ) {}

  /** Adds a row; true when the batch is full and should be flushed. */
  add(row: LedgerRow | BudgetRow): boolean {
    this.rows.push(row);
    return this.rows.length >= this.size;
  }

  async flush(percent: number): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.sent += rows.length;
    await this.sink.rows(rows as LedgerRow[] | BudgetRow[], { rows: this.sent, percent });
  }
}

class SheetStreamer {
  readonly checks: TotalCheck[] = [];

  constructor(
    private readonly req: ParseRequest,
    private readonly batcher: RowBatcher,
    private readonly source: WorkbookSource,
    private readonly tally: RowTally,
    private readonly mapping: ColumnMapping,
    private readonly scale: AmountScale,
    private readonly header: HeaderLayout,
    private readonly sheetShare: number,
    private readonly facts: { yearSource: YearSource | null; bookSide: BookSide | null },
    private readonly learner: CodeNameLearner,
  ) {}

  async stream(plan: SheetPlan): Promise<void> {
    const { req, tally, mapping, header } = this;
    const sheet = plan.meta.name;
    const headerEnd = header.row + header.rows - 1;
    const headerNames: string[] = [];
    for (const c of header.columns) headerNames[c.index] = c.name;
    const headerSig = headerSignature(header.columns);
    const debitMeans = this.facts.bookSide?.debitMeans ?? 'out';
    const checker = new TotalChecker(sheet, mapping, this.scale, debitMeans);
    const textColumns = [mapping.summary, mapping.note, mapping.voucherNo, mapping.date, mapping.counterparty].filter(
      (i): i is number => i !== undefined,
    );
    const notLabelColumns = mapping.fundingSource === undefined ? [] : [mapping.fundingSource];
    const amountColumns = (AMOUNT_FIELDS[req.target] as readonly ImportField[])
      .map((f) => mapping[f])
      .filter((i): i is number => i !== undefined);
    const ledgerCtx: LedgerRowContext = {
      sheet,
      mapping,
      scale: this.scale,
      year: req.year,
      yearHint: this.facts.yearSource && this.facts.yearSource.kind !== 'import' ? this.facts.yearSource.year : header.yearHint,
      debitMeans,
      hash: fingerprintHash,
      sheetHidden: plan.meta.hidden,
    };
    const budgetCtx: BudgetRowContext = { sheet, mapping, scale: this.scale, sheetHidden: plan.meta.hidden };
    const readBefore = tally.rowsRead;
    let last = 0;
    const percent = () => Math.min(99, Math.round(this.source.progress() * 100 * this.sheetShare));
    for await (const batch of this.source.rows(plan.meta.index)) {
      for (const raw of batch) {
        if (readBefore + raw.row > req.limits.maxRows) {
          throw importError(
            `文件“${basename(req.filePath)}”的工作表“${sheet}”超过 ${req.limits.maxRows} 行（第 ${raw.row} 行），超出一次导入的上限，已停止。请按月拆分后分别导入。`,
            [{ sheet, row: raw.row, message: `超过 ${req.limits.maxRows} 行` }],
          );
        }
        if (raw.row > last + 1) tally.skipBlankRange(sheet, last + 1, raw.row - 1);
        last = raw.row;
        if (raw.row < header.row) {
          tally.skip(sheet, raw.row, isBlankRow(raw.cells) ? 'blank' : 'title', firstText(raw));
          continue;
        }
        if (raw.row <= headerEnd) {
          tally.skip(sheet, raw.row, 'header', '');
          continue;
        }
        const layout = classifyLayoutRow(raw.cells, textColumns, amountColumns, notLabelColumns);
        if (layout) {
          tally.skip(sheet, raw.row, layout.kind, layout.label);
          if (layout.kind === 'total') checker.totalRow(raw.row, layout.label, layout.totalScope, raw.cells);
          continue;
        }
        if (isRepeatedHeader(raw, header, headerSig)) {
          tally.skip(sheet, raw.row, 'repeated_header', '');
          continue;
        }
        const outcome = req.target === 'ledger' ? normalizeLedgerRow(raw, ledgerCtx) : normalizeBudgetRow(raw, budgetCtx);
        if (!outcome.ok) {
          tally.reject(sheet, raw.row, outcome.issues, raw.cells, headerNames);
          continue;
        }
        tally.accept();
        if (req.target === 'ledger') {
          checker.add(outcome.row as LedgerRow);
          if (mapping.econCode !== undefined) this.learner.read('econ', raw.cells[mapping.econCode]);
          if (mapping.funcCode !== undefined) this.learner.read('func', raw.cells[mapping.funcCode]);
        }
        if (this.batcher.add(outcome.row)) await this.batcher.flush(percent());
      }
    }
    tally.rowsRead += last;
    this.checks.push(...checker.checks);
  }
}

function firstText(raw: RawRow): string {
  for (const c of raw.cells) {
    const t = headerCellText(c);
    if (t) return t.slice(0, 60);
  }
  return '';
}

function isRepeatedHeader(raw: RawRow, header: HeaderLayout, signature: string): boolean {
  const first = header.columns.find((c) => c.name !== '');
  if (!first) return false;
  if (headerCellText(raw.cells[first.index]) !== (first.parent || first.child)) return false;
  const cols = header.columns.map((c) => ({ ...c, name: headerCellText(raw.cells[c.index]) }));
  return header.rows === 1 ? headerSignature(cols) === signature : true;
}
