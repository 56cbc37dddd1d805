import { PROJECT_INDICATOR_KIND_LABELS, targetWithSign } from '../domain/project-indicator.ts';
import { indicatorCompletion, projectIndicatorRate } from '../scoring/project-indicator-completion.ts';
import { formatRational } from '../scoring/rational.ts';
import type { ReportProjectIndicator } from './input.ts';
import { empty, type ReportTable, type TableRow, text } from './table-model.ts';

// 项目绩效指标完成情况表: each project's 产出/效益/满意度 indicators with target (≥ for 正向, ≤ for
// 反向), actual, completion rate and whether the target was met, and a closing row with the 项目绩效目标完成率 that the
// `project_indicators` value source feeds to the score sheet. Plain text cells, so the PDF, Word
// and Excel renderers print it with their generic table code.

/** 是否完成 for each grade of a 定性 indicator. */
const GRADE_MET: Record<NonNullable<ReportProjectIndicator['grade']>, string> = { achieved: '是', partial: '部分完成', not_achieved: '否' };

/**
 * A 定性 indicator is judged by its grade (达成 / 部分达成 / 未达成), not by figures: its 年度指标值
 * in words, the grade as 实际完成值, no 完成率, and 是否完成 from the grade. Only an indicator not yet
 * graded is 未填报.
 */
function qualitativeCells(i: ReportProjectIndicator) {
  const graded = i.grade !== null && i.grade !== undefined;
  return [
    text(PROJECT_INDICATOR_KIND_LABELS[i.kind]),
    text(i.name),
    text(i.unit),
    text(i.targetText?.trim() || '—'),
    text(graded ? i.gradeLabel || '—' : '—'),
    text('—'),
    text(graded ? GRADE_MET[i.grade!] : '未填报'),
  ];
}

const percentText = (r: Parameters<typeof formatRational>[0] | null): string => (r === null ? '—' : `${formatRational(r, 2)}%`);

export function buildProjectIndicatorTable(items: readonly ReportProjectIndicator[]): ReportTable {
  const rows: TableRow[] = [];
  let lastProject: string | null = null;
  for (const i of items) {
    if (i.project !== lastProject) {
      // A department with several units says whose project it is.
      const unit = i.projectUnit ? text(`实施单位：${i.projectUnit}`) : empty;
      rows.push({ role: 'section', indent: 0, cells: [text(i.project), unit, empty, empty, empty, empty, empty] });
      lastProject = i.project;
    }
    if (i.nature === 'qualitative') {
      rows.push({ role: 'data', indent: 1, cells: qualitativeCells(i) });
      continue;
    }
    const c = indicatorCompletion({ direction: i.direction, targetValue: i.target, actualValue: i.actual });
    rows.push({
      role: 'data',
      indent: 1,
      cells: [
        text(PROJECT_INDICATOR_KIND_LABELS[i.kind]),
        text(i.name),
        text(i.unit),
        text(targetWithSign(i.direction, i.target) ?? '—'),
        text(i.actual ?? '—'),
        text(percentText(c.ratePercent)),
        text(c.met === null ? '未填报' : c.met ? '是' : '否'),
      ],
    });
  }
  const rate = projectIndicatorRate(items.map((i) => ({ direction: i.direction, targetValue: i.target, actualValue: i.actual })));
  rows.push({
    role: 'total',
    indent: 0,
    cells: [
      text('合计'),
      text('项目绩效目标完成率'),
      empty,
      empty,
      empty,
      text(percentText(rate.value)),
      // met / counted: indicators without both figures are not counted.
      text(`${rate.met}/${rate.counted} 项`),
    ],
  });
  return {
    name: '项目绩效指标',
    title: '项目绩效指标完成情况表',
    unitLine: '',
    columns: [
      // Wide enough for 满意度指标 and units such as 个工作日 on one line.
      { header: '指标类型', width: 2.6, align: 'left' },
      { header: '绩效指标', width: 4.5, align: 'left' },
      { header: '单位', width: 1.9, align: 'center' },
      { header: '目标值', width: 1.5, align: 'right' },
      { header: '实际完成值', width: 2.2, align: 'right' },
      { header: '完成率', width: 1.7, align: 'right' },
      { header: '是否完成', width: 1.8, align: 'center' },
    ],
    rows,
  };
}
