import type { BudgetLine } from '../../../../shared/domain/budget-line.ts';
import { api } from '../../api/client.ts';
import { loadProjectIds } from './save-line.ts';

export type CopyAmounts = 'zero' | 'lastFinal';

const lineKey = (l: Pick<BudgetLine, 'unitId' | 'fundingSource' | 'category' | 'projectName' | 'funcCode' | 'econCode'>) =>
  [l.unitId, l.fundingSource, l.category, l.projectName ?? '', l.funcCode, l.econCode].join('|');

export interface CopyResult {
  copied: number;
  /** Lines the year already has (same unit, source, category, project and codes). */
  skipped: number;
}

/**
 * Copies a previous year's budget lines into this year: unit, source, category, project (found or
 * created by name, with last year's code and description), codes and names. Amounts are either
 * left at 0 or start from last year's final budget; 调整数, 文号 and 备注 start empty.
 */
export async function copyLinesFromYear(fromYearId: number, toYearId: number, amounts: CopyAmounts, progress: (done: number, total: number) => void): Promise<CopyResult> {
  const [source, current, lastProjects] = await Promise.all([
    api!.call('budget.lines', { yearId: fromYearId }),
    api!.call('budget.lines', { yearId: toYearId }),
    api!.call('projects.list', { yearId: fromYearId }),
  ]);
  const projectIds = await loadProjectIds(toYearId);
  const existing = new Set(current.map(lineKey));
  let copied = 0;
  let skipped = 0;
  for (const [i, l] of source.entries()) {
    progress(i, source.length);
    if (existing.has(lineKey(l))) {
      skipped++;
      continue;
    }
    let projectId: number | null = null;
    if (l.projectName) {
      projectId = projectIds.get(l.projectName) ?? null;
      if (projectId === null) {
        const last = lastProjects.find((p) => p.id === l.projectId);
        const created = await api!.call('projects.save', {
          yearId: toYearId,
          unitId: last?.unitId ?? l.unitId,
          code: last?.code ?? '',
          name: l.projectName,
          description: last?.description ?? '',
        });
        projectIds.set(created.name, created.id);
        projectId = created.id;
      }
    }
    await api!.call('budget.saveLine', {
      yearId: toYearId,
      unitId: l.unitId,
      fundingSource: l.fundingSource,
      category: l.category,
      projectId,
      funcCode: l.funcCode,
      funcName: l.funcName,
      econCode: l.econCode,
      econName: l.econName,
      initialFen: amounts === 'lastFinal' ? l.finalFen : 0,
      adjustmentFen: 0,
      docNo: '',
      note: '',
    });
    existing.add(lineKey(l));
    copied++;
  }
  progress(source.length, source.length);
  return { copied, skipped };
}
