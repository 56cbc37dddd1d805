import { Alert, Button, Drawer, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { TransactionRow } from '../../../../shared/budget/schemas.ts';
import { DIRECTION_LABELS, LEDGER_CATEGORY_LABELS } from '../../../../shared/domain/enums.ts';
import { formatYuan } from '../../../../shared/money/fen.ts';
import { useQuery } from '../../api/use-query.ts';
import type { Drill } from './drill.ts';
import { transactionSumsText } from '../ledger/transaction-sums-text.ts';
import { navigateWithJump } from './jump-target.ts';

const PAGE_SIZE = 50;

const columns: ColumnsType<TransactionRow> = [
  { title: '日期', dataIndex: 'txnDate', width: 100 },
  { title: '凭证号', dataIndex: 'voucherNo', width: 90 },
  { title: '摘要', dataIndex: 'summary', ellipsis: true, width: 200 },
  {
    title: '金额（元）',
    key: 'amount',
    align: 'right',
    width: 130,
    render: (_, r) => `${r.direction === 'in' ? `${DIRECTION_LABELS.in} ` : ''}${formatYuan(r.amountFen)}`,
  },
  { title: '单位', dataIndex: 'unitName', ellipsis: true, width: 150 },
  { title: '类别', key: 'category', width: 130, render: (_, r) => LEDGER_CATEGORY_LABELS[r.category] },
  { title: '经济分类', dataIndex: 'econCode', width: 80 },
  { title: '功能分类', dataIndex: 'funcCode', width: 90 },
  { title: '项目', dataIndex: 'projectName', ellipsis: true, width: 150, render: (v: string | null) => v ?? '' },
];

/** The transactions behind a figure, paged from the main process. */
export function TransactionsDrawer({ yearId, drill, onClose }: { yearId: number; drill: Drill | null; onClose(): void }) {
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (drill) setPage(1);
  }, [drill]);
  const q = useQuery('execution.transactions', drill ? { yearId, ...drill.filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE } : null);
  const data = q.data;
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      title={drill ? `支出明细：${drill.title}` : ''}
      size={1120}
      destroyOnHidden
      extra={
        drill && (
          <Button onClick={() => navigateWithJump({ route: 'ledger', filter: drill.filter })} data-testid="drill-open-ledger">
            在支出明细页中查看
          </Button>
        )
      }
    >
      <div data-testid="drill-drawer">
        {q.error && <Alert type="error" title={q.error} style={{ marginBottom: 12 }} />}
        {data && !q.loading && (
          <Typography.Paragraph data-testid="drill-summary">
            {transactionSumsText(data.total, data, true)}
          </Typography.Paragraph>
        )}
        <Table<TransactionRow>
          size="small"
          rowKey="id"
          loading={q.loading}
          dataSource={data?.rows ?? []}
          columns={columns}
          locale={{ emptyText: '没有对应的支出记录' }}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        />
      </div>
    </Drawer>
  );
}
