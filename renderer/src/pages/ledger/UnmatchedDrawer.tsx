import { App as AntApp, Button, Drawer, Empty, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BudgetLineExecutionRow, DrillFilter, UnmatchedGroup } from '../../../../shared/budget/schemas.ts';
import { FUNDING_SOURCE_LABELS, LEDGER_CATEGORY_LABELS } from '../../../../shared/domain/enums.ts';
import { formatYuan } from '../../../../shared/money/fen.ts';
import { api } from '../../api/client.ts';
import { applyError } from '../../components/apply-error.ts';
import { lineLabel, lineOptions } from './line-options.ts';

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
  const [lineId, setLineId] = useState<number | undefined>(g.candidateLineIds.length === 1 ? g.candidateLineIds[0] : undefined);
  // Rows nobody classified have nothing in common but their unit: linking them to one line would
  // file wages, fees and supplies together. They are classified first, then linked by their codes.
  const unclassified = g.category === 'unclassified';
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
            {unclassified
              ? '这些支出尚未分类，彼此可能毫不相干：请先在支出明细中分类（设置经济分类、项目），再关联预算指标'
              : g.candidateLineIds.length === 0
                ? '没有单位、资金来源、类别、项目和编码都一致的预算指标，请选择一条或先补充预算指标'
                : g.candidateLineIds.length === 1
                  ? '有 1 条一致的预算指标（建议关联）'
                  : `有 ${g.candidateLineIds.length} 条一致的预算指标，请选择一条`}
          </Typography.Text>
        </div>
        <Button size="small" type={unclassified ? 'primary' : 'default'} onClick={() => onShow(g.filter)} data-testid="unmatched-show">
          {unclassified ? '去分类' : '查看明细'}
        </Button>
      </Flex>
      {!readOnly && !unclassified && (
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

/** Where a group belongs in the drawer: under its one suggested line, or why it has none. */
function suggestion(g: UnmatchedGroup, lines: BudgetLineExecutionRow[]): { key: string; title: string; order: number } {
  if (g.category === 'unclassified') return { key: 'unclassified', title: '未分类支出（先分类，再关联）', order: 3 };
  if (g.candidateLineIds.length === 1) {
    const id = g.candidateLineIds[0]!;
    const line = lines.find((l) => l.budgetLineId === id);
    return { key: `line:${id}`, title: `建议关联：${line ? lineLabel(line) : `#${id}`}`, order: 0 };
  }
  if (g.candidateLineIds.length > 1) return { key: 'ambiguous', title: '有多条一致的预算指标（请逐组选择）', order: 1 };
  return { key: 'none', title: '没有一致的预算指标', order: 2 };
}

/**
 * Unlinked spending in groups of the same unit, source, category, project and codes, listed under
 * the budget line each group suggests (or why it suggests none). A group only ever links to one
 * line as a whole because its rows share those codes; 未分类 rows share nothing and are never
 * offered a line.
 */
export function UnmatchedDrawer(props: Props) {
  const { open, groups, lines, onClose } = props;
  const sections = new Map<string, { title: string; order: number; groups: UnmatchedGroup[] }>();
  for (const g of groups ?? []) {
    const s = suggestion(g, lines);
    const section = sections.get(s.key) ?? { title: s.title, order: s.order, groups: [] };
    section.groups.push(g);
    sections.set(s.key, section);
  }
  const ordered = [...sections.entries()].sort((a, b) => a[1].order - b[1].order || a[0].localeCompare(b[0]));
  return (
    <Drawer open={open} onClose={onClose} title="未关联预算指标的支出" size={720} destroyOnHidden>
      <div data-testid="unmatched-drawer">
        {groups && groups.length === 0 && <Empty description="所有支出都已关联预算指标" />}
        {ordered.map(([key, section]) => (
          <section key={key} data-testid="unmatched-section" style={{ marginBottom: 16 }}>
            <Typography.Title level={5} style={{ marginBottom: 0 }}>
              {section.title}
            </Typography.Title>
            {section.groups.map((g) => (
              <GroupItem key={groupKey(g)} g={g} {...props} />
            ))}
          </section>
        ))}
      </div>
    </Drawer>
  );
}
