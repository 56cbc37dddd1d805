import type { ChartOption } from './echarts-core.ts';

/**
 * Every chart's title on the first line, its legend on the second, and the plot (with the axis
 * names echarts draws above a value axis) below both, so the title can meet neither the legend nor
 * an axis label, however narrow the window or long the title.
 */
const TITLE_TOP = 0;
const LEGEND_TOP = 24;
/** Where the plot may start: below the legend, with room for a value axis's name above it. */
export const CHART_HEADER_HEIGHT = 72;

export function chartHeader(title: string, legend: string[]): Pick<ChartOption, 'title' | 'legend'> {
  return {
    title: { text: title, left: 0, top: TITLE_TOP, textStyle: { fontSize: 13, fontWeight: 'normal' } },
    legend: { data: legend, top: LEGEND_TOP, left: 0 },
  };
}
