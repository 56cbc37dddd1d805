import { Typography } from 'antd';
import { useMemo } from 'react';
import { budgetActualBars } from '../../../../shared/budget/chart-series.ts';
import type { BreakdownRow } from '../../../../shared/budget/schemas.ts';
import { barChartHeight, barRowIndex, budgetActualOption } from '../../components/charts/budget-actual-option.ts';
import { EChart } from '../../components/charts/EChart.tsx';

const MAX_BARS = 25;

interface Props {
  rows: BreakdownRow[];
  title: string;
  onDrill(row: BreakdownRow): void;
  testId: string;
}

/** Budget against spending bars for one breakdown; a click on a bar opens that row's transactions. */
export function BreakdownChart({ rows, title, onDrill, testId }: Props) {
  // Many rows (a year with hundreds of projects) would make an unreadable chart: it keeps the largest
  // budgets and says so; the table beside it has every row.
  const { shown, withFigures } = useMemo(() => {
    const withFigures = rows.filter((r) => r.finalFen !== 0 || r.actualFen !== 0);
    if (withFigures.length <= MAX_BARS) return { shown: withFigures, withFigures: withFigures.length };
    const keep = new Set([...withFigures].sort((a, b) => b.finalFen - a.finalFen || b.actualFen - a.actualFen).slice(0, MAX_BARS));
    return { shown: withFigures.filter((r) => keep.has(r)), withFigures: withFigures.length };
  }, [rows]);
  const bars = useMemo(() => budgetActualBars(shown), [shown]);
  const option = useMemo(() => budgetActualOption(bars, `${title}：调整后预算与支出（万元）`), [bars, title]);
  if (shown.length === 0) return null;
  return (
    <>
      <EChart
        option={option}
        height={barChartHeight(shown.length)}
        testId={testId}
        onItemClick={(c) => {
          const row = shown[barRowIndex(bars, c.dataIndex)];
          if (row) onDrill(row);
        }}
      />
      {shown.length < withFigures && (
        <Typography.Text type="secondary">
          图中列出调整后预算最大的 {shown.length} 项（共 {withFigures} 项），完整数据见下表。
        </Typography.Text>
      )}
    </>
  );
}
