// Writes the rows of one import batch as the worker delivers them, and decides which rows are
// already in the database. Runs inside the transaction the import service opened; all SQL is in
// the import repository.

import { createDuplicateMatcher, type DuplicateHit, type ExistingHits } from '../../shared/import/duplicate-matcher.ts';
import { budgetFingerprintKey } from '../../shared/import/fingerprint.ts';
import { BudgetTotalsBuilder, LedgerTotalsBuilder } from '../../shared/import/import-totals.ts';
import type {
  BudgetRow,
  BudgetTotals,
  CommitOptions,
  DuplicateRow,
  ImportOptions,
  LedgerRow,
  LedgerTotals,
} from '../../shared/import/schemas.ts';
import { applyRules, ClassificationTally } from '../../shared/classification/classify-row.ts';
import type { Rule } from '../../shared/classification/rules.ts';
import { listRules } from '../db/repositories/classification-rule-repo.ts';
import * as repo from '../db/repositories/import-repo.ts';
import type { Db } from '../db/open.ts';

const NONE: ReadonlySet<number> = new Set();

/** Longest list of duplicates kept for the preview and the result. */
export const LIST_CAP = 1000;

/** Finds rows already in the database: ledger rows by fingerprint, budget lines by their content. */
export function duplicateMatcher(
  db: Db,
  options: ImportOptions,
  excludeBatchId: number | null,
): (row: LedgerRow | BudgetRow) => DuplicateHit | null {
  if (options.target === 'ledger') {
    if (!repo.hasLedgerRows(db, options.yearId, options.unitId)) return () => null;
    const count = repo.ledgerFingerprintCounter(db, options.yearId, options.unitId, excludeBatchId);
    const match = createDuplicateMatcher((row: LedgerRow) => row.fingerprint, count);
    return (row) => match(row as LedgerRow);
  }
  const existing = new Map<string, ExistingHits>();
  for (const line of repo.existingBudgetLines(db, options.yearId, options.unitId, excludeBatchId)) {
    const key = budgetFingerprintKey(line);
    const hit = existing.get(key);
    existing.set(key, { count: (hit?.count ?? 0) + 1, batchId: hit?.batchId ?? line.batchId });
  }
  const match = createDuplicateMatcher(budgetFingerprintKey, (_, key) => existing.get(key) ?? { count: 0, batchId: null });
  return (row) => match(row as BudgetRow);
}

export function duplicateRow(row: LedgerRow | BudgetRow, hit: DuplicateHit, accepted: boolean): DuplicateRow {
  if ('fingerprint' in row) {
    return {
      sheet: row.sheet,
      row: row.row,
      date: row.date,
      direction: row.direction,
      amountFen: row.amountFen,
      summary: row.summary,
      counterparty: row.counterparty,
      serialNo: row.serialNo,
      existingBatchId: hit.existingBatchId,
      accepted,
    };
  }
  // Budget lines have no date or direction: the list shows the line's 年初预算 and its note.
  return {
    sheet: row.sheet,
    row: row.row,
    date: '0000-00-00',
    direction: 'in',
    amountFen: row.initialFen + row.adjustmentFen,
    summary: [row.projectName, row.funcCode, row.econCode, row.note].filter(Boolean).join(' '),
    counterparty: '',
    serialNo: row.docNo,
    existingBatchId: hit.existingBatchId,
    accepted,
  };
}

export function acceptedSet(options: CommitOptions): (row: { sheet: string; row: number }) => boolean {
  const rowsAnySheet = new Set<number>();
  const exact = new Set<string>();
  for (const ref of options.acceptDuplicates ?? []) {
    if (typeof ref === 'number') rowsAnySheet.add(ref);
    else exact.add(`${ref.sheet}\u0000${ref.row}`);
  }
  return (r) => rowsAnySheet.has(r.row) || exact.has(`${r.sheet}\u0000${r.row}`);
}

/** Writes one batch: the batch row first, then each arriving row, then the outcome. */
export class BatchWriter {
  readonly duplicates: DuplicateRow[] = [];
  duplicateCount = 0;
  imported = 0;
  /** Of the rows written, those hidden in the file (hidden rows, rows of hidden sheets). */
  hiddenImported = 0;
  private readonly ledgerTotals = new LedgerTotalsBuilder();
  private readonly budgetTotals = new BudgetTotalsBuilder();
  private readonly projectIds: Map<string, number>;
  readonly createdProjects: Array<{ id: number; name: string }> = [];
  private readonly isDuplicate: (row: LedgerRow | BudgetRow) => DuplicateHit | null;
  private readonly matchLedger: ((row: LedgerRow) => DuplicateHit | null) | null;
  private readonly isAccepted: (row: { sheet: string; row: number }) => boolean;
  private readonly stage: repo.LedgerStage | null;
  private readonly insertBudget: ((r: BudgetRow, projectId: number | null) => void) | null;
  /** The data file's classification rules, applied to every spending row before it is written. */
  private readonly rules: Rule[];
  readonly classification = new ClassificationTally();

