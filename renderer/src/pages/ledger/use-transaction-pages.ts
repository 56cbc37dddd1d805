import { useCallback, useEffect, useRef, useState } from 'react';
import type { DrillFilter, TransactionRow } from '../../../../shared/budget/schemas.ts';
import { api } from '../../api/client.ts';

export const PAGE_SIZE = 200;
const MAX_IN_FLIGHT = 2;
// About 12 000 rows kept in memory; pages far from the view are dropped and fetched again if needed.
const MAX_PAGES = 60;

export interface TransactionSums {
  spentFen: number;
  incomeFen: number;
}

const NO_SUMS: TransactionSums = { spentFen: 0, incomeFen: 0 };

export interface TransactionPages {
  /** Rows matching the filter; null until the first page arrives. */
  total: number | null;
  /** Spending and income over every matching row, never summed together. */
  sums: TransactionSums;
  error: string | null;
  rowAt(index: number): TransactionRow | undefined;
  /** The grid's visible rows: the pages covering them are fetched. */
  setVisible(first: number, last: number): void;
  /** Fetches the loaded pages again (after an edit), showing the old rows until the new ones land. */
  refresh(): void;
}

/**
 * The year's transactions for a filter, fetched from the main process page by page as the grid
 * scrolls. At most two requests run at once, always for the pages now in view, so a fast scroll
 * through 100 000 rows does not queue up every page it passed.
 */
export function useTransactionPages(yearId: number | null, filter: DrillFilter): TransactionPages {
  const filterKey = JSON.stringify(filter);
  const query = useRef({ yearId, filter });
  query.current = { yearId, filter };
  const generation = useRef(0);
  const pages = useRef(new Map<number, TransactionRow[]>());
  const stale = useRef(new Map<number, TransactionRow[]>());
  const inFlight = useRef(new Set<number>());
  const wanted = useRef({ first: 0, last: PAGE_SIZE - 1 });
  const totalRef = useRef<number | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [sums, setSums] = useState<TransactionSums>(NO_SUMS);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);

  const evict = useCallback(() => {
    if (pages.current.size <= MAX_PAGES) return;
    const centre = Math.floor((wanted.current.first + wanted.current.last) / 2 / PAGE_SIZE);
    const far = [...pages.current.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of far.slice(0, pages.current.size - MAX_PAGES)) pages.current.delete(p);
  }, []);

  const pump = useCallback(() => {
    const { yearId: y, filter: f } = query.current;
    if (!api || y === null) return;
    const firstPage = Math.floor(wanted.current.first / PAGE_SIZE);
    const lastPage = Math.floor(wanted.current.last / PAGE_SIZE);
    for (let p = firstPage; p <= lastPage && inFlight.current.size < MAX_IN_FLIGHT; p++) {
      if (pages.current.has(p) || inFlight.current.has(p)) continue;
      if (totalRef.current !== null && p * PAGE_SIZE >= totalRef.current && p > 0) continue;
      const gen = generation.current;
      inFlight.current.add(p);
      api
        .call('execution.transactions', { yearId: y, ...f, offset: p * PAGE_SIZE, limit: PAGE_SIZE })
        .then((res) => {
          if (gen !== generation.current) return;
          pages.current.set(p, res.rows);
          stale.current.delete(p);
          totalRef.current = res.total;
          setTotal(res.total);
          setSums({ spentFen: res.spentFen, incomeFen: res.incomeFen });
          setError(null);
          evict();
          setVersion((v) => v + 1);
        })
        .catch((err: unknown) => {
          if (gen === generation.current) setError(err instanceof Error ? err.message : String(err));
        })
        .finally(() => {
          if (gen !== generation.current) return;
          inFlight.current.delete(p);
          pump();
        });
    }
  }, [evict]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised filter is the dependency
  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    stale.current = new Map();
    inFlight.current = new Set();
    totalRef.current = null;
    wanted.current = { first: 0, last: PAGE_SIZE - 1 };
    setTotal(null);
    setSums(NO_SUMS);
    setError(null);
    pump();
  }, [yearId, filterKey, pump]);

  const setVisible = useCallback(
    (first: number, last: number) => {
      wanted.current = { first, last };
      pump();
    },
    [pump],
  );

  const refresh = useCallback(() => {
    generation.current++;
    stale.current = new Map([...stale.current, ...pages.current]);
    pages.current = new Map();
    inFlight.current = new Set();
    pump();
  }, [pump]);

  const rowAt = useCallback((index: number) => {
    const p = Math.floor(index / PAGE_SIZE);
    const page = pages.current.get(p) ?? stale.current.get(p);
    return page?.[index - p * PAGE_SIZE];
  }, []);

  return { total, sums, error, rowAt, setVisible, refresh };
}
