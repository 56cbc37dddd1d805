import type { CodeKind } from '../budget/code-list.ts';
import type { RawRow } from '../import/cell.ts';
import { cellToText } from '../import/cell-text.ts';
import { headerKey } from '../import/normalize-text.ts';
import { splitCodeName } from '../import/split-code-name.ts';
import { kindOfCode } from './code-names.ts';

// A 科目表 as finance systems export it: a 科目编码 column and a 科目名称 column under a title, or
// one column of "2010601 行政运行" cells, sometimes a 分类 column saying 功能分类 / 经济分类. The
// columns are found the way the import wizard finds its header: by the words above them.

export interface CodeTableRow {
  kind: CodeKind;
  code: string;
  name: string;
  row: number;
}

export interface CodeTable {
  sheet: string;
  /** 1-based header row, or null when the sheet has no header and cells carry code and name together. */
  headerRow: number | null;
  entries: CodeTableRow[];
  skipped: Array<{ row: number; message: string }>;
}

const CODE_HEADER = /^(?:(?:功能|经济)?(?:分类)?(?:科目)?(?:编码|代码|编号)|code)$/;
const NAME_HEADER = /^(?:(?:功能|经济)?(?:分类)?(?:科目)?名称|name)$/;
const KIND_HEADER = /^(?:分类|类别|科目类别|科目类型|类型|分类体系)$/;
const HEADER_SCAN = 30;

interface Columns {
  row: number;
  code: number;
  name: number;
  kind: number | null;
}

function findColumns(rows: readonly RawRow[]): Columns | null {
  for (const r of rows.slice(0, HEADER_SCAN)) {
    const keys = r.cells.map((c) => headerKey(cellToText(c)));
    const code = keys.findIndex((k) => CODE_HEADER.test(k));
    const name = keys.findIndex((k, i) => i !== code && NAME_HEADER.test(k));
    if (code < 0 || name < 0) continue;
    const kind = keys.findIndex((k) => KIND_HEADER.test(k));
    return { row: r.row, code, name, kind: kind < 0 ? null : kind };
  }
  return null;
}

function statedKind(text: string): CodeKind | null {
  if (text.includes('功能')) return 'func';
  if (text.includes('经济')) return 'econ';
  return null;
}

/** The code and name of one data row, or why it was left out (null: a blank or title row, said nothing). */
function readRow(r: RawRow, cols: Columns | null): CodeTableRow | { row: number; message: string } | null {
  let code: string;
  let name: string;
  let stated: CodeKind | null = null;
  if (cols) {
    const split = splitCodeName(cellToText(r.cells[cols.code]));
    code = split.code;
    name = cellToText(r.cells[cols.name], 100) || split.name;
    if (cols.kind !== null) stated = statedKind(cellToText(r.cells[cols.kind]));
    if (code === '' && name === '') return null;
  } else {
    const first = r.cells.map((c) => cellToText(c)).find((t) => t !== '');
    if (first === undefined) return null;
    const split = splitCodeName(first);
    if (split.code === '') return null;
    code = split.code;
    name = split.name || cellToText(r.cells[r.cells.findIndex((c) => cellToText(c) !== '') + 1], 100);
  }
  if (code === '') return { row: r.row, message: `第 ${r.row} 行没有科目编码，已跳过` };
  const kind = stated ?? kindOfCode(code);
  if (kind === null || kindOfCode(code) !== kind) {
    return { row: r.row, message: `第 ${r.row} 行的编码 ${code} 不是支出功能分类或经济分类编码，已跳过` };
  }
  if (name === '') return { row: r.row, message: `第 ${r.row} 行的编码 ${code} 没有名称，已跳过` };
  return { kind, code, name: name.slice(0, 100), row: r.row };
}

/** The codes and names one sheet holds; a code given twice keeps its first name. */
export function readCodeTable(sheet: string, rows: readonly RawRow[]): CodeTable {
  const cols = findColumns(rows);
  const entries: CodeTableRow[] = [];
  const skipped: CodeTable['skipped'] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (cols && r.row <= cols.row) continue;
    const read = readRow(r, cols);
    if (read === null) continue;
    if ('message' in read) {
      skipped.push(read);
      continue;
    }
    const key = `${read.kind}:${read.code}`;
    if (seen.has(key)) {
      skipped.push({ row: r.row, message: `第 ${r.row} 行的编码 ${read.code} 与前面重复，已跳过` });
      continue;
    }
    seen.add(key);
    entries.push(read);
  }
  return { sheet, headerRow: cols?.row ?? null, entries, skipped };
}

/** The sheet of a workbook that holds the most codes (a 科目表 export may carry a cover sheet). */
export function bestCodeTable(tables: readonly CodeTable[]): CodeTable | null {
  let best: CodeTable | null = null;
  for (const t of tables) if (t.entries.length > 0 && (!best || t.entries.length > best.entries.length)) best = t;
  return best;
}
