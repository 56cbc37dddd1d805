import { TASK_STATUS_LABELS } from '../domain/enums.ts';
import type { ReportWorkArea } from './input.ts';
import { empty, type ReportTable, type TableRow, text } from './table-model.ts';

// 重点工作任务绩效指标完成情况表: a plain text table.

export function buildTaskTable(areas: ReportWorkArea[]): ReportTable {
  const rows: TableRow[] = [];
  for (const area of areas) {
    rows.push({ role: 'section', indent: 0, cells: [text(area.title), empty, empty, empty, empty, empty] });
    for (const task of area.tasks) {
      const status = text(TASK_STATUS_LABELS[task.status]);
      if (task.measures.length === 0) {
        rows.push({ role: 'data', indent: 1, cells: [text(task.title), empty, empty, empty, empty, status] });
        continue;
      }
      task.measures.forEach((m, i) => {
        rows.push({
          role: 'data',
          indent: 1,
          cells: [
            i === 0 ? text(task.title) : empty,
            text(m.name),
            text(m.unit),
            text(m.target ?? '—'),
            text(m.actual ?? '—'),
            i === 0 ? status : empty,
          ],
        });
      });
    }
  }
  return {
    name: '重点工作',
    title: '重点工作任务绩效指标完成情况表',
    unitLine: '',
    columns: [
      { header: '工作任务', width: 4.2, align: 'left' },
      { header: '绩效指标', width: 4.4, align: 'left' },
      { header: '单位', width: 1.4, align: 'center' },
      { header: '目标值', width: 1.8, align: 'right' },
      { header: '实际完成值', width: 2.7, align: 'right' },
      { header: '完成情况', width: 2.3, align: 'center' },
    ],
    rows,
  };
}
