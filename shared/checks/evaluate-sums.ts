import { displayedWanGapFen } from '../budget/display-rounding.ts';
import { formatWan } from '../money/fen.ts';
import type { FindingDraft } from './check-definition.ts';
import type { CategoryAmounts, CheckInput } from './check-input.ts';
import { yuan } from './message-format.ts';

// 分项合计与总数: the exact category parts (from the rollup every breakdown reads) must equal the
// total summed from the ledger itself, and the parts as displayed in 万元 should add up to the
// displayed total.

const sumCategories = (c: CategoryAmounts) => c.personnel + c.public + c.project + c.unclassified;

function mismatch(subjectKey: string, what: string, parts: number, total: number): FindingDraft[] {
  if (parts === total) return [];
  return [
    {
      subjectKey,
      vars: { what, parts: yuan(parts), total: yuan(total), diff: yuan(parts - total) },
      amountFen: parts - total,
      jump: { kind: 'page', page: 'execution', filter: {} },
    },
  ];
}

export function partsSumFindings(input: CheckInput): FindingDraft[] {
  return [
    ...mismatch('budget:category', '预算数按支出类别（人员经费＋公用经费＋项目支出）', sumCategories(input.budget.byCategory), input.budget.finalFen),
    ...mismatch('actual:category', '支出数按支出类别（人员经费＋公用经费＋项目支出＋未分类）', sumCategories(input.actual.byCategory), input.actual.ledgerTotalFen),
  ];
}

function displayGap(subjectKey: string, what: string, parts: number[], total: number): FindingDraft[] {
  const gap = displayedWanGapFen(parts, total);
  if (gap === 0) return [];
  const shown = parts.map((p) => formatWan(p)).join(' + ');
  return [
    {
      subjectKey,
      vars: { what, parts: shown, total: formatWan(total), gap: formatWan(Math.abs(gap)) },
      amountFen: gap,
      jump: { kind: 'page', page: 'execution', filter: {} },
    },
  ];
}

export function displayRoundingFindings(input: CheckInput): FindingDraft[] {
  const a = input.actual.byCategory;
  const b = input.budget.byCategory;
  const actualTotal = sumCategories(a);
  return [
    ...displayGap('actual:basic+project', '支出：基本支出＋项目支出', [a.personnel + a.public, a.project], actualTotal),
    ...displayGap('actual:personnel+public', '基本支出：人员经费＋公用经费', [a.personnel, a.public], a.personnel + a.public),
    ...displayGap('budget:basic+project', '预算：基本支出＋项目支出', [b.personnel + b.public, b.project], sumCategories(b)),
  ];
}
