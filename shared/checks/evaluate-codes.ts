import { CODE_KIND_LABELS, checkCode } from '../budget/code-list.ts';
import { econClassCategory } from '../domain/enums.ts';
import type { FindingDraft } from './check-definition.ts';
import type { CheckInput, CodeUseFact } from './check-input.ts';
import { categoryLabel, yuan } from './message-format.ts';
import type { JumpTarget } from './schemas.ts';

// Codes checked against the office's code lists: only a malformed code (wrong length, not digits)
// is an error. A well-formed code missing from the (never exhaustive) list, even one whose 类 is
// missing too, is one 提示 per code; an empty code is a 提示.

const SOURCE_LABELS = { budget: '预算指标', ledger: '支出明细' } as const;

function jumpFor(u: Pick<CodeUseFact, 'source' | 'kind' | 'code' | 'firstLineId'>): JumpTarget {
  if (u.source === 'budget' && u.firstLineId !== null) return { kind: 'entity', entity: 'budget_line', id: u.firstLineId };
  if (u.source === 'budget') return { kind: 'page', page: 'budget', filter: {} };
  return {
    kind: 'page',
    page: 'transactions',
    filter: u.kind === 'econ' ? { econCode: u.code } : { funcCode: u.code },
  };
}

function draft(u: CodeUseFact, detail: string): FindingDraft {
  return {
    subjectKey: `${u.source}:${u.kind}:${u.code}`,
    vars: {
      source: SOURCE_LABELS[u.source],
      kind: CODE_KIND_LABELS[u.kind],
      code: u.code,
      detail,
      count: String(u.count),
      amount: yuan(u.amountFen),
    },
    amountFen: u.amountFen,
    jump: jumpFor(u),
  };
}

export function invalidCodeFindings(input: CheckInput): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const u of input.codeUse) {
    const s = checkCode(input.codes[u.kind], u.code);
    if (s.status === 'malformed') out.push(draft(u, s.reason));
  }
  return out;
}

/** One finding per code however many lines and files use it, with what to do about it. */
export function unlistedCodeFindings(input: CheckInput): FindingDraft[] {
  const byCode = new Map<string, { uses: CodeUseFact[]; detail: string }>();
  for (const u of input.codeUse) {
    const s = checkCode(input.codes[u.kind], u.code);
    if (s.status !== 'unlisted') continue;
    const key = `${u.kind}:${u.code}`;
    const detail =
      s.className === null ? `不在科目表中（所属类级科目 ${s.classCode} 也没有名称）` : `属于“${s.className}”，但科目表中没有它的名称`;
    const entry = byCode.get(key) ?? { uses: [], detail };
    entry.uses.push(u);
    byCode.set(key, entry);
  }
  return [...byCode].map(([key, { uses, detail }]) => {
    const first = uses.find((u) => u.source === 'budget') ?? uses[0]!;
    const count = uses.reduce((s, u) => s + u.count, 0);
    // The amount shown is the budget's where the code has budget lines, else the spending.
    const d = draft({ ...first, count }, detail);
    d.subjectKey = key;
    // The fix is naming the code, so the finding leads to the 科目代码 page with it filled in.
    d.jump = { kind: 'page', page: 'codes', filter: first.kind === 'econ' ? { econCode: first.code } : { funcCode: first.code } };
    d.vars.source = [...new Set(uses.map((u) => SOURCE_LABELS[u.source]))].join('和');
    return d;
  });
}

export function missingCodeFindings(input: CheckInput): FindingDraft[] {
  return input.codeUse.filter((u) => u.code === '').map((u) => draft(u, '未填写'));
}

/** 人员经费 is 经济分类 301/303 (501/509); 公用经费 is the rest of 基本支出 (domain-notes §2.6, econClassCategory). */
export function categoryEconMismatchFindings(input: CheckInput): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const f of input.categoryEcon) {
    if (f.econClass === '' || f.category === 'project') continue;
    const classCategory = econClassCategory(f.econClass);
    if (classCategory === null) continue;
    const personnelClass = classCategory === 'personnel';
    if (personnelClass === (f.category === 'personnel')) continue;
    const expected = personnelClass ? 'personnel' : 'public';
    const jump: JumpTarget =
      f.source === 'budget' && f.firstLineId !== null
        ? { kind: 'entity', entity: 'budget_line', id: f.firstLineId }
        : { kind: 'page', page: 'transactions', filter: { category: f.category, econPrefix: f.econClass, direction: 'out' } };
    out.push({
      subjectKey: `${f.source}:${f.category}:${f.econClass}`,
      vars: {
        source: SOURCE_LABELS[f.source],
        category: categoryLabel(f.category),
        econClass: f.econClass,
        expected: categoryLabel(expected),
        count: String(f.count),
        amount: yuan(f.amountFen),
      },
      amountFen: f.amountFen,
      jump,
    });
  }
  return out;
}
