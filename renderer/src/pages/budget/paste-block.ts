import { matchHeader } from '../../../../shared/import/header-synonyms.ts';
import { headerKey } from '../../../../shared/import/normalize-text.ts';
import { type CellTexts, COLUMN_TITLES, type ColumnKey, EDIT_COLUMNS, EMPTY_CELLS } from './grid-columns.ts';

// Text copied from Excel: rows separated by line breaks, cells by tabs, a cell holding a tab, line
// break or quote wrapped in double quotes ("" inside stands for one quote).

/** True when clipboard text is a block (several cells), not one value for one cell. */
export function isBlock(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/(\r?\n)+$/, ''));
}

export function parseClipboardBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      // Quoted cell: up to the closing quote that is not doubled.
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          value += text.slice(j);
          j = text.length;
          break;
        }
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      cell += value;
      i = j;
      atCellStart = false;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const TITLE_KEYS = new Map<string, ColumnKey>([
  ...EDIT_COLUMNS.map((c) => [headerKey(COLUMN_TITLES[c]), c] as [string, ColumnKey]),
  [headerKey('单位名称'), 'unit'],
  [headerKey('预算单位'), 'unit'],
  [headerKey('项目'), 'projectName'],
]);

const IMPORT_FIELD_COLUMNS: Partial<Record<string, ColumnKey>> = {
  funcCode: 'funcCode',
  funcName: 'funcName',
  econCode: 'econCode',
  econName: 'econName',
  projectName: 'projectName',
  initial: 'initial',
  adjustment: 'adjustment',
  fundingSource: 'fundingSource',
  category: 'category',
  docNo: 'docNo',
  note: 'note',
};

function headerColumn(text: string): ColumnKey | null {
  const own = TITLE_KEYS.get(headerKey(text));
  if (own) return own;
  const m = matchHeader(text, 'budget');
  return m ? (IMPORT_FIELD_COLUMNS[m.field] ?? null) : null;
}

/**
 * Which grid column each pasted column fills. A first row whose cells are (mostly) column names
 * is a header and decides; otherwise the block is read in the grid's column order.
 */
export function mapColumns(block: string[][]): { header: boolean; columns: Array<ColumnKey | null> } {
  const first = block[0] ?? [];
  const named = first.map((c) => (c.trim() === '' ? null : headerColumn(c)));
  const filled = first.filter((c) => c.trim() !== '').length;
  const recognised = named.filter((c) => c !== null).length;
  if (filled > 0 && recognised >= Math.max(2, Math.ceil(filled / 2))) {
    const seen = new Set<ColumnKey>();
    return {
      header: true,
      columns: named.map((c) => {
        if (c === null || seen.has(c)) return null;
        seen.add(c);
        return c;
      }),
    };
  }
  const width = Math.max(...block.map((r) => r.length));
  return { header: false, columns: Array.from({ length: width }, (_, i) => EDIT_COLUMNS[i] ?? null) };
}

/** The pasted rows as grid cell texts (not yet checked). */
export function pastedRows(text: string): { rows: CellTexts[]; header: boolean; ignoredColumns: number } {
  const block = parseClipboardBlock(text);
  if (block.length === 0) return { rows: [], header: false, ignoredColumns: 0 };
  const { header, columns } = mapColumns(block);
  const body = header ? block.slice(1) : block;
  const rows = body.map((r) => {
    const cells = { ...EMPTY_CELLS };
    r.forEach((value, i) => {
      const col = columns[i];
      if (col) cells[col] = value;
    });
    return cells;
  });
  const ignoredColumns = columns.filter((c) => c === null).length;
  return { rows, header, ignoredColumns };
}
