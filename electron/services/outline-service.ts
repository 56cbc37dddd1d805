import { AppError } from '../../shared/api/app-error.ts';
import type { OutlineDoc } from '../../shared/report/outline.ts';
import { type OutlineParseResult, parseOutlineData, parseOutlineFile, serializeOutlineFile } from '../../shared/report/outline-file.ts';
import type { ShippedOutline, YearOutline } from '../../shared/report/outline-api.ts';
import { DEFAULT_OUTLINE, SHIPPED_OUTLINE_IDS, SHIPPED_OUTLINES, type ShippedOutlineId } from '../../shared/report/shipped-outlines.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { deleteOutline, getOutlineJson, upsertOutlineJson } from '../db/repositories/outline-repo.ts';
import type { Db } from '../db/open.ts';
import { inTransaction } from './transaction.ts';
import { requireWritableYear, requireYear } from './year-guard.ts';

// A year's report outline: read (the default one until the year saves its own), edit, copy from
// another year, reset to a shipped outline, export and import as JSON. Every write checks the whole
// document first, so a bad file or edit changes nothing.

function validOutline(result: OutlineParseResult, what: string): OutlineDoc {
  if (!result.ok) {
    throw new AppError('VALIDATION', `${what}有 ${result.errors.length} 处问题：${result.errors[0]}`, result.errors.map((message) => ({ message })));
  }
  return result.doc;
}

/** The outline a year prints with. */
export function outlineDocOf(db: Db, yearId: number): OutlineDoc {
  const json = getOutlineJson(db, yearId);
  if (json === null) return DEFAULT_OUTLINE;
  return validOutline(parseOutlineData(JSON.parse(json), { requireHeader: false }), `${yearId} 号年度保存的报告提纲`);
}

export function getYearOutline(db: Db, yearId: number): YearOutline {
  requireYear(db, yearId);
  return { yearId, doc: outlineDocOf(db, yearId), stored: getOutlineJson(db, yearId) !== null };
}

export function listShippedOutlines(): ShippedOutline[] {
  return SHIPPED_OUTLINE_IDS.map((id) => ({ id, doc: SHIPPED_OUTLINES[id] }));
}

/** Writes the year's outline in the caller's transaction, audited (undo puts the previous one back). */
export function putYearOutline(db: Db, yearId: number, doc: OutlineDoc, action: 'update' | 'import'): void {
  const beforeJson = getOutlineJson(db, yearId);
  upsertOutlineJson(db, yearId, JSON.stringify(doc));
  writeAudit(db, {
    action,
    entity: 'report_outline',
    entityId: yearId,
    yearId,
    before: beforeJson === null ? null : (JSON.parse(beforeJson) as unknown),
    after: doc,
  });
}

function save(db: Db, yearId: number, doc: OutlineDoc, action: 'update' | 'import'): YearOutline {
  inTransaction(db, () => {
    requireWritableYear(db, yearId);
    putYearOutline(db, yearId, doc, action);
  });
  return getYearOutline(db, yearId);
}

export function saveYearOutline(db: Db, input: { yearId: number; doc: unknown }): YearOutline {
  return save(db, input.yearId, validOutline(parseOutlineData(input.doc, { requireHeader: false }), '报告提纲'), 'update');
}

export function copyOutlineFromYear(db: Db, input: { yearId: number; fromYearId: number }): YearOutline {
  requireYear(db, input.fromYearId);
  return save(db, input.yearId, outlineDocOf(db, input.fromYearId), 'update');
}

export function resetYearOutline(db: Db, input: { yearId: number; shippedId: ShippedOutlineId }): YearOutline {
  return save(db, input.yearId, SHIPPED_OUTLINES[input.shippedId], 'update');
}

export function importYearOutline(db: Db, input: { yearId: number; json: string }): YearOutline {
  return save(db, input.yearId, validOutline(parseOutlineFile(input.json), '报告提纲文件'), 'import');
}

export function exportYearOutline(db: Db, input: { yearId: number }): { fileName: string; json: string } {
  const year = requireYear(db, input.yearId);
  return { fileName: `${year.year}年度报告提纲.json`, json: serializeOutlineFile(outlineDocOf(db, input.yearId)) };
}

/** A new year starts with the outline of the year it follows, if that one has its own. */
export function copyOutlineToNewYear(db: Db, fromYearId: number, toYearId: number): void {
  const json = getOutlineJson(db, fromYearId);
  if (json !== null) upsertOutlineJson(db, toYearId, json);
}

/** For undo: the outline row back to a recorded state (null = the default outline). */
export function restoreOutlineState(db: Db, yearId: number, state: OutlineDoc | null): void {
  if (state === null) deleteOutline(db, yearId);
  else upsertOutlineJson(db, yearId, JSON.stringify(state));
}
