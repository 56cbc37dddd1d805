import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SetupState } from '../../../shared/domain/organization.ts';
import { api } from '../api/client.ts';

interface Session {
  setup: SetupState | null;
  error: string | null;
  yearId: number | null;
  setYearId(id: number | null): void;
  reload(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const YEAR_KEY = 'selfeval.yearId';

// What every page needs: the department, its units and years, and which year is being worked on
// (remembered per browser session; the data itself lives only in the main process).
export function SessionProvider({ children }: { children: ReactNode }) {
  const [setup, setSetup] = useState<SetupState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [yearId, setYearIdState] = useState<number | null>(() => {
    const v = Number(sessionStorage.getItem(YEAR_KEY));
    return Number.isInteger(v) && v > 0 ? v : null;
  });

  const setYearId = useCallback((id: number | null) => {
    setYearIdState(id);
    if (id === null) sessionStorage.removeItem(YEAR_KEY);
    else sessionStorage.setItem(YEAR_KEY, String(id));
  }, []);

  const reload = useCallback(async () => {
    if (!api) return;
    try {
      const s = await api.call('setup.state', {});
      setSetup(s);
      setError(null);
      setYearIdState((current) => {
        const keep = s.years.some((y) => y.id === current) ? current : (s.years[0]?.id ?? null);
        if (keep === null) sessionStorage.removeItem(YEAR_KEY);
        else sessionStorage.setItem(YEAR_KEY, String(keep));
        return keep;
      });
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo(() => ({ setup, error, yearId, setYearId, reload }), [setup, error, yearId, setYearId, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function useCurrentYear() {
  const { setup, yearId } = useSession();
  return setup?.years.find((y) => y.id === yearId) ?? null;
}
