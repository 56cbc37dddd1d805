import { AppError } from '../../../../shared/api/app-error.ts';
import type { BudgetLine } from '../../../../shared/domain/budget-line.ts';
import { api } from '../../api/client.ts';
import type { CellMessages, ColumnKey } from './grid-columns.ts';
import type { LineValues } from './normalize-line-cells.ts';

/** Saves one line (new when id is null); a project named on the line is found or created by name, in the same transaction. */
export function saveLine(yearId: number, id: number | null, v: LineValues): Promise<BudgetLine> {
  return api!.call('budget.saveLineByProjectName', {
    ...(id !== null ? { id } : {}),
    yearId,
    unitId: v.unitId,
    fundingSource: v.fundingSource,
    category: v.category,
    projectName: v.projectName,
    funcCode: v.funcCode,
    funcName: v.funcName,
    econCode: v.econCode,
    econName: v.econName,
    initialFen: v.initialFen,
    adjustmentFen: v.adjustmentFen,
    docNo: v.docNo,
    note: v.note,
  });
}

const FIELD_COLUMNS: Record<string, ColumnKey> = {
  unitId: 'unit',
  fundingSource: 'fundingSource',
  category: 'category',
  projectId: 'projectName',
  projectName: 'projectName',
  name: 'projectName',
  funcCode: 'funcCode',
  funcName: 'funcName',
  econCode: 'econCode',
  econName: 'econName',
  initialFen: 'initial',
  adjustmentFen: 'adjustment',
  docNo: 'docNo',
  note: 'note',
};

/** A refused save as messages on the cells it names, and the rest for the row. */
export function saveErrorCells(err: unknown): { errors: CellMessages; rowError: string | null } {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof AppError)) return { errors: {}, rowError: message };
  const errors: CellMessages = {};
  for (const d of err.details) {
    const col = d.path ? FIELD_COLUMNS[d.path.split('.')[0] ?? ''] : undefined;
    if (col && !errors[col]) errors[col] = d.message;
  }
  return { errors, rowError: Object.keys(errors).length === 0 ? message : null };
}
