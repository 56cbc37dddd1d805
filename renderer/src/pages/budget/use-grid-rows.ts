import { type RefObject, useCallback, useRef, useState } from 'react';
import { type GridAction, type GridRow, gridReducer } from './grid-rows.ts';

/**
 * The grid rows as a store that changes synchronously: a save started right after a paste or an
 * edit reads the rows as they are now, not as of the last render.
 */
export function useGridRows(): [GridRow[], (a: GridAction) => void, RefObject<GridRow[]>] {
  const ref = useRef<GridRow[]>([]);
  const [rows, setRows] = useState<GridRow[]>([]);
  const dispatch = useCallback((a: GridAction) => {
    ref.current = gridReducer(ref.current, a);
    setRows(ref.current);
  }, []);
  return [rows, dispatch, ref];
}
