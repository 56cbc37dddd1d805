import type { FindingDraft } from './check-definition.ts';
import type { CheckInput } from './check-input.ts';
import { yuan } from './message-format.ts';

// Spending not linked to a budget line, per unit, with why the automatic link left it.

export function unmatchedFindings(input: CheckInput): FindingDraft[] {
  return input.unmatched
    .filter((u) => u.noMatchCount + u.ambiguousCount + u.linkableCount > 0)
    .map((u) => ({
      subjectKey: `unit:${u.unitId}`,
      vars: {
        unit: u.unitName,
        count: String(u.noMatchCount + u.ambiguousCount + u.linkableCount),
        amount: yuan(u.noMatchFen + u.ambiguousFen + u.linkableFen),
        noMatch: String(u.noMatchCount),
        ambiguous: String(u.ambiguousCount),
        linkable: String(u.linkableCount),
      },
      amountFen: u.noMatchFen + u.ambiguousFen + u.linkableFen,
      jump: { kind: 'page', page: 'transactions', filter: { unitId: u.unitId, unmatchedOnly: true, direction: 'out' } },
    }));
}
