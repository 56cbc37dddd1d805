import { Alert, Flex, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JumpTarget } from '../../../../shared/checks/schemas.ts';
import { useQuery } from '../../api/use-query.ts';
import type { FiscalYear } from '../../../../shared/domain/organization.ts';
import { useCurrentYear, useSession } from '../../state/session.tsx';
import { BreakdownTabs } from './BreakdownTabs.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { type Drill, scopedFilter } from './drill.ts';
import { wan } from './figures.ts';
import { jumpFor, navigateWithJump } from './jump-target.ts';
import { ParagraphCard } from './ParagraphCard.tsx';
import { TotalsCards } from './TotalsCards.tsx';
import { TransactionsDrawer } from './TransactionsDrawer.tsx';
import { useJump } from './use-jump.ts';

/** 预算执行: budget against spending for the department or one unit, with 审核 beside it. */
export function ExecutionPage() {
  const year = useCurrentYear();
  if (!year) return <Alert type="info" title="请先在“单位与年度”页创建或选择一个年度。" />;
  // A new year starts the page afresh (scope, tab, drawer).
  return <YearExecution key={year.id} year={year} />;
}

function YearExecution({ year }: { year: FiscalYear }) {
  const { setup } = useSession();
  const jump = useJump('execution');
  const [unitId, setUnitId] = useState<number | undefined>(jump?.filter.unitId);
  const [tab, setTab] = useState(jump?.targets ? 'quarter' : 'funding');
  const [drill, setDrill] = useState<Drill | null>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const hasLastYear = setup?.years.some((y) => y.year < year.year) ?? false;

  const overview = useQuery(
    'execution.overview',
    { yearId: year.id, ...(unitId !== undefined ? { unitId } : {}), ...(hasLastYear ? { compareLastYear: true } : {}) },
  );
  const paragraph = useQuery('execution.paragraph', { yearId: year.id });
  const checks = useQuery('checks.run', { yearId: year.id });
  const { reload: reloadOverview } = overview;
  const { reload: reloadParagraph } = paragraph;
  const { reload: reloadChecks } = checks;

  // Every edit made on this page (targets, 出错说明) can change figures and findings: reload both.
  const afterEdit = useCallback(() => {
    void Promise.all([reloadOverview(), reloadParagraph(), reloadChecks()]);
  }, [reloadOverview, reloadParagraph, reloadChecks]);

  useEffect(() => {
    if (jump?.targets) topRef.current?.scrollIntoView();
  }, [jump]);

  const readOnly = year.status === 'final';
  const o = overview.data;

  const openDrill = (d: Drill) => setDrill({ title: d.title, filter: scopedFilter(d.filter, unitId) });
  const onJump = (target: JumpTarget) => {
    const j = jumpFor(target);
    if (j.route !== 'execution') {
      navigateWithJump(j);
      return;
    }
    // Already here: apply it in place.
    if (j.filter.unitId !== undefined) setUnitId(j.filter.unitId);
    if (j.targets) setTab('quarter');
    topRef.current?.scrollIntoView({ behavior: 'smooth' });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div ref={topRef} />
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {year.year} 年度预算执行{o ? ` · ${o.scopeLabel}` : ''}
        </Typography.Title>
        <Space>
          <Typography.Text>范围</Typography.Text>
          <Select<number | 'all'>
            style={{ width: 300 }}
            value={unitId ?? 'all'}
            onChange={(v) => setUnitId(v === 'all' ? undefined : v)}
            options={[
              { value: 'all', label: '部门整体（全部单位合并）' },
              ...(setup?.units ?? []).map((u) => ({ value: u.id, label: u.name })),
            ]}
            data-testid="exec-scope"
          />
        </Space>
      </Flex>
      {overview.error && <Alert type="error" title={overview.error} />}
      {!o && overview.loading && <Spin />}
      {o && (
        <>
          <Typography.Text type="secondary">
            金额单位：万元。点击任一数字、表格行或图中柱形，可查看对应的支出明细。
            {o.lastYear !== null ? ` 与上年（${o.lastYear} 年）对比。` : ''}
          </Typography.Text>
          <TotalsCards overview={o} onDrill={openDrill} />
          {o.unmatched.txnCount > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`有 ${o.unmatched.txnCount} 笔支出（${wan(o.unmatched.actualFen)} 万元）尚未关联预算指标，不计入各指标的执行率。`}
              action={
                <Typography.Link onClick={() => navigateWithJump({ route: 'ledger', filter: scopedFilter({ unmatchedOnly: true, direction: 'out' }, unitId) })}>
                  去关联
                </Typography.Link>
              }
            />
          )}
          {o.outsideYear.txnCount > 0 && (
            <Alert
              type="error"
              showIcon
              title={`有 ${o.outsideYear.txnCount} 笔支出（${wan(o.outsideYear.actualFen)} 万元）日期不在 ${o.year} 年度内。`}
              action={
                <Typography.Link onClick={() => navigateWithJump({ route: 'ledger', filter: scopedFilter({ outsideYearOnly: true }, unitId) })}>
                  查看
                </Typography.Link>
              }
            />
          )}
          <BreakdownTabs overview={o} onDrill={openDrill} readOnly={readOnly} onTargetsSaved={afterEdit} activeKey={tab} onTabChange={setTab} />
        </>
      )}
      <ParagraphCard text={paragraph.data} error={paragraph.error} />
      <ChecksPanel
        yearId={year.id}
        run={checks.data}
        loading={checks.loading}
        error={checks.error}
        readOnly={readOnly}
        onRerun={() => void reloadChecks()}
        onChanged={afterEdit}
        onJump={onJump}
      />
      <TransactionsDrawer yearId={year.id} drill={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
