import { App as AntApp, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BudgetLineExecutionRow, TransactionRow } from '../../../../shared/budget/schemas.ts';
import { formatYuan } from '../../../../shared/money/fen.ts';
import { api } from '../../api/client.ts';
import { applyError } from '../../components/apply-error.ts';
import { lineOptions } from './line-options.ts';

interface Props {
  txn: TransactionRow | null;
  yearId: number;
  lines: BudgetLineExecutionRow[];
  onClose(saved: boolean): void;
}

const NONE = 0;

/** Links one spending row to a budget line (or removes the link). */
export function LinkLineModal({ txn, yearId, lines, onClose }: Props) {
  const { message } = AntApp.useApp();
  const [lineId, setLineId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setLineId(txn?.budgetLineId ?? null), [txn]);
  const save = async () => {
    if (!txn) return;
    setBusy(true);
    try {
      await api!.call('execution.setTxnLine', { yearId, txnId: txn.id, budgetLineId: lineId });
      message.success(lineId === null ? '已取消关联' : `已关联到预算指标 #${lineId}`);
      onClose(true);
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={txn !== null} title="关联预算指标" onOk={save} okText="保存" cancelText="取消" confirmLoading={busy} onCancel={() => onClose(false)} width={760}>
      {txn && (
        <>
          <Typography.Paragraph>
            {txn.txnDate} · {txn.voucherNo || '无凭证号'} · {txn.summary || '（无摘要）'} · {formatYuan(txn.amountFen)} 元
          </Typography.Paragraph>
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            value={lineId ?? NONE}
            onChange={(v) => setLineId(v === NONE ? null : v)}
            options={[{ value: NONE, label: '（不关联预算指标）' }, ...lineOptions(lines, txn)]}
            data-testid="link-line-select"
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            标有【匹配】的指标与该笔支出的单位、资金来源、支出类别、项目和分类编码一致。
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
