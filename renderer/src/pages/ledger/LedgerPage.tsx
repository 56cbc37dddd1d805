import { Alert, App as AntApp, Badge, Button, Flex, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { DrillFilter, TransactionRow } from '../../../../shared/budget/schemas.ts';
import { formatYuan } from '../../../../shared/money/fen.ts';
import { api } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { applyError } from '../../components/apply-error.ts';
import type { FiscalYear } from '../../../../shared/domain/organization.ts';
import { useCurrentYear, useSession } from '../../state/session.tsx';
import { useJump } from '../execution/use-jump.ts';
import { ClassifyModal } from './ClassifyModal.tsx';
import { LedgerFilters } from './LedgerFilters.tsx';
import { RulesDrawer } from './RulesDrawer.tsx';
import { LinkLineModal } from './LinkLineModal.tsx';
import { ledgerColumns } from './ledger-columns.tsx';
import { TxnModal } from './TxnModal.tsx';
import { UnmatchedDrawer } from './UnmatchedDrawer.tsx';
import { transactionSumsText } from './transaction-sums-text.ts';
import { useTransactionPages } from './use-transaction-pages.ts';
import { VirtualGrid } from './VirtualGrid.tsx';


/** 支出明细: every transaction of the year in a scrolling grid, filtered, edited and linked. */
export function LedgerPage() {
  const year = useCurrentYear();
  if (!year) return <Alert type="info" title="请先在“单位与年度”页创建或选择一个年度。" />;
  // Filters name this year's projects and lines: another year starts afresh.
  return <YearLedger key={year.id} year={year} />;
}

function YearLedger({ year }: { year: FiscalYear }) {
  const { setup } = useSession();
  const { message, modal } = AntApp.useApp();
  const jump = useJump('ledger');
  const [filter, setFilter] = useState<DrillFilter>(() => jump?.filter ?? {});
  const [editing, setEditing] = useState<TransactionRow | 'new' | null>(null);
  const [linking, setLinking] = useState<TransactionRow | null>(null);
  const [selected, setSelected] = useState<number | null>(jump?.txnId ?? null);
  const [unmatchedOpen, setUnmatchedOpen] = useState(false);
  const [linkBusy, setLinkBusy] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<number>>(() => new Set());
  const [classifying, setClassifying] = useState<number[] | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const yearId = year.id;
  const data = useTransactionPages(yearId, filter);
  const projects = useQuery('projects.list', { yearId });
  const lines = useQuery('execution.lines', { yearId });
  const unmatched = useQuery('execution.unmatched', { yearId });
  const batches = useQuery('import.batches', { yearId });
  const readOnly = year.status === 'final';
  const { refresh } = data;
  const { reload: reloadLines } = lines;
  const { reload: reloadUnmatched } = unmatched;

  const afterChange = useCallback(() => {
    refresh();
    void reloadLines();
    void reloadUnmatched();
  }, [refresh, reloadLines, reloadUnmatched]);

  const remove = useCallback(
    (r: TransactionRow) => {
      modal.confirm({
        title: '删除这条支出记录？',
        content: `${r.txnDate} ${r.voucherNo} ${r.summary} ${formatYuan(r.amountFen)} 元。删除后可在“修改记录”中撤销。`,
        okText: '删除',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: async () => {
          try {
            await api!.call('ledger.deleteTxn', { id: r.id });
            message.success('已删除');
            afterChange();
          } catch (err) {
            applyError(err, message.error);
          }
        },
      });
    },
    [message, modal, afterChange],
  );

  const { rowAt, total } = data;
  const loadedIds = useCallback(() => {
    const ids: number[] = [];
    for (let i = 0; i < (total ?? 0); i++) {
      const r = rowAt(i);
      if (r) ids.push(r.id);
    }
    return ids;
  }, [rowAt, total]);
  const allChecked = checked.size > 0 && checked.size === loadedIds().length;
  const columns = useMemo(
    () =>
      ledgerColumns({
        readOnly,
        onEdit: setEditing,
        onLink: setLinking,
        onDelete: remove,
        checked,
        onCheck: (r, on) =>
          setChecked((c) => {
            const next = new Set(c);
            if (on) next.add(r.id);
            else next.delete(r.id);
            return next;
          }),
        allChecked,
        onCheckAll: (on) => setChecked(on ? new Set(loadedIds()) : new Set()),
      }),
    [readOnly, remove, checked, allChecked, loadedIds],
  );

  const autoLink = async () => {
    setLinkBusy(true);
    try {
      const r = await api!.call('execution.link', { yearId });
      message.success(`已自动关联 ${r.linked} 笔；${r.ambiguous} 笔有多条可选指标，${r.noMatch} 笔没有一致的指标，请在“未关联”中处理。`);
      afterChange();
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setLinkBusy(false);
    }
  };

  const groupCount = unmatched.data?.length ?? 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {year.year} 年度支出明细
        </Typography.Title>
        <Space>
          <Button type="primary" onClick={() => setEditing('new')} disabled={readOnly || (setup?.units.length ?? 0) === 0} data-testid="txn-add">
            新增支出
          </Button>
          <Button onClick={autoLink} loading={linkBusy} disabled={readOnly} data-testid="auto-link">
            自动关联预算指标
          </Button>
          <Button onClick={() => setClassifying([...checked])} disabled={readOnly || checked.size === 0} data-testid="classify-open">
            批量分类{checked.size > 0 ? `（${checked.size}）` : ''}
          </Button>
          <Button onClick={() => setRulesOpen(true)} data-testid="rules-open">
            分类规则
          </Button>
          <Badge count={groupCount} size="small" offset={[-4, 0]}>
            <Button onClick={() => setUnmatchedOpen(true)} data-testid="unmatched-open">
              未关联支出
            </Button>
          </Badge>
        </Space>
      </Flex>
      {jump?.txnId !== undefined && <Alert type="info" showIcon closable title={`审核定位到支出记录 #${jump.txnId}，已在表格中高亮（如不在当前页面，请用筛选条件缩小范围）。`} />}
      <LedgerFilters
        filter={filter}
        onChange={(f) => {
          setFilter(f);
          setChecked(new Set());
        }}
        units={setup?.units ?? []}
        projects={projects.data ?? []}
        batches={(batches.data ?? []).filter((b) => b.target === 'ledger')}
      />
      {data.error && <Alert type="error" title={data.error} />}
      <Typography.Text data-testid="ledger-summary">
        {data.total === null ? '正在读取…' : transactionSumsText(data.total, data.sums)}
      </Typography.Text>
      <VirtualGrid<TransactionRow>
        columns={columns}
        rowCount={data.total ?? 0}
        rowAt={data.rowAt}
        rowKey={(r) => r.id}
        onVisibleRange={data.setVisible}
        height="max(360px, calc(100vh - 360px))"
        resetKey={JSON.stringify(filter)}
        selectedKey={selected}
        onRowClick={(r) => setSelected(r.id)}
        onRowDoubleClick={(r) => !readOnly && setEditing(r)}
        testId="ledger-grid"
        className="ledger-grid"
        ariaLabel="支出明细"
        emptyText={data.total === null ? '正在读取…' : filterIsEmpty(filter) ? <EmptyYear /> : '没有符合条件的支出记录'}
      />
      <TxnModal
        txn={editing}
        yearId={yearId}
        year={year.year}
        units={setup?.units ?? []}
        projects={projects.data ?? []}
        lines={lines.data ?? []}
        onClose={(saved) => {
          setEditing(null);
          if (saved) afterChange();
        }}
      />
      <LinkLineModal
        txn={linking}
        yearId={yearId}
        lines={lines.data ?? []}
        onClose={(saved) => {
          setLinking(null);
          if (saved) afterChange();
        }}
      />
      <ClassifyModal
        ids={classifying}
        yearId={yearId}
        projects={projects.data ?? []}
        lines={lines.data ?? []}
        onClose={(saved) => {
          setClassifying(null);
          if (saved) {
            setChecked(new Set());
            afterChange();
          }
        }}
      />
      <RulesDrawer open={rulesOpen} readOnly={readOnly} onClose={() => setRulesOpen(false)} />
      <UnmatchedDrawer
        open={unmatchedOpen}
        yearId={yearId}
        groups={unmatched.data}
        lines={lines.data ?? []}
        readOnly={readOnly}
        onClose={() => setUnmatchedOpen(false)}
        onShow={(f) => {
          setFilter(f);
          setUnmatchedOpen(false);
        }}
        onLinked={afterChange}
      />
    </Space>
  );
}

const filterIsEmpty = (f: DrillFilter) => Object.values(f).every((v) => v === undefined || v === '');

// A year with no transactions yet: point to where they come from instead of an empty grid.
function EmptyYear() {
  return (
    <Space direction="vertical" align="center" data-testid="ledger-empty">
      <Typography.Text>本年度还没有支出记录。</Typography.Text>
      <Typography.Text type="secondary">可导入银行流水或财务系统导出的明细账，也可点“新增支出”逐笔录入。</Typography.Text>
      <Button type="primary" onClick={() => (window.location.hash = '#/import')} data-testid="ledger-empty-import">
        去导入数据
      </Button>
    </Space>
  );
}
