import { Divider, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { ExecutionOverview, QuarterRow } from '../../../../shared/budget/schemas.ts';
import { formatPercent } from '../../../../shared/money/rate.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { quarterProgressOption } from '../../components/charts/quarter-progress-option.ts';
import type { Drill } from './drill.ts';
import { percentText, signedWan, wan } from './figures.ts';
import { TargetsEditor } from './TargetsEditor.tsx';

interface Props {
  overview: ExecutionOverview;
  onDrill(drill: Drill): void;
  readOnly: boolean;
  onTargetsSaved(): void;
}

/** Cumulative execution at each quarter end against the targets, with the targets editor. */
export function QuarterPanel({ overview: o, onDrill, readOnly, onTargetsSaved }: Props) {
  const option = useMemo(() => quarterProgressOption(o.byQuarter, `${o.year} 年各季度累计执行率与进度目标`), [o]);
  const drillQuarter = (q: QuarterRow) => onDrill({ title: `第 ${q.quarter} 季度支出`, filter: q.filter });
  const columns: ColumnsType<QuarterRow> = [
    { title: '季度', key: 'q', render: (_, q) => `第 ${q.quarter} 季度` },
    { title: '当季支出', key: 'actual', align: 'right', render: (_, q) => wan(q.actualFen) },
    { title: '累计支出', key: 'cum', align: 'right', render: (_, q) => wan(q.cumulativeFen) },
    { title: '累计执行率', key: 'rate', align: 'right', render: (_, q) => percentText(q.cumulativeRate) },
    { title: '累计进度目标', key: 'target', align: 'right', render: (_, q) => `${formatPercent({ num: q.targetBp, den: 10000 })}%` },
    { title: '目标金额', key: 'targetFen', align: 'right', render: (_, q) => wan(q.targetFen) },
    { title: '与目标相差', key: 'gap', align: 'right', render: (_, q) => signedWan(q.gapFen) },
    { title: '是否达到', key: 'met', render: (_, q) => (q.met ? <Tag color="green">达到</Tag> : <Tag color="orange">未达到</Tag>) },
  ];
  return (
    <>
      <EChart
        option={option}
        height={312}
        testId="chart-quarter"
        onItemClick={(c) => {
          const q = o.byQuarter[c.dataIndex];
          if (q) drillQuarter(q);
        }}
      />
      <Table<QuarterRow>
        size="small"
        rowKey="quarter"
        pagination={false}
        dataSource={o.byQuarter}
        columns={columns}
        data-testid="table-quarter"
        onRow={(q) => ({ onClick: () => drillQuarter(q), style: { cursor: 'pointer' } })}
      />
      <Divider />
      <TargetsEditor yearId={o.yearId} readOnly={readOnly} onSaved={onTargetsSaved} />
    </>
  );
}
