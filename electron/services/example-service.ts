import { AppError } from '../../shared/api/app-error.ts';
import { createClient } from '../../shared/api/client.ts';
import { wanTextToFen } from '../../shared/money/fen.ts';
import { beginImmediate, commit, rollbackIfOpen } from '../db/open-transaction.ts';
import { getDepartment } from '../db/repositories/organization-repo.ts';
import type { ServiceContext } from './context.ts';
import { seedExampleScores } from './scoring-service.ts';
import { createDispatcher } from './dispatch.ts';
import {
  EXAMPLE_BUDGET_LINES,
  EXAMPLE_CHECK_EXPLANATIONS,
  EXAMPLE_DEPARTMENT,
  EXAMPLE_DUTIES,
  EXAMPLE_OFFICES,
  EXAMPLE_OVERALL_GOAL,
  EXAMPLE_PROCUREMENT,
  EXAMPLE_PROJECT_GOALS,
  EXAMPLE_PROJECT_INDICATORS,
  EXAMPLE_SECTIONS,
  EXAMPLE_SIGNATURE,
  EXAMPLE_UNITS,
  EXAMPLE_WORK,
  EXAMPLE_YEAR,
  type ExampleBudgetLine,
} from './example/panyu-2021.ts';

function wan(text: string): number {
  const v = wanTextToFen(text);
  if (v === null) throw new Error(`bad example amount ${text}`);
  return v;
}

/** Splits `total` fen over `weights` exactly: parts are floored and the last part takes the rest. */
export function splitFen(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

// Personnel costs are paid monthly; public costs vary by month; projects pay by milestone.
function paymentSchedule(line: ExampleBudgetLine): Array<{ month: number; weight: number }> {
  if (line.category === 'personnel') return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, weight: i === 11 ? 2 : 1 }));
  if (line.category === 'public') return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => ({ month: m, weight: 3 + (m % 4) }));
  return [
    { month: 3, weight: 2 },
    { month: 6, weight: 3 },
    { month: 9, weight: 2 },
    { month: 12, weight: 4 },
  ];
}

/**
 * Loads the example year through the same API the renderer uses (every input validated by the
 * contract), in one database transaction so a failure leaves the file empty again. Only an empty
 * data file takes the example, so demo figures can never mix with a real department's.
 */
