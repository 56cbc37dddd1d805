import type { BudgetLine } from '../../../../shared/domain/budget-line.ts';
import { CATEGORY_LABELS, FUNDING_SOURCE_LABELS } from '../../../../shared/domain/enums.ts';
import type { Unit } from '../../../../shared/domain/organization.ts';
import { type AmountUnit, fenToWanText, fenToYuanText, parseAmountInUnit } from '../../../../shared/money/fen.ts';
import { AMOUNT_COLUMNS, type CellTexts, EDIT_COLUMNS } from './grid-columns.ts';

export const amountText = (fen: number, unit: AmountUnit): string => (unit === 'wan' ? fenToWanText(fen) : fenToYuanText(fen));

/** A saved line as the grid shows it, amounts in the chosen input unit. */
export function lineToCells(line: BudgetLine, units: readonly Unit[], unit: AmountUnit): CellTexts {
  return {
    unit: units.find((u) => u.id === line.unitId)?.name ?? `单位 ${line.unitId}`,
    fundingSource: FUNDING_SOURCE_LABELS[line.fundingSource],
    category: CATEGORY_LABELS[line.category],
    projectName: line.projectName ?? '',
    funcCode: line.funcCode,
    funcName: line.funcName,
    econCode: line.econCode,
    econName: line.econName,
    initial: amountText(line.initialFen, unit),
    adjustment: amountText(line.adjustmentFen, unit),
    docNo: line.docNo,
    note: line.note,
  };
}

/** Rewrites amount cells typed in one unit into the other; text that is not a plain amount stays as typed. */
export function convertAmountCells(cells: CellTexts, from: AmountUnit, to: AmountUnit): CellTexts {
  if (from === to) return cells;
  const out = { ...cells };
  for (const c of EDIT_COLUMNS) {
    if (!AMOUNT_COLUMNS.has(c) || cells[c].trim() === '') continue;
    const fen = parseAmountInUnit(cells[c], from);
    if (fen !== null) out[c] = amountText(fen, to);
  }
  return out;
}
