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

/** A self-scored indicator of the department framework that counts the year's key tasks (work_tasks). */
export interface KeyTaskIndicatorFact {
  code: string;
  name: string;
  weightCenti: number;
  /** null while not scored. */
  scoreCenti: number | null;
}

/** A 重点工作任务 none of whose measures has a 目标值: its completion cannot be measured. */
export interface UntargetedTaskFact {
  id: number;
  title: string;
}

/** A section of the year's outline the office still has to write (see shared/report/unwritten-sections.ts). */
export interface UnwrittenSectionFact {
  /** "综合评价分析 › 存在的主要问题". */
  title: string;
  /** The first blank item: a content key, or null for the section's own text. */
  key: string | null;
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
  /**
   * Quarter-end cumulative targets the office set, hundredths of a percent. A quarter it left
   * unset is checked against the default even pace, and the finding says so.
   */
  targetsBp: Record<number, number>;
  negativeSpending: NegativeSpendingFact[];
  lastYear: YearActuals | null;
  /** Absent when the caller does not gather the report side (old callers, plain execution checks). */
  keyTaskIndicators?: KeyTaskIndicatorFact[];
  taskCount?: number;
  untargetedTasks?: UntargetedTaskFact[];
  unwrittenSections?: UnwrittenSectionFact[];
}
