import { describe, expect, it } from 'vitest';
import { buildProjectIndicatorTable } from '../../../shared/report/annex-project-indicator-table.ts';
import { buildReportModel } from '../../../shared/report/build-report-model.ts';
import { formatCellText } from '../../../shared/report/table-model.ts';
import { exampleInput } from './example-input.ts';

const items = [
  { project: '热线保障', kind: 'output' as const, name: '按时办结率', unit: '%', target: '95', actual: '98.6' },
  { project: '热线保障', kind: 'satisfaction' as const, name: '满意率', unit: '%', target: '90', actual: '85' },
  { project: '平台运维', kind: 'outcome' as const, name: '接入部门', unit: '个', target: '30', actual: null },
];

describe('项目绩效指标完成情况表', () => {
  it('groups indicators under their project with rate and 是/否, and closes with the completion rate', () => {
    const t = buildProjectIndicatorTable(items);
    expect(t.rows.map((r) => r.cells.map(formatCellText).join('|'))).toEqual([
      '热线保障||||||',
      '产出指标|按时办结率|%|95|98.6|103.79%|是',
      '满意度指标|满意率|%|90|85|94.44%|否',
      '平台运维||||||',
      '效益指标|接入部门|个|30|—|—|未填报',
      '合计|项目绩效目标完成率||||50.00%|1/2 项',
    ]);
    expect(t.rows.every((r) => r.cells.length === t.columns.length)).toBe(true);
  });

  it('is an annex of the report only when there are project indicators', () => {
    const annexes = (input: typeof exampleInput) =>
      buildReportModel(input)
        .blocks.filter((b) => b.kind === 'annex')
        .map((b) => (b.kind === 'annex' ? b.table.title : ''));
    expect(annexes(exampleInput)).not.toContain('项目绩效指标完成情况表');
    expect(annexes({ ...exampleInput, projectIndicators: items })).toContain('项目绩效指标完成情况表');
  });
});
