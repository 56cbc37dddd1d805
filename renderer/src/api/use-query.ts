import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract.ts';
import { api } from './client.ts';

export interface QueryState<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  reload(): Promise<void>;
}

/** Loads one API query and reloads when `key` changes (pass null to skip, e.g. no year chosen yet). */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null): QueryState<MethodOutput<M>> {
  const [data, setData] = useState<MethodOutput<M> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised input is the dependency
  const reload = useCallback(async () => {
    if (!api || input === null) return;
    setLoading(true);
    try {
      setData(await api.call(method, input));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setLoading(false);
    }
  }, [method, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, loading, error, reload };
}
