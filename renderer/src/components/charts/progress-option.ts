import type { ProgressLine } from '../../../../shared/budget/chart-series.ts';
import { CHART_HEADER_HEIGHT, chartHeader } from './chart-header.ts';
import type { ChartOption } from './echarts-core.ts';

/**
 * Cumulative execution rate by month as a line, the quarter-end progress targets as points on the
 * same percent axis, and each month's spending as bars on the 万元 axis.
 */
export function progressOption(line: ProgressLine, monthlyWan: number[], title: string): ChartOption {
  return {
    ...chartHeader(title, ['当月支出', '累计执行率', '季度进度目标']),
    aria: { enabled: true },
    animation: false,
    grid: { left: 8, right: 8, top: CHART_HEADER_HEIGHT, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: line.months },
    yAxis: [
      { type: 'value', name: '万元', position: 'left' },
      { type: 'value', name: '%', position: 'right', min: 0, max: (v) => Math.max(100, Math.ceil(v.max / 10) * 10), splitLine: { show: false } },
    ],
    series: [
      {
        name: '当月支出',
        type: 'bar',
        data: monthlyWan,
        itemStyle: { color: '#bae0ff' },
        cursor: 'pointer',
        tooltip: { valueFormatter: (v) => `${typeof v === 'number' ? v.toFixed(2) : String(v)} 万元` },
      },
      {
        name: '累计执行率',
        type: 'line',
        yAxisIndex: 1,
        data: line.cumulativePercent,
        itemStyle: { color: '#1677ff' },
        label: { show: true, position: 'top', fontSize: 10, formatter: (p) => (typeof p.value === 'number' ? `${p.value.toFixed(2)}%` : '') },
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(2)}%` : '—') },
      },
      {
        name: '季度进度目标',
        type: 'line',
        yAxisIndex: 1,
        data: line.targetPercent,
        connectNulls: true,
        symbol: 'diamond',
        symbolSize: 10,
        lineStyle: { type: 'dashed', color: '#fa8c16' },
        itemStyle: { color: '#fa8c16' },
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(2)}%` : '—') },
      },
    ],
  };
}
