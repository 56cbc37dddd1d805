import type { FindingDraft } from './check-definition.ts';
import type { CheckInput } from './check-input.ts';
import { yuan } from './message-format.ts';

export function outsideYearFindings(input: CheckInput): FindingDraft[] {
  return input.outsideYear.map((p) => ({
    subjectKey: `period:${p.period}`,
    vars: { period: p.period, year: String(input.year), count: String(p.count), amount: yuan(p.amountFen) },
    amountFen: p.amountFen,
    jump: { kind: 'page', page: 'transactions', filter: { period: p.period } },
  }));
}
