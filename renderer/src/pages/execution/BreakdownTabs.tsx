import { Segmented, Space, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import type { BreakdownRow, ExecutionOverview } from '../../../../shared/budget/schemas.ts';
import { BreakdownChart } from './BreakdownChart.tsx';
import { BreakdownTable, rowName } from './BreakdownTable.tsx';
import type { Drill } from './drill.ts';
import { MonthPanel } from './MonthPanel.tsx';
import { QuarterPanel } from './QuarterPanel.tsx';

interface Props {
  overview: ExecutionOverview;
  onDrill(drill: Drill): void;
  readOnly: boolean;
  onTargetsSaved(): void;
  activeKey: string;
  onTabChange(key: string): void;
}

interface Level {
  key: string;
  label: string;
  rows: BreakdownRow[];
}

function Breakdown({ levels, title, nameTitle, overview, total, onDrill, testId }: {
  levels: Level[];
  title: string;
  nameTitle: string;
  overview: ExecutionOverview;
  /** The exact figure the rows add up to. */
  total: { row: BreakdownRow; label: string };
  onDrill(d: Drill): void;
  testId: string;
}) {
  const [levelKey, setLevelKey] = useState(levels[0]!.key);
  const level = levels.find((l) => l.key === levelKey) ?? levels[0]!;
  const drill = (row: BreakdownRow) => {
    if (row.filter) onDrill({ title: row.key === '__total' ? total.label : `${title}：${rowName(row)}`, filter: row.filter });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {levels.length > 1 && (
        <Segmented
          value={level.key}
          onChange={(v) => setLevelKey(String(v))}
          options={levels.map((l) => ({ value: l.key, label: l.label }))}
          data-testid={`${testId}-level`}
        />
      )}
      <BreakdownChart rows={level.rows} title={title} onDrill={drill} testId={`chart-${testId}`} />
      <BreakdownTable
        rows={level.rows}
        total={total.row}
        totalLabel={total.label}
        nameTitle={nameTitle}
        compare={overview.lastYear !== null}
        onDrill={drill}
        testId={`table-${testId}`}
      />
    </Space>
  );
}

/** Every breakdown of the year's budget and spending, each as a chart and its table. */
export function BreakdownTabs({ overview: o, onDrill, readOnly, onTargetsSaved, activeKey, onTabChange }: Props) {
  const all = { row: o.totals.total, label: '合计' };
  const breakdown = (key: string, title: string, nameTitle: string, levels: Level[], total = all): { key: string; label: string; children: ReactNode } => ({
    key,
    label: title,
    children: (
      <Breakdown key={`${key}-${o.unitId ?? 'all'}`} levels={levels} title={title} nameTitle={nameTitle} overview={o} total={total} onDrill={onDrill} testId={key} />
    ),
  });
  const items = [
    breakdown('funding', '按资金来源', '资金来源', [{ key: 'all', label: '', rows: o.byFundingSource }]),
    breakdown('category', '按支出类别', '支出类别', [{ key: 'all', label: '', rows: o.byCategory }]),
    ...(o.unitId === null && o.byUnit.length > 1 ? [breakdown('unit', '按单位', '单位', [{ key: 'all', label: '', rows: o.byUnit }])] : []),
    // By project is project spending only: its rows add up to 项目支出, not to the year's total.
    breakdown('project', '按项目', '项目', [{ key: 'all', label: '', rows: o.byProject }], { row: o.totals.project, label: '项目支出合计' }),
    breakdown('econ', '按经济分类', '经济分类', [
      { key: 'class', label: '类', rows: o.byEconClass },
      { key: 'item', label: '款', rows: o.byEconItem },
    ]),
    breakdown('func', '按功能分类', '功能分类', [
      { key: 'class', label: '类', rows: o.byFuncClass },
      { key: 'item', label: '项', rows: o.byFuncItem },
    ]),
    { key: 'month', label: '按月份', children: <MonthPanel overview={o} onDrill={onDrill} /> },
    {
      key: 'quarter',
      label: '按季度',
      children: <QuarterPanel overview={o} onDrill={onDrill} readOnly={readOnly} onTargetsSaved={onTargetsSaved} />,
    },
  ];
  return <Tabs activeKey={activeKey} onChange={onTabChange} items={items} destroyOnHidden data-testid="breakdown-tabs" />;
}
