import type { BudgetActualBars } from '../../../../shared/budget/chart-series.ts';
import { CHART_HEADER_HEIGHT, chartHeader } from './chart-header.ts';
import type { ChartOption } from './echarts-core.ts';

const BUDGET_COLOR = '#91caff';
const ACTUAL_COLOR = '#1677ff';

/** Horizontal bars, 调整后预算 against 支出 (万元), one pair per row; labels read top to bottom. */
export function budgetActualOption(bars: BudgetActualBars, title: string): ChartOption {
  // A horizontal category axis draws its first entry at the bottom; reverse so it reads like the table.
  const labels = [...bars.labels].reverse();
  const budget = [...bars.budgetWan].reverse();
  const actual = [...bars.actualWan].reverse();
  const percent = [...bars.executionPercent].reverse();
  return {
    ...chartHeader(title, ['调整后预算', '支出']),
    aria: { enabled: true },
    animation: false,
    grid: { left: 8, right: 56, top: CHART_HEADER_HEIGHT, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => `${typeof v === 'number' ? v.toFixed(2) : String(v)} 万元`,
    },
    xAxis: { type: 'value', name: '万元', nameLocation: 'end' },
    yAxis: {
      type: 'category',
      data: labels,
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    series: [
      { name: '调整后预算', type: 'bar', data: budget, itemStyle: { color: BUDGET_COLOR }, barGap: '10%', cursor: 'pointer' },
      {
        name: '支出',
        type: 'bar',
        data: actual,
        itemStyle: { color: ACTUAL_COLOR },
        cursor: 'pointer',
        label: {
          show: true,
          position: 'right',
          formatter: (p) => {
            const v = percent[p.dataIndex];
            return v === null || v === undefined ? '' : `${v.toFixed(2)}%`;
          },
        },
      },
    ],
  };
}

/** Maps a click on a reversed bar back to the row it stands for. */
export function barRowIndex(bars: BudgetActualBars, dataIndex: number): number {
  return bars.labels.length - 1 - dataIndex;
}

/** Chart height that leaves each pair of bars readable. */
export function barChartHeight(rowCount: number): number {
  return Math.max(180, CHART_HEADER_HEIGHT + 16 + rowCount * 34);
}
