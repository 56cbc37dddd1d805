import { codeName } from '../budget/code-list.ts';
import { CATEGORY_LABELS, FUNDING_SOURCE_LABELS, FUNDING_SOURCES } from '../domain/enums.ts';
import { ratio } from '../money/rate.ts';
import type { FindingDraft } from './check-definition.ts';
import type { CheckInput } from './check-input.ts';
import { CATEGORY_KEYS, percent, yuan } from './message-format.ts';
import type { JumpTarget } from './schemas.ts';

// Large changes of spending against last year: |change| ≥ 30 % of last year's figure and at least
// 10 万元, so a small class moving a few thousand 元 does not ask for an explanation.

export const YEAR_CHANGE_LIMIT_BP = 3000;
export const YEAR_CHANGE_MIN_FEN = 10_000_000;

function change(subjectKey: string, what: string, thisFen: number, lastFen: number, lastYear: number, jump: JumpTarget): FindingDraft[] {
  const diff = thisFen - lastFen;
  if (Math.abs(diff) < YEAR_CHANGE_MIN_FEN) return [];
  if (lastFen !== 0 && Math.abs(diff) * 10000 < YEAR_CHANGE_LIMIT_BP * Math.abs(lastFen)) return [];
  const r = ratio(diff, lastFen);
  return [
    {
      subjectKey,
      vars: {
        what,
        lastYear: String(lastYear),
        last: yuan(lastFen),
        current: yuan(thisFen),
        change: `${diff > 0 ? '增加' : '减少'} ${yuan(Math.abs(diff))}`,
        rate: r === null ? '上年无此项支出' : `变动 ${percent(r)}`,
      },
      amountFen: diff,
      jump,
    },
  ];
}

export function yearChangeFindings(input: CheckInput): FindingDraft[] {
  const last = input.lastYear;
  if (!last) return [];
  const a = input.actual;
  const out = change('total', '部门整体', a.ledgerTotalFen, last.totalFen, last.year, { kind: 'page', page: 'execution', filter: {} });
  for (const c of CATEGORY_KEYS) {
    out.push(
      ...change(`category:${c}`, CATEGORY_LABELS[c], a.byCategory[c], last.byCategory[c], last.year, {
        kind: 'page',
        page: 'transactions',
        filter: { category: c, direction: 'out' },
      }),
    );
  }
  for (const fs of FUNDING_SOURCES) {
    const current = a.byFundingSource[fs] ?? 0;
    out.push(
      ...change(`funding:${fs}`, FUNDING_SOURCE_LABELS[fs], current, last.byFundingSource[fs] ?? 0, last.year, {
        kind: 'page',
        page: 'transactions',
        filter: { fundingSource: fs, direction: 'out' },
      }),
    );
  }
  const classes = new Set([...Object.keys(a.byEconClass), ...Object.keys(last.byEconClass)]);
  for (const cls of [...classes].sort()) {
    if (cls === '') continue;
    const what = `经济分类 ${cls} ${codeName(input.codes.econ, cls)}`.trim();
    out.push(
      ...change(`econ:${cls}`, what, a.byEconClass[cls] ?? 0, last.byEconClass[cls] ?? 0, last.year, {
        kind: 'page',
        page: 'transactions',
        filter: { econPrefix: cls, direction: 'out' },
      }),
    );
  }
  return out;
}
