import type { CodeLists } from '../budget/code-list.ts';
import type { Category, FundingSource } from '../domain/enums.ts';

// Everything the checks look at, gathered in one pass by electron/db/repositories/execution-check-repo.ts
// (all aggregated in SQL, mostly from ledger_rollup), so the evaluators stay pure and table-tested.

export interface CategoryAmounts {
  personnel: number;
  public: number;
  project: number;
  /** 未分类 spending (bank rows no rule or person classified); a budget is never 未分类. */
  unclassified: number;
}

/** A unit's spending rows still 未分类. */
export interface UnclassifiedFact {
  unitId: number;
  unitName: string;
  count: number;
  amountFen: number;
}

export interface LineFact {
  id: number;
  unitId: number;
  unitName: string;
  category: Category;
  fundingSource: FundingSource;
  projectId: number | null;
  projectName: string | null;
  econCode: string;
  econName: string;
  funcCode: string;
  funcName: string;
  initialFen: number;
  adjustmentFen: number;
  finalFen: number;
  actualFen: number;
  txnCount: number;
}

export interface NamedExecution {
  id: number;
  name: string;
  finalFen: number;
  actualFen: number;
}

export interface UnmatchedFact {
  unitId: number;
  unitName: string;
  /** Rows for which no budget line has the same keys. */
  noMatchCount: number;
  noMatchFen: number;
  /** Rows for which several lines match, so the automatic link left them. */
  ambiguousCount: number;
  ambiguousFen: number;
  /** Rows with exactly one matching line that are not linked yet (the automatic link will take them). */
  linkableCount: number;
  linkableFen: number;
}

export interface CodeUseFact {
  source: 'budget' | 'ledger';
  kind: 'econ' | 'func';
  code: string;
  count: number;
  amountFen: number;
  /** For budget lines: the first line using it (jump target). */
  firstLineId: number | null;
}

export interface CategoryEconFact {
  source: 'budget' | 'ledger';
  category: Category;
  econClass: string;
  count: number;
  amountFen: number;
  firstLineId: number | null;
}

export interface PeriodFact {
  period: string;
  count: number;
  amountFen: number;
}

export interface NegativeSpendingFact {
  unitId: number;
  unitName: string;
  category: Category;
  econCode: string;
  amountFen: number;
  count: number;
}

export interface YearActuals {
  year: number;
  totalFen: number;
  byCategory: CategoryAmounts;
  byFundingSource: Partial<Record<FundingSource, number>>;
  byEconClass: Record<string, number>;
}

export interface CheckInput {
  year: number;
  codes: CodeLists;
  budget: {
    /** 年初预算 and 调整 of this year's money (上年结转结余 left out), for 预算调整率. */
    initialFen: number;
    adjustmentFen: number;
    /** 全年预算数, carry-over included. */
    finalFen: number;
    byCategory: CategoryAmounts;
  };
  actual: {
    /**
     * Straight from ledger_txn, independent of ledger_rollup, which every breakdown reads (all
     * breakdowns of the rollup add up to the same rollup total, so this is the one comparison
     * that can catch a figure that does not add up).
     */
    ledgerTotalFen: number;
    byCategory: CategoryAmounts;
    byFundingSource: Partial<Record<FundingSource, number>>;
    byEconClass: Record<string, number>;
  };
  lines: LineFact[];
  units: NamedExecution[];
  projects: NamedExecution[];
  unmatched: UnmatchedFact[];
  unclassified: UnclassifiedFact[];
  codeUse: CodeUseFact[];
  categoryEcon: CategoryEconFact[];
  outsideYear: PeriodFact[];
  /** Spending in each month of the year (index 0 = January), 12 entries, for the progress check. */
  monthlyActualFen: number[];
  /** Quarter-end cumulative targets, hundredths of a percent. */
  targetsBp: Record<number, number>;
  negativeSpending: NegativeSpendingFact[];
  lastYear: YearActuals | null;
}
