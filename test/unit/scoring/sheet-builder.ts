import { computeScoreSheet } from '../../../shared/scoring/compute-score-sheet.ts';
import type { DataValues } from '../../../shared/scoring/data-values.ts';
import type { FrameworkDoc, IndicatorDoc } from '../../../shared/scoring/framework-doc.ts';
import { docToNodes, type FrameworkNode } from '../../../shared/scoring/framework-tree.ts';
import { percentOf } from '../../../shared/scoring/rational.ts';
import { emptyInput, type ScoreInputRow } from '../../../shared/scoring/score-input.ts';
import type { ScoreSheet } from '../../../shared/scoring/schemas.ts';

// Builds score sheets from a small framework document and inputs keyed by indicator code.

export function doc(indicators: IndicatorDoc[]): FrameworkDoc {
  return { name: '测试指标体系', version: 't', source: '', indicators };
}

export const DATA: DataValues = {
  budget_execution: { value: percentOf(3_752_630_000, 3_982_330_000), detail: 'exec' },
  budget_adjustment: { value: percentOf(217_250_000, 3_765_080_000), detail: 'adj' },
  procurement: { value: percentOf(39, 40), detail: 'proc' },
  work_tasks: { value: percentOf(4, 4), detail: 'tasks' },
  project_indicators: { value: percentOf(5, 6), detail: 'projects' },
  project_eval_average: { value: percentOf(9763, 10000), detail: 'project eval' },
};

export type InputsByCode = Record<string, Partial<Omit<ScoreInputRow, 'indicatorId'>>>;

export function sheetOf(d: FrameworkDoc, inputs: InputsByCode = {}, data: DataValues = DATA): ScoreSheet {
  const nodes = docToNodes(d);
  return computeScoreSheet({ yearId: 1, year: 2021, frameworkId: 1, framework: d }, nodes, toInputs(nodes, inputs), data);
}

export function toInputs(nodes: readonly FrameworkNode[], inputs: InputsByCode): ScoreInputRow[] {
  return Object.entries(inputs).map(([code, partial]) => {
    const node = nodes.find((n) => n.code === code);
    if (!node) throw new Error(`no indicator ${code}`);
    return { ...emptyInput(node.id), ...partial };
  });
}

export function row(sheet: ScoreSheet, code: string) {
  const r = sheet.rows.find((x) => x.code === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
}
