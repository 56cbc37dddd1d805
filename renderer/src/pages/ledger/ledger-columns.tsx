import type { TransactionRow } from '../../../../shared/budget/schemas.ts';
import { FUNDING_SOURCE_LABELS, LEDGER_CATEGORY_LABELS } from '../../../../shared/domain/enums.ts';
import { formatYuan } from '../../../../shared/money/fen.ts';
import './ledger-grid.css';
import type { GridColumn } from './VirtualGrid.tsx';

interface Actions {
  readOnly: boolean;
  onEdit(row: TransactionRow): void;
  onLink(row: TransactionRow): void;
  onDelete(row: TransactionRow): void;
  /** 批量分类: which rows are ticked. */
  checked: ReadonlySet<number>;
  onCheck(row: TransactionRow, on: boolean): void;
  /** The header box: ticks every loaded row (or clears them all). */
  allChecked: boolean;
  onCheckAll(on: boolean): void;
}

function source(r: TransactionRow): string {
  if (!r.sourceFile) return r.batchId === null ? '手工录入' : `批次 ${r.batchId}`;
  const where = [r.sourceSheet, r.sourceRow !== null ? `第 ${r.sourceRow} 行` : ''].filter(Boolean).join(' ');
  return `${r.sourceFile}${where ? ` ${where}` : ''}`;
}

// Plain elements only: rows mount and unmount continuously while scrolling, and antd components
// per row (links, tags, pop-confirms) made a fast scroll drop frames.

/** The 支出明细 grid's columns, in reading order. */
export function ledgerColumns(a: Actions): GridColumn<TransactionRow>[] {
  return [
    {
      key: 'check',
      title: (
        <input
          type="checkbox"
          aria-label="选中已载入的全部行"
          title="选中已载入的全部行"
          checked={a.allChecked}
          disabled={a.readOnly}
          onChange={(e) => a.onCheckAll(e.target.checked)}
          data-testid="txn-check-all"
        />
      ),
      width: 36,
      align: 'center',
      render: (r) => (
        <input
          type="checkbox"
          aria-label={`选中 ${r.txnDate} ${r.summary}`}
          checked={a.checked.has(r.id)}
          disabled={a.readOnly}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => a.onCheck(r, e.target.checked)}
          data-testid="txn-check"
        />
      ),
    },
    { key: 'date', title: '日期', width: 104, render: (r) => r.txnDate },
    { key: 'voucher', title: '凭证号', width: 96, render: (r) => r.voucherNo },
    { key: 'summary', title: '摘要', width: 230, render: (r) => <span title={r.summary}>{r.summary}</span> },
    { key: 'counterparty', title: '对方户名', width: 170, render: (r) => <span title={r.counterparty}>{r.counterparty}</span> },
    {
      key: 'amount',
      title: '金额（元）',
      width: 130,
      align: 'right',
      render: (r) => (r.direction === 'in' ? <span className="inflow">收 {formatYuan(r.amountFen)}</span> : formatYuan(r.amountFen)),
    },
    { key: 'unit', title: '单位', width: 170, render: (r) => <span title={r.unitName}>{r.unitName}</span> },
    { key: 'category', title: '类别', width: 130, render: (r) => (r.category === 'unclassified' ? <span className="flag">未分类</span> : LEDGER_CATEGORY_LABELS[r.category]) },
    { key: 'funding', title: '资金来源', width: 150, render: (r) => FUNDING_SOURCE_LABELS[r.fundingSource] },
    { key: 'func', title: '功能分类', width: 90, render: (r) => r.funcCode },
    { key: 'econ', title: '经济分类', width: 80, render: (r) => r.econCode },
    { key: 'project', title: '项目', width: 170, render: (r) => <span title={r.projectName ?? ''}>{r.projectName ?? ''}</span> },
    {
      key: 'line',
      title: '预算指标',
      width: 96,
      render: (r) => (r.direction === 'in' ? '' : r.budgetLineId === null ? <span className="flag">未关联</span> : `#${r.budgetLineId}`),
    },
    { key: 'source', title: '来源', width: 180, render: (r) => <span title={source(r)}>{source(r)}</span> },
    {
      key: 'actions',
      title: '操作',
      width: 150,
      render: (r) => (
        <>
          <button type="button" className="link-btn" disabled={a.readOnly} onClick={() => a.onEdit(r)} data-testid="txn-edit">
            编辑
          </button>
          <button type="button" className="link-btn" disabled={a.readOnly || r.direction === 'in'} onClick={() => a.onLink(r)} data-testid="txn-link">
            关联
          </button>
          <button type="button" className="link-btn danger" disabled={a.readOnly} onClick={() => a.onDelete(r)} data-testid="txn-delete">
            删除
          </button>
        </>
      ),
    },
  ];
}
