import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { displayedWanGapFen, roundingNote } from '../../../../shared/budget/display-rounding.ts';
import type { BreakdownRow } from '../../../../shared/budget/schemas.ts';
import { percentText, signedPercentText, signedWan, wan } from './figures.ts';

interface Props {
  rows: BreakdownRow[];
  /** The exact total the rows add up to; shown as the 合计 row. */
  total: BreakdownRow | null;
  totalLabel?: string;
  nameTitle: string;
  compare: boolean;
  onDrill(row: BreakdownRow): void;
  testId: string;
}

export function rowName(r: BreakdownRow): string {
  return r.code ? `${r.code} ${r.label}` : r.label;
}

const money = (title: string, pick: (r: BreakdownRow) => number) => ({
  title,
  align: 'right' as const,
  render: (_: unknown, r: BreakdownRow) => wan(pick(r)),
});

function columns(nameTitle: string, compare: boolean): ColumnsType<BreakdownRow> {
  const cols: ColumnsType<BreakdownRow> = [
    { title: nameTitle, key: 'name', render: (_, r) => rowName(r), ellipsis: true, width: 260 },
    money('年初预算', (r) => r.initialFen),
    money('调整数', (r) => r.adjustmentFen),
    money('调整后预算', (r) => r.finalFen),
    money('支出数', (r) => r.actualFen),
    { title: '执行率', key: 'rate', align: 'right', render: (_, r) => percentText(r.executionRate) },
    money('结余', (r) => r.balanceFen),
    { title: '笔数', dataIndex: 'txnCount', align: 'right' },
  ];
  if (compare) {
    cols.push(
      { title: '上年预算', key: 'lyFinal', align: 'right', render: (_, r) => (r.lastYear ? wan(r.lastYear.finalFen) : '—') },
      { title: '上年支出', key: 'lyActual', align: 'right', render: (_, r) => (r.lastYear ? wan(r.lastYear.actualFen) : '—') },
      { title: '支出变动', key: 'change', align: 'right', render: (_, r) => (r.actualChangeFen === null ? '—' : signedWan(r.actualChangeFen)) },
      { title: '变动率', key: 'changeRate', align: 'right', render: (_, r) => signedPercentText(r.actualChangeRate) },
    );
  }
  return cols;
}

/** The first shown-sum gap among budget and spending, for the rounding note (ROUNDING.md §3). */
function roundingGap(rows: BreakdownRow[], total: BreakdownRow): number {
  const final = displayedWanGapFen(
    rows.map((r) => r.finalFen),
    total.finalFen,
  );
  if (final !== 0) return final;
  return displayedWanGapFen(
    rows.map((r) => r.actualFen),
    total.actualFen,
  );
}

/** A breakdown as a table (万元); clicking a row lists its transactions. */
export function BreakdownTable({ rows, total, totalLabel = '合计', nameTitle, compare, onDrill, testId }: Props) {
  const data = total ? [...rows, { ...total, key: '__total', label: totalLabel, code: null }] : rows;
  const note = total ? roundingNote(roundingGap(rows, total)) : null;
  return (
    <>
      <Table<BreakdownRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={data}
        columns={columns(nameTitle, compare)}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        locale={{ emptyText: '没有数据' }}
        rowClassName={(r) => (r.key === '__total' ? 'row-total' : '')}
        onRow={(r) => ({
          onClick: () => onDrill(r),
          style: r.filter ? { cursor: 'pointer' } : undefined,
          title: r.filter ? '点击查看对应的支出明细' : undefined,
        })}
      />
      {note && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 6 }} data-testid={`${testId}-rounding`}>
          {note}
        </Typography.Paragraph>
      )}
    </>
  );
}
