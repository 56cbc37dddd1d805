import { memo } from 'react';
import { Card, Table } from 'antd';
import type { CategoryTotals } from '../../../../shared/domain/totals.ts';
import { CATEGORY_LABELS } from '../../../../shared/domain/enums.ts';
import { formatWan } from '../../../../shared/money/fen.ts';
import { ratio } from '../../../../shared/money/rate.ts';
import { percentText } from '../execution/figures.ts';

/** Budget and spending by 支出类别 for the whole department (万元). Memoised: the grid beside it re-renders on every keystroke. */
export const CategoryTotalsCard = memo(function CategoryTotalsCard({ totals }: { totals: CategoryTotals | null }) {
  const rows = totals
    ? [...totals.rows.map((r) => ({ key: r.category, label: CATEGORY_LABELS[r.category], ...r })), { key: 'total', label: '合计', ...totals.total }]
    : [];
  return (
    <Card title="按支出类别汇总（万元）" size="small">
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="category-totals"
        columns={[
          { title: '支出类别', dataIndex: 'label' },
          { title: '年初预算', dataIndex: 'initialFen', align: 'right', render: (v: number) => formatWan(v) },
          { title: '调整数', dataIndex: 'adjustmentFen', align: 'right', render: (v: number) => formatWan(v) },
          { title: '调整后预算', dataIndex: 'finalFen', align: 'right', render: (v: number) => formatWan(v) },
          { title: '支出数', dataIndex: 'actualFen', align: 'right', render: (v: number) => formatWan(v) },
          { title: '执行率', key: 'rate', align: 'right', render: (_, r) => percentText(ratio(r.actualFen, r.finalFen)) },
        ]}
        rowClassName={(r) => (r.key === 'total' ? 'row-total' : '')}
      />
    </Card>
  );
});
