import type { AmountUnit } from '../../../../shared/money/fen.ts';
import { type CellMessages, type CellTexts, type ColumnKey, sameCells } from './grid-columns.ts';
import { convertAmountCells } from './line-cells.ts';

// The budget grid's rows and every change to them, as a reducer: typing, adding, removing,
// saving. What the user typed is only replaced when the row was saved unchanged since.

export interface GridRow {
  key: string;
  /** The budget line's id once saved. */
  id: number | null;
  cells: CellTexts;
  /** The cells as saved (for a new row: its starting template); a row differing from it is unsaved. */
  baseline: CellTexts;
  errors: CellMessages;
  /** A save failure not tied to one cell. */
  rowError: string | null;
  saving: boolean;
  /** Bumped by every edit, so a save that finishes late does not overwrite newer typing. */
  revision: number;
}

export const isDirty = (r: GridRow): boolean => !sameCells(r.cells, r.baseline);
export const hasErrors = (r: GridRow): boolean => r.rowError !== null || Object.keys(r.errors).length > 0;

export function newRow(key: string, cells: CellTexts, baseline: CellTexts, id: number | null = null): GridRow {
  return { key, id, cells, baseline, errors: {}, rowError: null, saving: false, revision: 0 };
}

export type GridAction =
  /** Server rows; local rows with unsaved typing are kept as they are. */
  | { type: 'load'; rows: GridRow[] }
  | { type: 'edit'; key: string; column: ColumnKey; text: string }
  | { type: 'append'; rows: GridRow[] }
  | { type: 'remove'; key: string }
  | { type: 'checked'; key: string; errors: CellMessages }
  | { type: 'saving'; key: string }
  | { type: 'saved'; key: string; revision: number; id: number; cells: CellTexts }
  | { type: 'failed'; key: string; errors: CellMessages; rowError: string | null }
  | { type: 'unit'; from: AmountUnit; to: AmountUnit };

function update(rows: GridRow[], key: string, f: (r: GridRow) => GridRow): GridRow[] {
  return rows.map((r) => (r.key === key ? f(r) : r));
}

export function gridReducer(rows: GridRow[], a: GridAction): GridRow[] {
  switch (a.type) {
    case 'load': {
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const byId = new Map(rows.filter((r) => r.id !== null).map((r) => [r.id, r]));
      const loaded = a.rows.map((r) => {
        const mine = byKey.get(r.key) ?? (r.id !== null ? byId.get(r.id) : undefined);
        return mine && (isDirty(mine) || hasErrors(mine) || mine.saving) ? mine : r;
      });
      const loadedKeys = new Set(loaded.map((r) => r.key));
      const unsavedNew = rows.filter((r) => r.id === null && !loadedKeys.has(r.key));
      return [...loaded, ...unsavedNew];
    }
    case 'edit':
      return update(rows, a.key, (r) => {
        const errors = { ...r.errors };
        delete errors[a.column];
        return { ...r, cells: { ...r.cells, [a.column]: a.text }, errors, rowError: null, revision: r.revision + 1 };
      });
    case 'append':
      return [...rows, ...a.rows];
    case 'remove':
      return rows.filter((r) => r.key !== a.key);
    case 'checked':
      return update(rows, a.key, (r) => ({ ...r, errors: a.errors }));
    case 'saving':
      return update(rows, a.key, (r) => ({ ...r, saving: true }));
    case 'saved':
      return update(rows, a.key, (r) =>
        r.revision === a.revision
          ? { ...r, id: a.id, cells: a.cells, baseline: a.cells, errors: {}, rowError: null, saving: false }
          : { ...r, id: a.id, baseline: a.cells, rowError: null, saving: false },
      );
    case 'failed':
      return update(rows, a.key, (r) => ({ ...r, errors: { ...r.errors, ...a.errors }, rowError: a.rowError, saving: false }));
    case 'unit':
      return rows.map((r) => ({
        ...r,
        cells: convertAmountCells(r.cells, a.from, a.to),
        baseline: convertAmountCells(r.baseline, a.from, a.to),
      }));
  }
}
