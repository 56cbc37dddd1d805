// The 人员/公用/项目 split of one row: a mapped 支出类别 column decides when it is specific, a project
// always wins, and otherwise the economic code decides (deriveCategory, domain-notes §2.6). A ledger
// row with none of these stays 未分类 (deriveLedgerCategory) until a rule or the user classifies it.

import { type Category, type Direction, deriveCategory, deriveLedgerCategory, type LedgerCategory } from '../domain/enums.ts';
import type { CategoryText } from './parse-classification.ts';

export function resolveCategory(stated: CategoryText | null, econCode: string, hasProject: boolean): Category {
  if (hasProject || stated === 'project') return 'project';
  if (stated === 'personnel' || stated === 'public') return stated;
  return deriveCategory(econCode, false);
}

export function resolveLedgerCategory(stated: CategoryText | null, econCode: string, hasProject: boolean, direction: Direction): LedgerCategory {
  if (hasProject || stated === 'project') return 'project';
  if (stated === 'personnel' || stated === 'public') return stated;
  return deriveLedgerCategory(econCode, false, direction);
}
