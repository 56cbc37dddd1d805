// Import files generated at test time for the stress tests: ledger and budget tables as rows of
// cells, written as GBK/UTF-8 CSV, .xlsx (hand-made zip of inline strings, so a 5,000-row file
// takes milliseconds) or BIFF8 .xls (SheetJS). Every row is distinct by `seq`, so two generated
// files never collide as duplicates unless asked to.

import { writeFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { columnLetter } from '../../shared/import/cell.ts';
import { handMadeXlsx, sheetXml } from '../fixtures/spreadsheets/zip-writer.ts';

export type SheetCell = string | number | null;
export type SheetRows = SheetCell[][];
export type SheetFormat = 'csv-gbk' | 'csv-utf8' | 'xlsx' | 'xls';

export const SHEET_FORMATS: readonly SheetFormat[] = ['csv-gbk', 'csv-utf8', 'xlsx', 'xls'];

const LEDGER_HEADER = ['日期', '凭证号', '摘要', '对方户名', '经济分类', '项目名称', '支出金额', '收入金额'];
const ECON = ['30201 办公费', '30211 差旅费', '30227 委托业务费', '30101 基本工资'];

/** A ledger export: a title row, the header, `n` transactions of batch `tag`, no totals. */
export function ledgerRows(tag: string, n: number, opts: { projects?: boolean } = {}): SheetRows {
  const rows: SheetRows = [[`${tag} 收支明细`], LEDGER_HEADER];
  for (let i = 0; i < n; i++) {
    const inflow = i % 7 === 6;
    const amount = ((i * 7919) % 500_000) / 100 + 1;
    rows.push([
      `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      `${tag}-${i}`,
      `${tag} 第 ${i} 笔`,
      `某服务公司${i % 13}`,
      ECON[i % ECON.length] ?? '',
      opts.projects && i % 5 === 0 ? `${tag}项目${i % 3}` : '',
      inflow ? null : amount.toFixed(2),
      inflow ? amount.toFixed(2) : null,
    ]);
  }
  return rows;
}

const BUDGET_HEADER = ['指标文号', '项目名称', '功能分类', '部门经济分类', '资金性质', '支出类别', '年初预算数', '调整数', '调整后预算数', '指标摘要'];

/** A 指标 export in 元: title, header, `n` lines (every third a project line), distinct per tag. */
export function budgetRows(tag: string, n: number): SheetRows {
  const rows: SheetRows = [[`${tag} 预算指标明细表`], BUDGET_HEADER];
  // Budget lines are matched by content, not by 文号 or note: the amounts carry the tag.
  const salt = [...tag].reduce((a, ch) => (a * 31 + (ch.codePointAt(0) ?? 0)) % 1_000_003, 7);
  for (let i = 0; i < n; i++) {
    const initial = 10_000 + ((i * 7919 + salt) % 900_000);
    const adjust = i % 4 === 0 ? 500 : 0;
    const project = i % 3 === 0;
    rows.push([
      `番财预〔2021〕${i + 1}号`,
      project ? `${tag}项目${i}` : '',
      '2010301 行政运行',
      ECON[i % ECON.length] ?? '',
      '一般公共预算财政拨款',
      project ? '项目支出' : '基本支出',
      initial,
      adjust,
      initial + adjust,
      `${tag} 指标 ${i}`,
    ]);
  }
  return rows;
}

function csvField(v: SheetCell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: SheetRows): string {
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function toXlsx(rows: SheetRows): Buffer {
  return handMadeXlsx(
    sheetXml(
      rows.map((cells, r) =>
        cells.flatMap((v, c): Array<{ r: string; s?: string; n?: number }> => {
          const ref = `${columnLetter(c)}${r + 1}`;
          if (v === null) return [];
          return typeof v === 'number' ? [{ r: ref, n: v }] : [{ r: ref, s: v }];
        }),
      ),
    ),
  );
}

export function toXls(rows: SheetRows): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '明细');
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

export function encodeSheet(rows: SheetRows, format: SheetFormat): Buffer {
  switch (format) {
    case 'csv-gbk':
      return iconv.encode(toCsv(rows), 'gbk');
    case 'csv-utf8':
      return Buffer.from(toCsv(rows), 'utf8');
    case 'xlsx':
      return toXlsx(rows);
    case 'xls':
      return toXls(rows);
  }
}

export function extensionOf(format: SheetFormat): string {
  return format.startsWith('csv') ? 'csv' : format;
}

/** Writes `rows` as `format` to `<base>.<ext>` and returns the path. */
export function writeSheet(base: string, rows: SheetRows, format: SheetFormat): string {
  const path = `${base}.${extensionOf(format)}`;
  writeFileSync(path, encodeSheet(rows, format));
  return path;
}
