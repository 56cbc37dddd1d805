import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/api/app-error.ts';
import { CODE_KIND_LABELS, type CodeKind, type CodeLists } from '../../shared/budget/code-list.ts';
import {
  CODE_NAME_SOURCE_LABELS,
  type CodeEntry,
  type CodeImportResult,
  codeEntries,
  officeCodeLists,
  type SetCodeNameInput,
} from '../../shared/codes/code-names.ts';
import { bestCodeTable, readCodeTable } from '../../shared/codes/read-code-table.ts';
import { safeUploadName } from '../../shared/import/upload-name.ts';
import type { RenderedFile } from '../../shared/report/api-schemas.ts';
import { loadCodeLists } from '../codes/load-code-lists.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import * as repo from '../db/repositories/code-name-repo.ts';
import type { Db } from '../db/open.ts';
import { readSheetRows } from './read-sheet-rows.ts';
import { inTransaction } from './transaction.ts';

// 科目代码: the shipped 功能分类 / 经济分类 lists completed by the office's own — a 科目表 file it
// imports, names typed on the page, names learned from its imported budget lines. Stored once per
// data file; the checks and reports read them through officeCodes.

const MAX_BYTES = 24 * 1024 * 1024;
const SKIPPED_SHOWN = 50;

/** The code lists every check and report of this data file uses. */
export function officeCodes(db: Db): CodeLists {
  return officeCodeLists(loadCodeLists(), repo.listCodeNames(db));
}

export function listCodes(db: Db): CodeEntry[] {
  return codeEntries(loadCodeLists(), repo.listCodeNames(db));
}

export function setCodeName(db: Db, input: SetCodeNameInput): CodeEntry {
  return inTransaction(db, () => {
    const before = repo.getCodeName(db, input.kind, input.code);
    repo.putCodeName(db, input.kind, input.code, input.name, 'manual');
    writeAudit(db, { action: before ? 'update' : 'create', entity: 'code_name', entityId: `${input.kind}:${input.code}`, before, after: input });
    return entry(db, input.kind, input.code);
  });
}

/** Removes the office's own name; the shipped name (if any) shows again. */
export function deleteCodeName(db: Db, input: { kind: CodeKind; code: string }): { deleted: true } {
  return inTransaction(db, () => {
    const before = repo.getCodeName(db, input.kind, input.code);
    if (!before) throw new AppError('NOT_FOUND', `${CODE_KIND_LABELS[input.kind]}编码 ${input.code} 没有本单位填写或导入的名称。`);
    repo.deleteCodeName(db, input.kind, input.code);
    writeAudit(db, { action: 'delete', entity: 'code_name', entityId: `${input.kind}:${input.code}`, before, after: null });
    return { deleted: true };
  });
}

function entry(db: Db, kind: CodeKind, code: string): CodeEntry {
  const found = listCodes(db).find((e) => e.kind === kind && e.code === code);
  if (!found) throw new AppError('INTERNAL', `科目 ${code} 保存后未找到。`);
  return found;
}

/**
 * A 科目表 file (.xlsx/.xls/.csv …) read into the data file as imported names: they replace
 * learned ones and earlier imports, never a name typed on the page. All or nothing.
 */
export async function importCodeList(db: Db, input: { fileName: string; base64: string }): Promise<CodeImportResult> {
  const safe = safeUploadName(input.fileName);
  if (!safe.ok) throw new AppError('VALIDATION', safe.message);
  const fileName = safe.name;
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw new AppError('IMPORT', `文件“${fileName}”是空的，未导入任何科目。`);
  if (bytes.length > MAX_BYTES) throw new AppError('IMPORT', `文件“${fileName}”过大，科目表不应超过 24 MB，未导入任何科目。`);
  const sheets = await readSheetRows(bytes, fileName);
  const tables = sheets.map((s) => readCodeTable(s.name, s.rows));
  const table = bestCodeTable(tables);
  if (!table) {
    const first = tables[0];
    const why = first && first.skipped.length > 0 ? `（如${first.skipped[0]!.message}）` : '';
    throw new AppError(
      'IMPORT',
      `文件“${fileName}”中没有找到可导入的科目${why}。科目表应有“科目编码”和“科目名称”两列，或一列“2010601 行政运行”这样的编码加名称；编码须为支出功能分类（2 开头，3/5/7 位）或经济分类（3、5 开头，3/5 位）。未导入任何科目。`,
    );
  }
  return inTransaction(db, () => {
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const e of table.entries) {
      const before = repo.getCodeName(db, e.kind, e.code);
      if (before?.source === 'manual') {
        unchanged++;
        continue;
      }
      if (before && before.name === e.name && before.source === 'imported') {
        unchanged++;
        continue;
      }
      repo.putCodeName(db, e.kind, e.code, e.name, 'imported');
      if (before) updated++;
      else added++;
    }
    writeAudit(db, {
      action: 'import',
      entity: 'code_name',
      entityId: fileName,
      after: { fileName, sheet: table.sheet, added, updated, unchanged, skipped: table.skipped.length },
    });
    return {
      fileName,
      sheet: table.sheet,
      added,
      updated,
      unchanged,
      skipped: table.skipped.slice(0, SKIPPED_SHOWN),
      skippedCount: table.skipped.length,
    };
  });
}

const EXPORT_HEADER = ['分类', '科目编码', '科目名称', '来源'];

/** The office's own names (imported, typed, learned) as a 科目表 file that imports back. */
export async function exportCodeList(db: Db, format: 'xlsx' | 'csv'): Promise<RenderedFile> {
  const rows = listCodes(db)
    .filter((e) => e.source !== 'shipped')
    .map((e) => [CODE_KIND_LABELS[e.kind], e.code, e.name, CODE_NAME_SOURCE_LABELS[e.source]]);
  let bytes: Buffer;
  if (format === 'csv') {
    const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    const text = [EXPORT_HEADER, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
    // A BOM, so Excel opens the UTF-8 file as Chinese text.
    bytes = Buffer.from(`\ufeff${text}\r\n`, 'utf8');
  } else {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'SelfEval Desk';
    const ws = wb.addWorksheet('科目代码', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: EXPORT_HEADER[0], width: 22 },
      // Codes as text, so Excel keeps them exactly as written.
      { header: EXPORT_HEADER[1], width: 12, style: { numFmt: '@' } },
      { header: EXPORT_HEADER[2], width: 36 },
      { header: EXPORT_HEADER[3], width: 16 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  }
  return {
    fileName: `科目代码.${format}`,
    mimeType: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: bytes.toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
