import { toCodeList } from '../../../shared/budget/code-list.ts';
import type { CheckInput, LineFact } from '../../../shared/checks/check-input.ts';

// A small year that passes every check: two lines, fully spent on schedule, codes listed.

export const CODES = {
  econ: toCodeList({
    kind: 'econ',
    title: 'e',
    edition: '2021',
    source: '',
    codes: [
      { code: '301', name: '工资福利支出' },
      { code: '30101', name: '基本工资' },
      { code: '302', name: '商品和服务支出' },
      { code: '30201', name: '办公费' },
      { code: '310', name: '资本性支出' },
    ],
  }),
  func: toCodeList({
    kind: 'func',
    title: 'f',
    edition: '2021',
    source: '',
    codes: [
      { code: '201', name: '一般公共服务支出' },
      { code: '2010301', name: '行政运行' },
    ],
  }),
};

export function line(over: Partial<LineFact> = {}): LineFact {
  return {
    id: 1,
    unitId: 1,
    unitName: '本级',
    category: 'personnel',
    fundingSource: 'general_budget',
    projectId: null,
    projectName: null,
    econCode: '30101',
    econName: '基本工资',
    funcCode: '2010301',
    funcName: '',
    initialFen: 1_200_000_00,
    adjustmentFen: 0,
    finalFen: 1_200_000_00,
    actualFen: 1_200_000_00,
    txnCount: 12,
    ...over,
  };
}

export function cleanInput(): CheckInput {
  const total = 2_400_000_00;
  return {
    year: 2021,
    codes: CODES,
    budget: { initialFen: total, adjustmentFen: 0, finalFen: total, byCategory: { personnel: total / 2, public: total / 2, project: 0, unclassified: 0 } },
    actual: {
      ledgerTotalFen: total,
      byCategory: { personnel: total / 2, public: total / 2, project: 0, unclassified: 0 },
      byFundingSource: { general_budget: total },
      byEconClass: { '301': total / 2, '302': total / 2 },
    },
    lines: [line(), line({ id: 2, category: 'public', econCode: '30201', econName: '办公费' })],
    units: [{ id: 1, name: '本级', finalFen: total, actualFen: total }],
    projects: [],
    unmatched: [],
    unclassified: [],
    codeUse: [
      { source: 'budget', kind: 'econ', code: '30101', count: 1, amountFen: total / 2, firstLineId: 1 },
      { source: 'budget', kind: 'econ', code: '30201', count: 1, amountFen: total / 2, firstLineId: 2 },
      { source: 'budget', kind: 'func', code: '2010301', count: 2, amountFen: total, firstLineId: 1 },
      { source: 'ledger', kind: 'econ', code: '30101', count: 12, amountFen: total / 2, firstLineId: null },
      { source: 'ledger', kind: 'econ', code: '30201', count: 12, amountFen: total / 2, firstLineId: null },
      { source: 'ledger', kind: 'func', code: '2010301', count: 24, amountFen: total, firstLineId: null },
    ],
    categoryEcon: [
      { source: 'budget', category: 'personnel', econClass: '301', count: 1, amountFen: total / 2, firstLineId: 1 },
      { source: 'ledger', category: 'public', econClass: '302', count: 12, amountFen: total / 2, firstLineId: null },
    ],
    outsideYear: [],
    monthlyActualFen: Array.from({ length: 12 }, () => total / 12),
    targetsBp: { 1: 2500, 2: 5000, 3: 7500, 4: 10000 },
    negativeSpending: [],
    lastYear: {
      year: 2020,
      totalFen: total,
      byCategory: { personnel: total / 2, public: total / 2, project: 0, unclassified: 0 },
      byFundingSource: { general_budget: total },
      byEconClass: { '301': total / 2, '302': total / 2 },
    },
  };
}
