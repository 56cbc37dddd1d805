import { App as AntApp, Button, Drawer, Empty, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BudgetLineExecutionRow, DrillFilter, UnmatchedGroup } from '../../../../shared/budget/schemas.ts';
import { FUNDING_SOURCE_LABELS, LEDGER_CATEGORY_LABELS } from '../../../../shared/domain/enums.ts';
import { formatYuan } from '../../../../shared/money/fen.ts';
import { api } from '../../api/client.ts';
import { applyError } from '../../components/apply-error.ts';
import { lineOptions } from './line-options.ts';

interface Props {
  open: boolean;
  yearId: number;
  groups: UnmatchedGroup[] | null;
  lines: BudgetLineExecutionRow[];
  readOnly: boolean;
  onClose(): void;
  onShow(filter: DrillFilter): void;
  onLinked(): void;
}

const groupKey = (g: UnmatchedGroup) => JSON.stringify(g.filter);

/**
 * Links every row of one group to the chosen line. The group's filter selects unlinked rows only,
 * so each round fetches from offset 0 until none is left.
 */
async function linkGroup(yearId: number, g: UnmatchedGroup, lineId: number, progress: (done: number) => void): Promise<number> {
  let done = 0;
  for (let round = 0; round < 10_000; round++) {
    const page = await api!.call('execution.transactions', { yearId, ...g.filter, offset: 0, limit: 500 });
    if (page.rows.length === 0) break;
    for (const r of page.rows) {
      await api!.call('execution.setTxnLine', { yearId, txnId: r.id, budgetLineId: lineId });
      done++;
      if (done % 20 === 0) progress(done);
    }
  }
  return done;
}

function GroupItem({ g, yearId, lines, readOnly, onShow, onLinked }: { g: UnmatchedGroup } & Omit<Props, 'open' | 'groups' | 'onClose'>) {
  const { message } = AntApp.useApp();
  const candidates = g.candidateLineIds.length > 0 ? lines.filter((l) => g.candidateLineIds.includes(l.budgetLineId)) : lines;
  const [lineId, setLineId] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const link = async () => {
    if (lineId === undefined) return;
    setBusy('正在关联…');
    try {
      const n = await linkGroup(yearId, g, lineId, (d) => setBusy(`已关联 ${d} 笔…`));
      message.success(`已将 ${n} 笔支出关联到预算指标 #${lineId}`);
      onLinked();
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div data-testid="unmatched-group" style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex justify="space-between" align="start" gap={8}>
        <div>
          <Space size={4} wrap>
            <Typography.Text strong>{g.unitName}</Typography.Text>
            <Tag>{LEDGER_CATEGORY_LABELS[g.category]}</Tag>
            <Tag>{FUNDING_SOURCE_LABELS[g.fundingSource]}</Tag>
            {g.projectName && <Tag color="blue">{g.projectName}</Tag>}
          </Space>
          <div>
            功能分类 {g.funcCode || '（未填写）'} · 经济分类 {g.econCode || '（未填写）'} · {g.txnCount} 笔，{formatYuan(g.actualFen)} 元
          </div>
          <Typography.Text type={g.candidateLineIds.length === 0 ? 'danger' : 'warning'}>
            {g.candidateLineIds.length === 0 ? '没有单位、资金来源、类别、项目和编码都一致的预算指标，请选择一条或先补充预算指标' : `有 ${g.candidateLineIds.length} 条一致的预算指标，请选择一条`}
          </Typography.Text>
        </div>
        <Button size="small" onClick={() => onShow(g.filter)}>
          查看明细
        </Button>
      </Flex>
      {!readOnly && (
        <Flex gap={8} style={{ marginTop: 6 }}>
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: 1 }}
            placeholder="选择预算指标"
            value={lineId}
            onChange={setLineId}
            options={lineOptions(candidates, g)}
          />
          <Button type="primary" disabled={lineId === undefined} loading={busy !== null} onClick={link}>
            {busy ?? '全部关联'}
          </Button>
        </Flex>
      )}
    </div>
  );
}

/** Unlinked spending grouped by unit, source, category, project and codes, each to be resolved. */
export function UnmatchedDrawer(props: Props) {
  const { open, groups, onClose } = props;
  return (
    <Drawer open={open} onClose={onClose} title="未关联预算指标的支出" size={720} destroyOnHidden>
      <div data-testid="unmatched-drawer">
        {groups && groups.length === 0 && <Empty description="所有支出都已关联预算指标" />}
        {(groups ?? []).map((g) => (
          <GroupItem key={groupKey(g)} g={g} {...props} />
        ))}
      </div>
    </Drawer>
  );
}
