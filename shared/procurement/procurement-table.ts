import type { AppErrorDetail } from '../api/app-error.ts';
import { type AmountScale, AMOUNT_SCALE_LABELS } from '../import/amount-scale.ts';
import { columnLetter, type RawRow } from '../import/cell.ts';
import { cellToText } from '../import/cell-text.ts';
import type { ImportTemplate } from '../import/import-templates.ts';
import { parseAmountCell } from '../import/normalize-amount.ts';
import { headerKey } from '../import/normalize-text.ts';
import { PROCUREMENT_KIND_LABELS, PROCUREMENT_KINDS, type ProcurementKind } from '../domain/procurement.ts';

// 政府采购 figures from a sheet: one row per item with its name, 类别 (货物/工程/服务), 政府采购预算
// and 实际采购金额. Columns are found by the words above them (amounts in 元 unless the header
// says 万元 or 千元); 合计 rows are left out. A bad cell stops the import with where it is.

export const PROCUREMENT_COLUMNS = ['name', 'kind', 'planned', 'actual', 'note'] as const;
export type ProcurementColumn = (typeof PROCUREMENT_COLUMNS)[number];

const HEADERS: Record<ProcurementColumn, RegExp> = {
  name: /^(?:政府)?(?:采购)?(?:项目|品目)?名称$|^采购(?:项目|品目|内容)$|^(?:项目|品目)$/,
  kind: /^(?:采购)?(?:类别|类型|品目类别)$/,
  planned: /^(?:政府)?采购(?:预算|计划)(?:金额|数)?|^(?:计划|预算)(?:采购)?(?:金额|数)/,
  actual: /^实际(?:政府)?(?:采购)?(?:金额|数)|^(?:合同|成交|执行|中标)金额/,
  note: /^(?:备注|说明)$/,
};

const REQUIRED: readonly ProcurementColumn[] = ['name', 'planned', 'actual'];
const HEADER_SCAN = 30;
const TOTAL_ROW = /^(?:合计|小计|总计|共计)/;

export const PROCUREMENT_TEMPLATE: ImportTemplate<ProcurementColumn> = {
  fileName: '政府采购导入模板.xlsx',
  sheetName: '政府采购',
  columns: [
    { field: 'name', header: '采购项目名称', hint: '如：办公设备采购、物业管理服务', width: 30 },
    { field: 'kind', header: '采购类别', hint: '货物、工程或服务；可不填（按货物）', width: 12 },
    { field: 'planned', header: '政府采购预算（元）', hint: '年初计划的政府采购金额，单位：元', width: 20, amount: true },
    { field: 'actual', header: '实际采购金额（元）', hint: '实际签订合同或支付的政府采购金额，单位：元', width: 20, amount: true },
    { field: 'note', header: '备注', hint: '可不填', width: 24 },
  ],
};

/** The column a header names, or null. */
export function procurementColumnOf(header: string): ProcurementColumn | null {
  const key = headerKey(header).replace(/[(（][^)）]*[)）]$/, '');
  return PROCUREMENT_COLUMNS.find((c) => HEADERS[c].test(key)) ?? null;
}

function scaleOf(header: string): AmountScale {
  if (header.includes('万元')) return 'wan';
  if (header.includes('千元')) return 'thousand';
  return 'yuan';
}

export interface ProcurementRow {
  row: number;
  name: string;
  kind: ProcurementKind;
  plannedFen: number;
  actualFen: number;
  note: string;
}

export type ProcurementTable =
  | { ok: true; sheet: string; headerRow: number; scale: { planned: AmountScale; actual: AmountScale }; rows: ProcurementRow[] }
  | { ok: false; message: string; details: AppErrorDetail[] };

interface Layout {
  row: number;
  index: Partial<Record<ProcurementColumn, number>>;
  headers: Partial<Record<ProcurementColumn, string>>;
}

function findLayout(rows: readonly RawRow[]): Layout | null {
  for (const r of rows.slice(0, HEADER_SCAN)) {
    const index: Layout['index'] = {};
    const headers: Layout['headers'] = {};
    r.cells.forEach((c, i) => {
      const text = cellToText(c);
      const col = procurementColumnOf(text);
      if (col && index[col] === undefined) {
        index[col] = i;
        headers[col] = text;
      }
    });
    if (REQUIRED.every((c) => index[c] !== undefined)) return { row: r.row, index, headers };
  }
  return null;
}

