import type { BudgetLineExecutionRow } from '../../../../shared/budget/schemas.ts';
import { formatWan } from '../../../../shared/money/fen.ts';

export interface LineMatchKey {
  unitId: number;
  fundingSource: string;
  category: string;
  projectId: number | null;
  econCode: string;
  funcCode: string;
}

export function lineLabel(l: BudgetLineExecutionRow): string {
  return `#${l.budgetLineId} ${l.label}（功能 ${l.funcCode || '—'} / 经济 ${l.econCode || '—'}，预算 ${formatWan(l.finalFen)} 万元）`;
}

function matches(l: BudgetLineExecutionRow, k: LineMatchKey): boolean {
  return (
    l.unitId === k.unitId &&
    l.fundingSource === k.fundingSource &&
    l.category === k.category &&
    l.projectId === k.projectId &&
    l.econCode === k.econCode &&
    l.funcCode === k.funcCode
  );
}

/** Budget line choices for a transaction, the lines with the same unit, source, category, project and codes first. */
export function lineOptions(lines: readonly BudgetLineExecutionRow[], key: LineMatchKey | null): Array<{ value: number; label: string }> {
  const scored = lines.map((l) => ({ l, match: key !== null && matches(l, key) }));
  scored.sort((a, b) => Number(b.match) - Number(a.match) || a.l.budgetLineId - b.l.budgetLineId);
  return scored.map(({ l, match }) => ({ value: l.budgetLineId, label: `${match ? '【匹配】' : ''}${lineLabel(l)}` }));
}
