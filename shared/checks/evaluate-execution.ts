import { monthRows, quarterRows } from '../budget/quarter-progress.ts';
import { ratio } from '../money/rate.ts';
import type { FindingDraft } from './check-definition.ts';
import type { CheckInput } from './check-input.ts';
import { CATEGORY_KEYS, categoryLabel, percent, yuan } from './message-format.ts';
import type { JumpTarget } from './schemas.ts';

// 执行率超过 100%, negative balances and budgets, spending that nets below zero, lines never spent,
// quarterly progress behind target, and a high 预算调整率.

function over(subjectKey: string, what: string, finalFen: number, actualFen: number, jump: JumpTarget): FindingDraft[] {
  if (actualFen <= finalFen || actualFen <= 0) return [];
  const r = ratio(actualFen, finalFen);
  return [
    {
      subjectKey,
      vars: { what, final: yuan(finalFen), actual: yuan(actualFen), rate: r === null || finalFen < 0 ? '无预算' : percent(r), excess: yuan(actualFen - finalFen) },
      amountFen: actualFen - finalFen,
      jump,
    },
  ];
}

export function overExecutionFindings(input: CheckInput): FindingDraft[] {
  const totalFinal = input.budget.finalFen;
  const out = over('total', '部门整体', totalFinal, input.actual.ledgerTotalFen, { kind: 'page', page: 'execution', filter: {} });
  for (const u of input.units) {
    out.push(...over(`unit:${u.id}`, u.name, u.finalFen, u.actualFen, { kind: 'page', page: 'execution', filter: { unitId: u.id } }));
  }
  for (const c of CATEGORY_KEYS) {
    out.push(
      ...over(`category:${c}`, categoryLabel(c), input.budget.byCategory[c], input.actual.byCategory[c], {
        kind: 'page',
        page: 'transactions',
        filter: { category: c, direction: 'out' },
      }),
    );
  }
  for (const p of input.projects) {
    out.push(...over(`project:${p.id}`, `项目“${p.name}”`, p.finalFen, p.actualFen, { kind: 'entity', entity: 'project', id: p.id }));
  }
  return out;
}

function lineLabel(l: CheckInput['lines'][number]): string {
  const project = l.projectName ? `项目“${l.projectName}”` : categoryLabel(l.category);
  const econ = l.econCode ? `${l.econCode}${l.econName ? ` ${l.econName}` : ''}` : '未填经济分类';
  return `${l.unitName} ${project} ${econ}`;
}

export function negativeLineBalanceFindings(input: CheckInput): FindingDraft[] {
  return input.lines
    .filter((l) => l.finalFen >= 0 && l.actualFen > l.finalFen)
    .map((l) => ({
      subjectKey: `line:${l.id}`,
      vars: { what: lineLabel(l), final: yuan(l.finalFen), actual: yuan(l.actualFen), balance: yuan(l.finalFen - l.actualFen) },
      amountFen: l.finalFen - l.actualFen,
      jump: { kind: 'entity', entity: 'budget_line', id: l.id },
    }));
}

export function negativeBudgetFindings(input: CheckInput): FindingDraft[] {
  return input.lines
    .filter((l) => l.finalFen < 0)
    .map((l) => ({
      subjectKey: `line:${l.id}`,
      vars: { what: lineLabel(l), initial: yuan(l.initialFen), adjustment: yuan(l.adjustmentFen), final: yuan(l.finalFen) },
      amountFen: l.finalFen,
      jump: { kind: 'entity', entity: 'budget_line', id: l.id },
    }));
}

export function negativeSpendingFindings(input: CheckInput): FindingDraft[] {
  return input.negativeSpending.map((g) => ({
    subjectKey: `unit:${g.unitId}|${g.category}|${g.econCode}`,
    vars: { unit: g.unitName, category: categoryLabel(g.category), econ: g.econCode || '未填经济分类', amount: yuan(g.amountFen), count: String(g.count) },
    amountFen: g.amountFen,
    jump: {
      kind: 'page',
      page: 'transactions',
      filter: { unitId: g.unitId, category: g.category, econCode: g.econCode, direction: 'out' },
    },
  }));
}

export function unspentLineFindings(input: CheckInput): FindingDraft[] {
  return input.lines
    .filter((l) => l.finalFen > 0 && l.txnCount === 0)
    .map((l) => ({
      subjectKey: `line:${l.id}`,
      vars: { what: lineLabel(l), final: yuan(l.finalFen) },
      amountFen: l.finalFen,
      jump: { kind: 'entity', entity: 'budget_line', id: l.id },
    }));
}

/** Quarters whose three months all lie at or before the last month with any spending. */
export function progressFindings(input: CheckInput): FindingDraft[] {
  const lastMonth = input.monthlyActualFen.reduce((last, fen, i) => (fen !== 0 ? i + 1 : last), 0);
  const months = monthRows(
    input.year,
    input.budget.finalFen,
    input.monthlyActualFen.map((actualFen, i) => ({ month: i + 1, actualFen, txnCount: 0 })),
  );
  if (input.budget.finalFen <= 0) return [];
  return quarterRows(input.budget.finalFen, months, input.targetsBp)
    .filter((q) => q.quarter * 3 <= lastMonth && !q.met)
    .map((q) => ({
      subjectKey: `quarter:${q.quarter}`,
      vars: {
        quarter: String(q.quarter),
        cumulative: percent(q.cumulativeRate),
        cumulativeAmount: yuan(q.cumulativeFen),
        target: percent(ratio(q.targetBp, 10000)),
        targetAmount: yuan(q.targetFen),
        // A default is not the office's own target: the finding (and the report annex) says so.
        ...(q.quarter in input.targetsBp
          ? { targetName: '进度目标', targetNote: '' }
          : { targetName: '均衡进度', targetNote: '，系统默认值，本年度未设定季度进度目标' }),
        gap: yuan(-q.gapFen),
      },
      amountFen: q.gapFen,
      jump: { kind: 'entity', entity: 'execution_target', id: q.quarter },
    }));
}

export const ADJUSTMENT_RATE_LIMIT_BP = 3000;

export function adjustmentRateFindings(input: CheckInput): FindingDraft[] {
  const { initialFen, adjustmentFen } = input.budget;
  const r = ratio(adjustmentFen, initialFen);
  if (r === null || Math.abs(adjustmentFen) * 10000 < ADJUSTMENT_RATE_LIMIT_BP * Math.abs(initialFen)) return [];
  return [
    {
      subjectKey: 'total',
      vars: { rate: percent(r), initial: yuan(initialFen), adjustment: yuan(adjustmentFen), limit: `${ADJUSTMENT_RATE_LIMIT_BP / 100}%` },
      amountFen: adjustmentFen,
      jump: { kind: 'page', page: 'budget', filter: {} },
    },
  ];
}