const KIND_BY_LABEL = new Map<string, ProcurementKind>(PROCUREMENT_KINDS.map((k) => [PROCUREMENT_KIND_LABELS[k], k]));
const KIND_WORDS = PROCUREMENT_KINDS.map((k) => PROCUREMENT_KIND_LABELS[k]).join('、');

/** Reads one sheet; every bad cell is reported with its sheet, row and column. */
export function readProcurementTable(fileName: string, sheet: string, rows: readonly RawRow[]): ProcurementTable {
  const layout = findLayout(rows);
  if (!layout) {
    return {
      ok: false,
      message: `文件“${fileName}”工作表“${sheet}”中没有找到表头：前 ${HEADER_SCAN} 行中应有“采购项目名称”“政府采购预算”“实际采购金额”三列（可下载“政府采购导入模板”对照）。未导入任何数据。`,
      details: [{ sheet, message: '没有找到表头' }],
    };
  }
  const at = (col: ProcurementColumn) => layout.index[col];
  const scale = { planned: scaleOf(layout.headers.planned ?? ''), actual: scaleOf(layout.headers.actual ?? '') };
  const out: ProcurementRow[] = [];
  const details: AppErrorDetail[] = [];
  const bad = (row: number, col: ProcurementColumn, reason: string) => {
    const index = at(col);
    const column = index === undefined ? '' : columnLetter(index);
    details.push({ sheet, row, column, message: `工作表“${sheet}”第 ${row} 行 ${column} 列（${layout.headers[col] ?? ''}）：${reason}` });
  };
  for (const r of rows) {
    if (r.row <= layout.row) continue;
    const text = (col: ProcurementColumn) => {
      const i = at(col);
      return i === undefined ? '' : cellToText(r.cells[i], 500);
    };
    const name = text('name');
    const plannedCell = r.cells[at('planned')!];
    const actualCell = r.cells[at('actual')!];
    if (name === '' && text('planned') === '' && text('actual') === '') continue;
    if (TOTAL_ROW.test(name)) continue;
    const before = details.length;
    if (name === '') bad(r.row, 'name', '有金额但没有采购项目名称');
    else if (name.length > 200) bad(r.row, 'name', '采购项目名称超过 200 个字');
    const amount = (col: 'planned' | 'actual', cell: typeof plannedCell): number => {
      const a = parseAmountCell(cell, scale[col]);
      if (a.kind === 'error') bad(r.row, col, `${a.reason}（${AMOUNT_SCALE_LABELS[scale[col]]}）`);
      else if (a.kind === 'ok' && a.fen < 0) bad(r.row, col, '金额不能为负数');
      return a.kind === 'ok' ? a.fen : 0;
    };
    const plannedFen = amount('planned', plannedCell);
    const actualFen = amount('actual', actualCell);
    const kindText = text('kind').replace(/类$/, '');
    const kind = kindText === '' ? 'goods' : KIND_BY_LABEL.get(kindText);
    if (kind === undefined) bad(r.row, 'kind', `采购类别应为${KIND_WORDS}之一，实际为“${kindText}”`);
    if (details.length === before && kind !== undefined) out.push({ row: r.row, name, kind, plannedFen, actualFen, note: text('note') });
  }
  if (details.length > 0) {
    const shown = details.slice(0, 3).map((d) => d.message).join('；');
    return {
      ok: false,
      message: `文件“${fileName}”中有 ${details.length} 处数据有误，未导入任何数据：${shown}${details.length > 3 ? '……' : ''}`,
      details,
    };
  }
  if (out.length === 0) {
    return { ok: false, message: `文件“${fileName}”工作表“${sheet}”的表头下没有采购项目，未导入任何数据。`, details: [{ sheet, row: layout.row, message: '表头下没有数据' }] };
  }
  return { ok: true, sheet, headerRow: layout.row, scale, rows: out };
}
