import { describe, expect, it } from 'vitest';
import { buildProjectIndicatorTable } from '../../../shared/report/annex-project-indicator-table.ts';
import { buildReportModel } from '../../../shared/report/build-report-model.ts';
import type { ReportProjectIndicator } from '../../../shared/report/input.ts';
import { formatCellText } from '../../../shared/report/table-model.ts';
import { exampleInput } from './example-input.ts';

const items: ReportProjectIndicator[] = [
  { project: '热线保障', kind: 'output', name: '按时办结率', direction: 'higher', unit: '%', target: '95', actual: '98.6' },
  { project: '热线保障', kind: 'satisfaction', name: '满意率', direction: 'higher', unit: '%', target: '90', actual: '85' },
  { project: '热线保障', kind: 'output', name: '工单办结时限', direction: 'lower', unit: '个工作日', target: '15', actual: '12' },
  { project: '热线保障', kind: 'outcome', name: '投诉率', direction: 'lower', unit: '%', target: '1', actual: '1.25' },
  { project: '平台运维', kind: 'outcome', name: '接入部门', direction: 'higher', unit: '个', target: '30', actual: null },
];

describe('项目绩效指标完成情况表', () => {
  it('groups indicators under their project with ≥/≤ targets, rate and 是/否, and closes with the completion rate', () => {
    const t = buildProjectIndicatorTable(items);
    expect(t.rows.map((r) => r.cells.map(formatCellText).join('|'))).toEqual([
      '热线保障||||||',
      '产出指标|按时办结率|%|≥95|98.6|103.79%|是',
      '满意度指标|满意率|%|≥90|85|94.44%|否',
      '产出指标|工单办结时限|个工作日|≤15|12|100.00%|是',
      '效益指标|投诉率|%|≤1|1.25|75.00%|否',
      '平台运维||||||',
      '效益指标|接入部门|个|≥30|—|—|未填报',
      '合计|项目绩效目标完成率||||50.00%|2/4 项',
    ]);
    expect(t.rows.every((r) => r.cells.length === t.columns.length)).toBe(true);
  });

  it('names the unit that carries out each project', () => {
    const t = buildProjectIndicatorTable([{ ...items[0]!, projectUnit: '某县国库集中支付中心' }]);
    expect(t.rows[0]!.cells.map(formatCellText).join('|')).toBe('热线保障|实施单位：某县国库集中支付中心|||||');
  });

  it('flips 是否完成 and 完成率 with the direction alone', () => {
    const row = (direction: ReportProjectIndicator['direction']) =>
      buildProjectIndicatorTable([{ ...items[2]!, direction }]).rows[1]!.cells.map(formatCellText).slice(3);
    expect(row('lower')).toEqual(['≤15', '12', '100.00%', '是']);
    expect(row('higher')).toEqual(['≥15', '12', '80.00%', '否']);
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

describe('项目绩效指标完成情况表 · 定性指标', () => {
  const qualitative = (grade: ReportProjectIndicator['grade'], gradeLabel = ''): ReportProjectIndicator => ({
    project: '热线保障',
    kind: 'outcome',
    name: '服务质量',
    direction: 'higher',
    unit: '',
    target: null,
    actual: null,
    nature: 'qualitative',
    grade,
    gradeLabel,
    targetText: '服务质量有效提升',
  });
  const cells = (i: ReportProjectIndicator) => buildProjectIndicatorTable([i]).rows[1]!.cells.map(formatCellText).join('|');

  it('prints a graded 定性 indicator with its grade, never as 未填报', () => {
    expect(cells(qualitative('achieved', '达成'))).toBe('效益指标|服务质量||服务质量有效提升|达成|—|是');
    expect(cells(qualitative('partial', '部分达成'))).toBe('效益指标|服务质量||服务质量有效提升|部分达成|—|部分完成');
    expect(cells(qualitative('not_achieved', '未达成'))).toBe('效益指标|服务质量||服务质量有效提升|未达成|—|否');
  });

  it('prints an ungraded 定性 indicator as 未填报', () => {
    expect(cells(qualitative(null))).toBe('效益指标|服务质量||服务质量有效提升|—|—|未填报');
  });
});
