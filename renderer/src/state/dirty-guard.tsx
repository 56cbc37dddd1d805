import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';

// Pages report unsaved edits here; navigation and closing the window ask before discarding them.
interface DirtyGuard {
  setDirty(key: string, dirty: boolean): void;
  isDirty(): boolean;
}

const DirtyContext = createContext<DirtyGuard | null>(null);

export function DirtyGuardProvider({ children }: { children: ReactNode }) {
  const dirty = useRef(new Set<string>());
  const setDirty = useCallback((key: string, value: boolean) => {
    if (value) dirty.current.add(key);
    else dirty.current.delete(key);
  }, []);
  const isDirty = useCallback(() => dirty.current.size > 0, []);
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  const value = useMemo(() => ({ setDirty, isDirty }), [setDirty, isDirty]);
  return <DirtyContext.Provider value={value}>{children}</DirtyContext.Provider>;
}

export function useDirtyGuard(): DirtyGuard {
  const g = useContext(DirtyContext);
  if (!g) throw new Error('useDirtyGuard outside DirtyGuardProvider');
  return g;
}

/** Marks this page dirty while `dirty` is true, and clean when it unmounts. */
export function useDirtyFlag(key: string, dirty: boolean): void {
  const { setDirty } = useDirtyGuard();
  useEffect(() => {
    setDirty(key, dirty);
    return () => setDirty(key, false);
  }, [key, dirty, setDirty]);
}
