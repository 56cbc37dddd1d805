import { type BudgetFundingSource, FUNDING_SOURCE_LABELS, type FundingSource, LEDGER_CATEGORY_LABELS, type LedgerCategory } from '../domain/enums.ts';
import type { RowIdentity } from './breakdown-rows.ts';
import { type CodeLists, codeName } from './code-list.ts';

// Label, code and drill-down filter of a breakdown row, from its key and the names known for
// units, projects and codes. Every filter spends only ('out').

export interface RowNames {
  units: ReadonlyMap<number, string>;
  /** This year's projects, plus last year's under 'ly:<id>' keys when comparing. */
  projects: ReadonlyMap<string, { code: string; name: string }>;
  codes: CodeLists;
  /** Names typed on budget lines, for codes the code lists lack. */
  typedNames: { econ: ReadonlyMap<string, string>; func: ReadonlyMap<string, string> };
}

export const EMPTY_CODE_LABEL = '（未填写）';
export const NO_PROJECT_LABEL = '（未指定项目）';

export type IdentityDimension = 'unit' | 'category' | 'fundingSource' | 'project' | 'econClass' | 'econItem' | 'funcClass' | 'funcItem';

function codeIdentity(kind: 'econ' | 'func', key: string, names: RowNames, exact: boolean): RowIdentity {
  if (key === '') {
    return { label: EMPTY_CODE_LABEL, code: '', filter: kind === 'econ' ? { econCode: '', direction: 'out' } : { funcCode: '', direction: 'out' } };
  }
  const label = codeName(names.codes[kind], key) || names.typedNames[kind].get(key) || '（科目表中无此编码）';
  const filter =
    kind === 'econ'
      ? exact
        ? { econCode: key, direction: 'out' as const }
        : { econPrefix: key, direction: 'out' as const }
      : exact
        ? { funcCode: key, direction: 'out' as const }
        : { funcPrefix: key, direction: 'out' as const };
  return { label, code: key, filter };
}

export function rowIdentity(dim: IdentityDimension, key: string, names: RowNames): RowIdentity {
  switch (dim) {
    case 'unit': {
      const id = Number(key);
      return { label: names.units.get(id) ?? `单位 ${key}`, code: null, filter: { unitId: id, direction: 'out' } };
    }
    case 'category':
      return { label: LEDGER_CATEGORY_LABELS[key as LedgerCategory] ?? key, code: null, filter: { category: key as LedgerCategory, direction: 'out' } };
    case 'fundingSource':
      return {
        label: FUNDING_SOURCE_LABELS[key as BudgetFundingSource] ?? key,
        code: null,
        // Spending is recorded by the source it is paid from; none is filed under 上年结转结余.
        filter: key === 'carry_over' ? null : { fundingSource: key as FundingSource, direction: 'out' },
      };
    case 'project': {
      if (key === '0') return { label: NO_PROJECT_LABEL, code: null, filter: { category: 'project', projectId: null, direction: 'out' } };
      const p = names.projects.get(key);
      const id = Number(key);
      // A project that ended last year ('ly:<id>') has no spending this year to drill into.
      return {
        label: p?.name ?? `项目 ${key}`,
        code: p?.code ? p.code : null,
        filter: Number.isInteger(id) ? { projectId: id, direction: 'out' } : null,
      };
    }
    case 'econClass':
      return codeIdentity('econ', key, names, false);
    case 'econItem':
      return codeIdentity('econ', key, names, true);
    case 'funcClass':
      return codeIdentity('func', key, names, false);
    case 'funcItem':
      return codeIdentity('func', key, names, true);
  }
}
