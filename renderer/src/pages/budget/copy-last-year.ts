import type { CopyLinesInput, CopyLinesResult } from '../../../../shared/domain/budget-line.ts';
import { api } from '../../api/client.ts';

export type CopyAmounts = CopyLinesInput['amounts'];

/** Copies a previous year's budget lines into this year, on the server in one transaction (all or nothing). */
export function copyLinesFromYear(fromYearId: number, toYearId: number, amounts: CopyAmounts): Promise<CopyLinesResult> {
  return api!.call('budget.copyFromYear', { fromYearId, toYearId, amounts });
}
