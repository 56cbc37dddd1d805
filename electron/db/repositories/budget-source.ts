import type { BudgetFundingSource, FundingSource } from '../../../shared/domain/enums.ts';

// A budget line's source as stored (migration 0009): 上年结转结余 is a flag beside funding_source.
// Carry-over entered without saying where it came from is taken as general-budget money, the
// usual case, so spending paid from it links to the line.

export function storedBudgetSource(source: BudgetFundingSource): { fundingSource: FundingSource; carryOver: 0 | 1 } {
  return source === 'carry_over' ? { fundingSource: 'general_budget', carryOver: 1 } : { fundingSource: source, carryOver: 0 };
}
