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

/**
 * Spending no rule or person classified (未分类), per unit. 强制: the report prints 基本支出 and
 * 项目支出 (and 人员/公用经费) as parts of 总支出, and 未分类 rows belong to neither, so those
 * figures would not add up. Nothing but classifying them fixes it; 支出明细 opens filtered to them.
 */
export function unclassifiedFindings(input: CheckInput): FindingDraft[] {
  return input.unclassified
    .filter((u) => u.count > 0)
    .map((u) => ({
      subjectKey: `unit:${u.unitId}`,
      vars: { unit: u.unitName, count: String(u.count), amount: yuan(u.amountFen) },
      amountFen: u.amountFen,
      jump: { kind: 'page', page: 'transactions', filter: { unitId: u.unitId, category: 'unclassified', direction: 'out' } },
    }));
}
