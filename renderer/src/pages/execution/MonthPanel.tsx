import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { progressLine } from '../../../../shared/budget/chart-series.ts';
import type { ExecutionOverview, MonthRow } from '../../../../shared/budget/schemas.ts';
import { formatWan } from '../../../../shared/money/fen.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { progressOption } from '../../components/charts/progress-option.ts';
import type { Drill } from './drill.ts';
import { percentText, wan } from './figures.ts';

interface Props {
  overview: ExecutionOverview;
  onDrill(drill: Drill): void;
}

/** Spending by month with the cumulative execution rate, as a chart and a table. */
export function MonthPanel({ overview: o, onDrill }: Props) {
  const option = useMemo(
    () =>
      progressOption(
        progressLine(o),
        o.byMonth.map((m) => Number(formatWan(m.actualFen))),
        `${o.year} 年逐月支出与累计执行率`,
      ),
    [o],
  );
  const drillMonth = (m: MonthRow) => onDrill({ title: `${m.month} 月支出`, filter: m.filter });
  const compare = o.lastYear !== null;
  const columns: ColumnsType<MonthRow> = [
    { title: '月份', key: 'month', render: (_, m) => `${m.month} 月` },
    { title: '当月支出', key: 'actual', align: 'right', render: (_, m) => wan(m.actualFen) },
    { title: '笔数', dataIndex: 'txnCount', align: 'right' },
    { title: '累计支出', key: 'cum', align: 'right', render: (_, m) => wan(m.cumulativeFen) },
    { title: '累计执行率', key: 'rate', align: 'right', render: (_, m) => percentText(m.cumulativeRate) },
  ];
  if (compare) {
    columns.push({
      title: `上年（${o.lastYear}）同月支出`,
      key: 'ly',
      align: 'right',
      render: (_, m) => (m.lastYearActualFen === null ? '—' : wan(m.lastYearActualFen)),
    });
  }
  return (
    <>
      <EChart
        option={option}
        height={332}
        testId="chart-month"
        onItemClick={(c) => {
          const m = o.byMonth[c.dataIndex];
          if (m) drillMonth(m);
        }}
      />
      <Table<MonthRow>
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={o.byMonth}
        columns={columns}
        data-testid="table-month"
        onRow={(m) => ({ onClick: () => drillMonth(m), style: { cursor: 'pointer' } })}
      />
    </>
  );
}
