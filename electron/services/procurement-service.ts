import { AppError } from '../../shared/api/app-error.ts';
import type { Procurement } from '../../shared/domain/ledger.ts';
import type { ProcurementImportInput, ProcurementImportResult, ProcurementItem, ProcurementItemInput } from '../../shared/domain/procurement.ts';
import { safeUploadName } from '../../shared/import/upload-name.ts';
import { readProcurementTable } from '../../shared/procurement/procurement-table.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import * as ledger from '../db/repositories/ledger-repo.ts';
import * as repo from '../db/repositories/procurement-repo.ts';
import type { Db } from '../db/open.ts';
import { readSheetRows } from './read-sheet-rows.ts';
import { inTransaction } from './transaction.ts';
import { requireAmountsWithinLimits, requireWritableYear, requireYear } from './year-guard.ts';

// 政府采购: entered item by item (the totals are then the items' sums) or as two totals. The
// 政府采购执行率 indicator reads the totals either way (ledger-repo getProcurement).

export function getProcurement(db: Db, yearId: number): Procurement {
  requireYear(db, yearId);
  return ledger.getProcurement(db, yearId);
}

export function saveProcurement(db: Db, input: Procurement): Procurement {
  return inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    const before = ledger.getProcurement(db, input.yearId);
    const items = repo.procurementItemTotals(db, input.yearId);
    if (items && (items.plannedFen !== input.plannedFen || items.actualFen !== input.actualFen)) {
      throw new AppError('VALIDATION', '本年度按采购明细填报，合计由明细自动计算，不能直接修改；如改为按合计填报，请先删除全部明细。', [
        { path: 'plannedFen', message: '合计由采购明细计算' },
      ]);
    }
    ledger.upsertProcurement(db, input);
    writeAudit(db, { action: 'update', entity: 'procurement_summary', entityId: input.yearId, yearId: input.yearId, before, after: input });
    return ledger.getProcurement(db, input.yearId);
  });
}

export function listItems(db: Db, yearId: number): ProcurementItem[] {
  requireYear(db, yearId);
  return repo.listProcurementItems(db, yearId);
}

function existing(db: Db, id: number): ProcurementItem {
  const item = repo.getProcurementItem(db, id);
  if (!item) throw new AppError('NOT_FOUND', `找不到该采购明细（编号 ${id}），它可能已被删除。`);
  return item;
}

export function saveItem(db: Db, input: ProcurementItemInput): ProcurementItem {
  return inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    if (input.id === undefined) {
      const id = repo.insertProcurementItem(db, input);
      const after = existing(db, id);
      writeAudit(db, { action: 'create', entity: 'procurement_item', entityId: id, yearId: input.yearId, before: null, after });
      return after;
    }
    const before = existing(db, input.id);
    if (before.yearId !== input.yearId) throw new AppError('VALIDATION', '该采购明细不属于所选年度。');
    repo.updateProcurementItem(db, input.id, input);
    const after = existing(db, input.id);
    writeAudit(db, { action: 'update', entity: 'procurement_item', entityId: input.id, yearId: input.yearId, before, after });
    return after;
  });
}

export function deleteItem(db: Db, id: number): { deleted: true } {
  return inTransaction(db, () => {
    const before = existing(db, id);
    requireWritableYear(db, before.yearId);
    repo.deleteProcurementItem(db, id);
    writeAudit(db, { action: 'delete', entity: 'procurement_item', entityId: id, yearId: before.yearId, before, after: null });
    return { deleted: true };
  });
}

/**
 * A sheet of 政府采购 items becomes the year's item list (the file is the list: items already
 * entered are replaced, each deletion in the 修改记录). A bad cell anywhere writes nothing.
 */
export async function importItems(db: Db, input: ProcurementImportInput): Promise<ProcurementImportResult> {
  requireWritableYear(db, input.yearId);
  const safe = safeUploadName(input.fileName);
  if (!safe.ok) throw new AppError('VALIDATION', safe.message);
  const fileName = safe.name;
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw new AppError('IMPORT', `文件“${fileName}”是空的，未导入任何数据。`);
  const sheets = await readSheetRows(bytes, fileName);
  if (sheets.length === 0) throw new AppError('IMPORT', `文件“${fileName}”中没有可读取的工作表，未导入任何数据。`);
  const tables = sheets.map((s) => readProcurementTable(fileName, s.name, s.rows));
  // The first sheet with a header is the list; a sheet without one (a cover, notes) is passed over.
  const table = tables.find((t) => t.ok) ?? tables.find((t) => !t.ok && t.details.some((d) => d.row !== undefined)) ?? tables[0]!;
  if (!table.ok) throw new AppError('IMPORT', table.message, table.details);
  return inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    const old = repo.listProcurementItems(db, input.yearId);
    for (const item of old) {
      repo.deleteProcurementItem(db, item.id);
      writeAudit(db, { action: 'delete', entity: 'procurement_item', entityId: item.id, yearId: input.yearId, before: item, after: null });
    }
    for (const r of table.rows) {
      const id = repo.insertProcurementItem(db, { yearId: input.yearId, name: r.name, kind: r.kind, plannedFen: r.plannedFen, actualFen: r.actualFen, note: r.note });
      writeAudit(db, { action: 'create', entity: 'procurement_item', entityId: id, yearId: input.yearId, before: null, after: existing(db, id) });
    }
    requireAmountsWithinLimits(db, input.yearId);
    const totals = ledger.getProcurement(db, input.yearId);
    return { fileName, sheet: table.sheet, imported: table.rows.length, replaced: old.length, plannedFen: totals.plannedFen, actualFen: totals.actualFen };
  });
}
