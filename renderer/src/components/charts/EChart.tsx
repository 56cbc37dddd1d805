import { type CSSProperties, useEffect, useRef } from 'react';
import { type ChartOption, echarts } from './echarts-core.ts';

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

interface Props {
  /** Memoise it: a new object redraws the chart. */
  option: ChartOption;
  height: number;
  onItemClick?(click: ChartClick): void;
  testId?: string;
  style?: CSSProperties;
}

/**
 * One ECharts instance bound to a div. It is created only once the div has a size (a chart in a
 * hidden tab would otherwise warn and draw at 0 × 0) and follows the div's size from then on.
 */
export function EChart({ option, height, onItemClick, testId, style }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latestOption = useRef(option);
  latestOption.current = option;
  const latestClick = useRef(onItemClick);
  latestClick.current = onItemClick;

  useEffect(() => {
    const div = el.current;
    if (!div) return;
    const ensure = () => {
      if (chart.current || div.clientWidth === 0 || div.clientHeight === 0) return;
      const c = echarts.init(div, null, { renderer: 'svg', locale: 'ZH' });
      c.on('click', (p) => latestClick.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex }));
      c.setOption(latestOption.current);
      chart.current = c;
    };
    const observer = new ResizeObserver(() => {
      ensure();
      chart.current?.resize();
    });
    observer.observe(div);
    ensure();
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
