import { useEffect, useState } from 'react';
import { clearJump, type JumpRoute, peekJump, type StoredJump } from './jump-target.ts';

/**
 * The jump this page was opened with, read once on mount. It is read in the state initialiser
 * and removed in an effect, so React's double-invoked initialisers in development both see it.
 */
export function useJump(route: JumpRoute): StoredJump | null {
  const [jump] = useState(() => peekJump(route));
  useEffect(() => {
    if (jump) clearJump();
  }, [jump]);
  return jump;
}
