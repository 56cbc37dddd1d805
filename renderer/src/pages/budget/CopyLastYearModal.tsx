import { App as AntApp, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { applyError } from '../../components/apply-error.ts';
import { type CopyAmounts, copyLinesFromYear } from './copy-last-year.ts';

interface Props {
  open: boolean;
  from: { id: number; year: number } | null;
  toYearId: number;
  onClose(copied: boolean): void;
}

/** Asks how to copy last year's budget lines, then copies them (one server transaction). */
export function CopyLastYearModal({ open, from, toYearId, onClose }: Props) {
  const { message } = AntApp.useApp();
  const [amounts, setAmounts] = useState<CopyAmounts>('zero');
  const [copying, setCopying] = useState(false);
  const run = async () => {
    if (!from) return;
    setCopying(true);
    try {
      const r = await copyLinesFromYear(from.id, toYearId, amounts);
      message.success(
        `已从 ${from.year} 年度复制 ${r.copied} 条预算指标${r.skipped > 0 ? `，${r.skipped} 条本年度已有相同指标，未重复复制` : ''}。`,
      );
      onClose(true);
    } catch (err) {
      // Nothing was copied: the copy is one transaction.
      applyError(err, message.error);
      onClose(false);
    } finally {
      setCopying(false);
    }
  };
  return (
    <Modal
      open={open}
      title={from ? `从 ${from.year} 年度复制预算指标` : '从上年复制预算指标'}
      okText="开始复制"
      cancelText="取消"
      onOk={run}
      onCancel={() => onClose(false)}
      confirmLoading={copying}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          复制每条指标的单位、资金来源、支出类别、项目（本年度没有的项目按名称新建）、功能分类和经济分类；本年度已有完全相同的指标不重复复制。调整数、指标文号和备注留空。
        </Typography.Paragraph>
        <Radio.Group
          value={amounts}
          onChange={(e) => setAmounts(e.target.value as CopyAmounts)}
          options={[
            { value: 'zero', label: '年初预算填 0，复制后逐条录入本年金额' },
            { value: 'lastFinal', label: '年初预算先填上年调整后预算数，复制后再修改' },
          ]}
        />
      </Space>
    </Modal>
  );
}
