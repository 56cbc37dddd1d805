import { InfoCircleOutlined } from '@ant-design/icons';
import { Flex, Tooltip, Typography } from 'antd';
import type { MouseEvent } from 'react';
import type { BreakdownRow, ExecutionOverview } from '../../../../shared/budget/schemas.ts';
import { ratio } from '../../../../shared/money/rate.ts';
import type { Drill } from './drill.ts';
import { FigureCard } from './FigureCard.tsx';
import { percentText, signedPercentText, signedWan, wan } from './figures.ts';

interface Props {
  overview: ExecutionOverview;
  onDrill(drill: Drill): void;
}

function lastYearText(row: BreakdownRow, lastYear: number | null): string | null {
  if (lastYear === null || row.lastYear === null || row.actualChangeFen === null) return null;
  return `上年（${lastYear}）${wan(row.lastYear.actualFen)}，变动 ${signedWan(row.actualChangeFen)}（${signedPercentText(row.actualChangeRate)}）`;
}

/** 预算数、支出数、执行率、结余、预算调整率 and the 基本/项目 split, each opening its transactions. */
export function TotalsCards({ overview: o, onDrill }: Props) {
  const t = o.totals;
  const drill = (row: BreakdownRow, title: string) => () => {
    if (row.filter) onDrill({ title, filter: row.filter });
  };
  const inner = (row: BreakdownRow, title: string) => (e: MouseEvent) => {
    e.stopPropagation();
    drill(row, title)();
  };
  const totalLast = lastYearText(t.total, o.lastYear);
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <FigureCard label="年初预算数" value={wan(t.total.initialFen)} unit="万元" testId="exec-budget-initial" onClick={drill(t.total, '全部支出')} />
        <FigureCard
          label="调整后预算数"
          value={wan(t.total.finalFen)}
          unit="万元"
          sub={`调整数 ${signedWan(t.total.adjustmentFen)} 万元`}
          testId="exec-budget-final"
          onClick={drill(t.total, '全部支出')}
        />
        <FigureCard label="支出数" value={wan(t.total.actualFen)} unit="万元" sub={totalLast} testId="exec-actual" onClick={drill(t.total, '全部支出')} />
        <FigureCard label="预算执行率" value={percentText(t.total.executionRate)} sub="支出数 ÷ 调整后预算数" testId="exec-rate" onClick={drill(t.total, '全部支出')} />
        <FigureCard label="结余" value={wan(t.total.balanceFen)} unit="万元" sub="调整后预算数 − 支出数" testId="exec-balance" onClick={drill(t.total, '全部支出')} />
        <FigureCard
          label={
            <Tooltip
              title={
                <div data-testid="adjust-rate-formula">
                  <div>{o.adjustment.formulaText}</div>
                  <div style={{ marginTop: 6, opacity: 0.85 }}>{o.adjustment.definitionText}</div>
                </div>
              }
            >
              <span data-testid="adjust-rate-label">
                预算调整率 <InfoCircleOutlined />
              </span>
            </Tooltip>
          }
          value={percentText(o.adjustment.rate)}
          sub="调整数 ÷ 年初预算数"
          testId="exec-adjust-rate"
        />
      </Flex>
      <Flex gap={12} wrap>
        <FigureCard
          label="基本支出"
          value={wan(t.basic.actualFen)}
          unit="万元"
          testId="exec-basic"
          onClick={drill(t.basic, '基本支出')}
          sub={
            <>
              <div>
                预算 {wan(t.basic.finalFen)}，执行率 {percentText(t.basic.executionRate)}
              </div>
              <div>
                <Typography.Link onClick={inner(t.personnel, '人员经费')} data-testid="exec-personnel">
                  人员经费 {wan(t.personnel.actualFen)}
                </Typography.Link>
                {'　'}
                <Typography.Link onClick={inner(t.public, '公用经费')} data-testid="exec-public">
                  公用经费 {wan(t.public.actualFen)}
                </Typography.Link>
              </div>
            </>
          }
        />
        <FigureCard
          label="项目支出"
          value={wan(t.project.actualFen)}
          unit="万元"
          testId="exec-project"
          onClick={drill(t.project, '项目支出')}
          sub={
            <div>
              预算 {wan(t.project.finalFen)}，执行率 {percentText(t.project.executionRate)}
            </div>
          }
        />
        <FigureCard
          label="基本支出占比"
          value={percentText(ratio(t.basic.actualFen, t.total.actualFen))}
          sub={`项目支出占比 ${percentText(ratio(t.project.actualFen, t.total.actualFen))}`}
        />
      </Flex>
    </Flex>
  );
}
