import { type RefObject, useCallback, useRef } from 'react';
import type { BudgetLine } from '../../../../shared/domain/budget-line.ts';
import { type GridAction, type GridRow, isDirty } from './grid-rows.ts';
import { lineToCells } from './line-cells.ts';
import { checkRow, type RowContext } from './normalize-line-cells.ts';
import { saveErrorCells, saveLine } from './save-line.ts';

interface Options {
  yearId: number;
  rowsRef: RefObject<GridRow[]>;
  dispatch(a: GridAction): void;
  /** Units and input unit as they are now. */
  context(): RowContext;
  onSaved(line: BudgetLine): void;
}

export interface LineSaver {
  /** Checks the row and, if it reads as a budget line, saves it; does nothing for an unchanged row. */
  saveRow(key: string): Promise<void>;
  /** The saved line's id of a grid row (a new row has one once its first save returned). */
  idOf(row: GridRow): number | null;
}

/**
 * Saves grid rows one after another, so a project named on two rows is created once and a new
 * row saved twice in quick succession is created once. Cells that cannot be read, or that the
 * service refuses, get their messages; the typed text stays.
 */
export function useLineSaver({ yearId, rowsRef, dispatch, context, onSaved }: Options): LineSaver {
  const savedIds = useRef(new Map<string, number>());
  const chain = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef({ context, onSaved });
  latest.current = { context, onSaved };

  const save = useCallback(
    async (key: string) => {
      const row = rowsRef.current.find((r) => r.key === key);
      if (!row || !isDirty(row)) return;
      const ctx = latest.current.context();
      const check = checkRow(row.cells, ctx);
      dispatch({ type: 'checked', key, errors: check.errors });
      if (!check.value) return;
      const revision = row.revision;
      dispatch({ type: 'saving', key });
      try {
        const line = await saveLine(yearId, savedIds.current.get(key) ?? row.id, check.value);
        savedIds.current.set(key, line.id);
        const now = latest.current.context();
        dispatch({ type: 'saved', key, revision, id: line.id, cells: lineToCells(line, now.units, now.amountUnit) });
        latest.current.onSaved(line);
      } catch (err) {
        dispatch({ type: 'failed', key, ...saveErrorCells(err) });
      }
    },
    [yearId, rowsRef, dispatch],
  );

  const saveRow = useCallback(
    (key: string) => {
      const next = chain.current.then(() => save(key));
      chain.current = next.catch(() => undefined);
      return next;
    },
    [save],
  );
  const idOf = useCallback((row: GridRow) => savedIds.current.get(row.key) ?? row.id, []);
  return { saveRow, idOf };
}