export async function loadExampleYear(ctx: ServiceContext): Promise<{ yearId: number; year: number }> {
  const { db } = ctx;
  if (getDepartment(db)) {
    throw new AppError('CONFLICT', '示例只能载入到空的数据文件中。请新建一个数据文件后再载入示例，以免与实际数据混在一起。');
  }
  const api = createClient({ invoke: createDispatcher({ ...ctx, transport: 'direct' }) });
  beginImmediate(db);
  try {
    await api.call('department.save', EXAMPLE_DEPARTMENT);
    const unitIds = new Map<string, number>();
    for (const [i, u] of EXAMPLE_UNITS.entries()) {
      const { key, ...fields } = u;
      const saved = await api.call('units.save', { ...fields, code: '', sortOrder: i });
      unitIds.set(key, saved.id);
    }
    const year = await api.call('years.create', { year: EXAMPLE_YEAR, copyProfileFrom: null });
    await api.call('profile.save', {
      yearId: year.id,
      duties: EXAMPLE_DUTIES,
      internalOffices: EXAMPLE_OFFICES,
      staffAuthorized: null,
      staffActual: null,
      overallGoal: EXAMPLE_OVERALL_GOAL,
    });
    const projectIds = new Map<string, number>();
    for (const l of EXAMPLE_BUDGET_LINES) {
      if (l.project && !projectIds.has(l.project)) {
        const p = await api.call('projects.save', { yearId: year.id, unitId: unitIds.get(l.unit)!, code: '', name: l.project, description: '' });
        projectIds.set(l.project, p.id);
      }
    }
    for (const i of EXAMPLE_PROJECT_INDICATORS) {
      const { project, target, actual, ...fields } = i;
      await api.call('projects.saveIndicator', { ...fields, projectId: projectIds.get(project)!, targetValue: target, actualValue: actual });
    }
    for (const g of EXAMPLE_PROJECT_GOALS) {
      const weights = { output: null, outcome: null, satisfaction: null };
      await api.call('projectEval.save', { projectId: projectIds.get(g.project)!, goal: g.goal, achievement: g.achievement, weights });
    }
    let voucher = 1;
    for (const l of EXAMPLE_BUDGET_LINES) {
      const unitId = unitIds.get(l.unit)!;
      const projectId = l.project ? projectIds.get(l.project)! : null;
      const line = await api.call('budget.saveLine', {
        yearId: year.id,
        unitId,
        fundingSource: 'general_budget',
        category: l.category,
        projectId,
        funcCode: l.funcCode,
        funcName: l.funcName,
        econCode: l.econCode,
        econName: l.econName,
        initialFen: wan(l.initialWan),
        adjustmentFen: wan(l.adjustmentWan),
        docNo: l.docNo,
        note: '',
      });
      const schedule = paymentSchedule(l);
      const amounts = splitFen(wan(l.actualWan), schedule.map((s) => s.weight));
      for (const [i, s] of schedule.entries()) {
        await api.call('ledger.saveTxn', {
          yearId: year.id,
          unitId,
          txnDate: `${EXAMPLE_YEAR}-${String(s.month).padStart(2, '0')}-${s.month === 12 ? '28' : '15'}`,
          voucherNo: `记-${String(voucher++).padStart(4, '0')}`,
          summary: `${s.month}月 ${l.project ?? l.econName}`,
          counterparty: l.counterparty,
          fundingSource: 'general_budget',
          category: l.category,
          funcCode: l.funcCode,
          econCode: l.econCode,
          projectId,
          budgetLineId: line.id,
          direction: 'out',
          amountFen: amounts[i]!,
        });
      }
    }
    await api.call('procurement.save', {
      yearId: year.id,
      plannedFen: wan(EXAMPLE_PROCUREMENT.plannedWan),
      actualFen: wan(EXAMPLE_PROCUREMENT.actualWan),
      note: EXAMPLE_PROCUREMENT.note,
    });
    for (const area of EXAMPLE_WORK) {
      const a = await api.call('work.saveArea', { yearId: year.id, title: area.title, summary: area.summary });
      for (const t of area.tasks) {
        const task = await api.call('work.saveTask', { areaId: a.id, title: t.title, description: t.description, status: t.status, evidence: '' });
        for (const m of t.measures) {
          await api.call('work.saveMeasure', {
            taskId: task.id,
            key: m.key,
            name: m.name,
            unit: m.unit,
            targetValue: m.target ?? null,
            actualValue: m.actual,
            direction: 'higher',
          });
        }
      }
    }
    // The only judgements typed in: qualitative and yes/no indicators. Every rate is computed.
    seedExampleScores(db, year.id);
    for (const [key, body] of Object.entries(EXAMPLE_SECTIONS)) {
      await api.call('report.saveSection', { yearId: year.id, key: key as never, body });
    }
    const signature = await api.call('report.signature', { yearId: year.id });
    await api.call('report.saveSignature', { ...signature, ...EXAMPLE_SIGNATURE });
    for (const f of (await api.call('checks.run', { yearId: year.id })).findings) {
      const explanation = EXAMPLE_CHECK_EXPLANATIONS[f.checkId];
      if (f.severity === 'advisory' && explanation) {
        await api.call('checks.explain', { yearId: year.id, checkId: f.checkId, subjectKey: f.subjectKey, explanation });
      }
    }
    commit(db);
    return { yearId: year.id, year: EXAMPLE_YEAR };
  } catch (err) {
    rollbackIfOpen(db);
    throw err;
  }
}