  constructor(
    private readonly db: Db,
    private readonly options: CommitOptions,
    readonly batchId: number,
    fileName: string,
  ) {
    this.projectIds = repo.projectIdsByName(db, options.yearId);
    this.rules = options.target === 'ledger' ? listRules(db) : [];
    this.isDuplicate = options.target === 'budget' ? duplicateMatcher(db, options, batchId) : () => null;
    // Ledger duplicates are looked up per batch in SQL; with no earlier rows there can be none.
    this.matchLedger =
      options.target === 'ledger' && repo.hasLedgerRows(db, options.yearId, options.unitId)
        ? createDuplicateMatcher((row: LedgerRow) => row.fingerprint, repo.ledgerFingerprintCounter(db, options.yearId, options.unitId, batchId))
        : null;
    this.isAccepted = acceptedSet(options);
    this.stage =
      options.target === 'ledger'
        ? repo.createLedgerStage(db, { yearId: options.yearId, unitId: options.unitId, batchId, sourceFile: fileName })
        : null;
    this.insertBudget =
      options.target === 'budget' ? repo.budgetInserter(db, { yearId: options.yearId, unitId: options.unitId, batchId }) : null;
  }

  /** Completes the batch's writes; call before the transaction commits. */
  finish(): void {
    this.stage?.finish();
  }

  close(): void {
    this.stage?.drop();
  }

  private addLedger(rows: readonly LedgerRow[], stage: repo.LedgerStage): void {
    const skip = this.matchLedger ? this.ledgerDuplicates(rows, this.matchLedger) : NONE;
    const projectIds = new Array<number | null>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row || skip.has(i)) continue;
      this.classification.add(row, applyRules(row, this.rules));
      projectIds[i] = this.projectFor(row.projectName);
      this.ledgerTotals.add(row);
      if (row.hidden) this.hiddenImported++;
    }
    stage.load(rows, projectIds, skip);
    this.imported += stage.write();
    this.duplicateCount += skip.size;
  }

  /** Indexes of the rows to leave out: duplicates of earlier rows not accepted by the user. */
  private ledgerDuplicates(rows: readonly LedgerRow[], match: (row: LedgerRow) => DuplicateHit | null): Set<number> {
    const skip = new Set<number>();
    const { yearId, unitId } = this.options;
    for (const i of repo.existingFingerprintIndexes(this.db, rows, yearId, unitId, this.batchId)) {
      const row = rows[i];
      const hit = row ? match(row) : null;
      if (!row || !hit) continue;
      const accepted = this.isAccepted(row);
      if (this.duplicates.length < LIST_CAP) this.duplicates.push(duplicateRow(row, hit, accepted));
      if (!accepted) skip.add(i);
    }
    return skip;
  }

  private projectFor(name: string): number | null {
    if (name === '') return null;
    let id = this.projectIds.get(name);
    if (id === undefined) {
      id = repo.insertImportedProject(this.db, this.options.yearId, this.options.unitId, name);
      this.projectIds.set(name, id);
      this.createdProjects.push({ id, name });
    }
    return id;
  }

  add(rows: readonly (LedgerRow | BudgetRow)[]): void {
    if (this.stage) {
      this.addLedger(rows as LedgerRow[], this.stage);
      return;
    }
    for (const row of rows) {
      const hit = this.isDuplicate(row);
      if (hit) {
        const accepted = this.isAccepted(row);
        if (this.duplicates.length < LIST_CAP) this.duplicates.push(duplicateRow(row, hit, accepted));
        if (!accepted) {
          this.duplicateCount++;
          continue;
        }
      }
      this.insertBudget?.(row as BudgetRow, this.projectFor(row.projectName));
      this.budgetTotals.add(row as BudgetRow);
      this.imported++;
      if (row.hidden) this.hiddenImported++;
    }
  }

  totals(): { ledger: LedgerTotals | null; budget: BudgetTotals | null } {
    return this.options.target === 'ledger'
      ? { ledger: this.ledgerTotals.result(), budget: null }
      : { ledger: null, budget: this.budgetTotals.result() };
  }
}

