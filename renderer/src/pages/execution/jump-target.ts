import { DrillFilter } from '../../../../shared/budget/schemas.ts';
import type { JumpTarget } from '../../../../shared/checks/schemas.ts';

// A 审核 finding (or a drill-down) sends the user to the page where the data can be fixed. The
// filter travels in sessionStorage under JUMP_KEY; the target page takes it once on mount.

export const JUMP_KEY = 'selfeval.jump';

export type JumpRoute = 'ledger' | 'budget' | 'execution' | 'codes' | 'report' | 'work' | 'profile';

export interface StoredJump {
  route: JumpRoute;
  filter: DrillFilter;
  /** A single transaction to open (the ledger cannot filter by id). */
  txnId?: number;
  /** Show the quarterly targets editor (execution page). */
  targets?: boolean;
  /** The report part to open (report page): a content key, or 'outline' for the outline editor. */
  section?: string;
}

/** Report parts written on other pages than 报告. */
const SECTION_ROUTES: Record<string, JumpRoute> = { duties: 'profile', overall_goal: 'profile', organization: 'profile', work_results: 'work' };

/** Where a finding's jump leads. */
export function jumpFor(target: JumpTarget): StoredJump {
  if (target.kind === 'work') return { route: 'work', filter: {} };
  if (target.kind === 'report') {
    const route = SECTION_ROUTES[target.section] ?? 'report';
    return route === 'report' ? { route, filter: {}, section: target.section } : { route, filter: {} };
  }
  if (target.kind === 'page') {
    switch (target.page) {
      case 'transactions':
        return { route: 'ledger', filter: target.filter };
      case 'budget':
      case 'projects':
        return { route: 'budget', filter: target.filter };
      case 'execution':
        return { route: 'execution', filter: target.filter };
      case 'codes':
        return { route: 'codes', filter: target.filter };
    }
  }
  switch (target.entity) {
    case 'budget_line':
      return { route: 'budget', filter: { budgetLineId: target.id } };
    case 'project':
      return { route: 'budget', filter: { projectId: target.id } };
    case 'ledger_txn':
      return { route: 'ledger', filter: {}, txnId: target.id };
    case 'unit':
      return { route: 'execution', filter: { unitId: target.id } };
    case 'execution_target':
      return { route: 'execution', filter: {}, targets: true };
  }
}

/** Stores the jump and switches the page (App follows the hash). */
export function navigateWithJump(jump: StoredJump): void {
  sessionStorage.setItem(JUMP_KEY, JSON.stringify(jump));
  window.location.hash = `#/${jump.route}`;
}

/** The pending jump for `route` without removing it; null when there is none or it is for another page. */
export function peekJump(route: JumpRoute): StoredJump | null {
  const raw = sessionStorage.getItem(JUMP_KEY);
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { route?: unknown }).route !== route) return null;
  const p = parsed as Partial<StoredJump>;
  const filter = DrillFilter.safeParse(p.filter ?? {});
  return {
    route,
    filter: filter.success ? filter.data : {},
    ...(typeof p.txnId === 'number' ? { txnId: p.txnId } : {}),
    ...(p.targets === true ? { targets: true } : {}),
    ...(typeof p.section === 'string' ? { section: p.section } : {}),
  };
}

export function clearJump(): void {
  sessionStorage.removeItem(JUMP_KEY);
}
