import type { QuarterRow } from '../../../../shared/budget/schemas.ts';
import { CHART_HEADER_HEIGHT, chartHeader } from './chart-header.ts';
import type { ChartOption } from './echarts-core.ts';

const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** Cumulative execution rate at each quarter end against that quarter's cumulative target. */
export function quarterProgressOption(rows: readonly QuarterRow[], title: string): ChartOption {
  const pct = (v: unknown) => (typeof v === 'number' ? `${v.toFixed(2)}%` : '—');
  return {
    ...chartHeader(title, ['累计执行率', '累计进度目标']),
    aria: { enabled: true },
    animation: false,
    grid: { left: 8, right: 24, top: CHART_HEADER_HEIGHT, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: pct },
    xAxis: { type: 'category', data: rows.map((r) => QUARTER_LABELS[r.quarter - 1] ?? `第${r.quarter}季度`) },
    yAxis: { type: 'value', name: '%', min: 0, max: (v) => Math.max(100, Math.ceil(v.max / 10) * 10) },
    series: [
      {
        name: '累计执行率',
        type: 'line',
        data: rows.map((r) => r.cumulativePercent),
        itemStyle: { color: '#1677ff' },
        cursor: 'pointer',
        label: { show: true, position: 'top', formatter: (p) => pct(p.value) },
      },
      {
        name: '累计进度目标',
        type: 'line',
        data: rows.map((r) => r.targetBp / 100),
        lineStyle: { type: 'dashed', color: '#fa8c16' },
        itemStyle: { color: '#fa8c16' },
        symbol: 'diamond',
        symbolSize: 10,
      },
    ],
  };
}
