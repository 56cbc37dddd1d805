import { App as AntApp, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import type { BudgetLineExecutionRow, TransactionRow } from '../../../../shared/budget/schemas.ts';
import type { Project } from '../../../../shared/domain/budget-line.ts';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  type Category,
  type Direction,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  type FundingSource,
} from '../../../../shared/domain/enums.ts';
import type { Unit } from '../../../../shared/domain/organization.ts';
import { fenToYuanText, parseAmountInUnit } from '../../../../shared/money/fen.ts';
import { api } from '../../api/client.ts';
import { applyError } from '../../components/apply-error.ts';
import { lineOptions } from './line-options.ts';

interface TxnForm {
  unitId: number;
  txnDate: string;
  voucherNo?: string;
  summary?: string;
  counterparty?: string;
  fundingSource: FundingSource;
  category: Category | 'auto';
  funcCode?: string;
  econCode?: string;
  projectId?: number | null;
  budgetLineId?: number | null;
  direction: Direction;
  amount: string;
}

interface Props {
  /** 'new', a row to edit, or null when closed. */
  txn: TransactionRow | 'new' | null;
  yearId: number;
  year: number;
  units: Unit[];
  projects: Project[];
  lines: BudgetLineExecutionRow[];
  onClose(saved: boolean): void;
}

const codeRule = (label: string) => ({ pattern: /^\d*$/, message: `${label}只能填数字` });

/** Adds or edits one transaction; the amount is typed in 元. */
export function TxnModal({ txn, yearId, year, units, projects, lines, onClose }: Props) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<TxnForm>();
  const watched = Form.useWatch([], form) as Partial<TxnForm> | undefined;

  useEffect(() => {
    if (txn === null) return;
    form.resetFields();
    if (txn === 'new') {
      form.setFieldsValue({
        unitId: units.find((u) => u.isPrimary)?.id ?? units[0]?.id,
        txnDate: `${year}-01-01`,
        fundingSource: 'general_budget',
        category: 'auto',
        direction: 'out',
        projectId: null,
        budgetLineId: null,
        amount: '',
      });
    } else {
      form.setFieldsValue({ ...txn, category: txn.category === 'unclassified' ? 'auto' : txn.category, amount: fenToYuanText(txn.amountFen) });
    }
  }, [txn, form, units, year]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await api!.call('ledger.saveTxn', {
        ...(txn !== 'new' && txn ? { id: txn.id } : {}),
        yearId,
        unitId: v.unitId,
        txnDate: v.txnDate.trim(),
        voucherNo: v.voucherNo ?? '',
        summary: v.summary ?? '',
        counterparty: v.counterparty ?? '',
        fundingSource: v.fundingSource,
        category: v.category === 'auto' ? null : v.category,
        funcCode: (v.funcCode ?? '').trim(),
        econCode: (v.econCode ?? '').trim(),
        projectId: v.projectId ?? null,
        budgetLineId: v.direction === 'out' ? (v.budgetLineId ?? null) : null,
        direction: v.direction,
        amountFen: parseAmountInUnit(v.amount, 'yuan')!,
      });
      message.success(txn === 'new' ? '支出记录已添加' : '支出记录已保存');
      onClose(true);
    } catch (err) {
      applyError(err, message.error, form);
    }
  };

  const matchKey =
    watched?.unitId !== undefined && watched.fundingSource
      ? {
          unitId: watched.unitId,
          fundingSource: watched.fundingSource,
          category: watched.category === 'auto' || watched.category === undefined ? (watched.projectId ? 'project' : '') : watched.category,
          projectId: watched.projectId ?? null,
          econCode: watched.econCode ?? '',
          funcCode: watched.funcCode ?? '',
        }
      : null;

  return (
    <Modal
      open={txn !== null}
      title={txn === 'new' ? '新增支出记录' : '编辑支出记录'}
      onOk={save}
      onCancel={() => onClose(false)}
      okText="保存"
      cancelText="取消"
      width={760}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="txn-form">
        <Flex gap={12}>
          <Form.Item name="unitId" label="单位" style={{ flex: 2 }} rules={[{ required: true, message: '请选择单位' }]}>
            <Select options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item
            name="txnDate"
            label="日期"
            style={{ flex: 1 }}
            rules={[
              { required: true, message: '请填写日期' },
              { pattern: /^\s*\d{4}-\d{2}-\d{2}\s*$/, message: '日期格式应为 YYYY-MM-DD，如 2021-03-15' },
            ]}
          >
            <Input placeholder="YYYY-MM-DD" data-testid="txn-date" />
          </Form.Item>
          <Form.Item name="voucherNo" label="凭证号" style={{ flex: 1 }}>
            <Input data-testid="txn-voucher" />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="summary" label="摘要" style={{ flex: 2 }}>
            <Input data-testid="txn-summary" />
          </Form.Item>
          <Form.Item name="counterparty" label="对方户名" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="fundingSource" label="资金来源" style={{ flex: 1 }} rules={[{ required: true, message: '请选择资金来源' }]}>
            <Select options={FUNDING_SOURCES.map((f) => ({ value: f, label: FUNDING_SOURCE_LABELS[f] }))} />
          </Form.Item>
          <Form.Item name="category" label="支出类别" style={{ flex: 1 }}>
            <Select options={[{ value: 'auto', label: '按经济分类和项目自动判断' }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]} />
          </Form.Item>
          <Form.Item name="direction" label="收支方向" style={{ flex: 1 }}>
            <Radio.Group
              options={[
                { value: 'out', label: '支出' },
                { value: 'in', label: '收入' },
              ]}
            />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="funcCode" label="功能分类编码" style={{ flex: 1 }} rules={[codeRule('功能分类编码')]}>
            <Input data-testid="txn-func" />
          </Form.Item>
          <Form.Item name="econCode" label="经济分类编码" style={{ flex: 1 }} rules={[codeRule('经济分类编码')]}>
            <Input data-testid="txn-econ" />
          </Form.Item>
          <Form.Item name="projectId" label="项目" style={{ flex: 2 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="（无项目）"
              options={projects.map((p) => ({ value: p.id, label: p.name }))}
              onClear={() => form.setFieldValue('projectId', null)}
            />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item
            name="amount"
            label="金额（元）"
            style={{ flex: 1 }}
            rules={[
              {
                validator(_, v: string | undefined) {
                  if (!v || v.trim() === '') return Promise.reject(new Error('请填写金额'));
                  const fen = parseAmountInUnit(v, 'yuan');
                  if (fen === null) return Promise.reject(new Error('金额必须是数字（元，最多 2 位小数），如 1234.56'));
                  if (fen === 0) return Promise.reject(new Error('金额不能为 0'));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input data-testid="txn-amount" />
          </Form.Item>
          <Form.Item name="budgetLineId" label="关联预算指标" style={{ flex: 3 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="（不关联）"
              disabled={watched?.direction === 'in'}
              options={lineOptions(lines, matchKey)}
              onClear={() => form.setFieldValue('budgetLineId', null)}
            />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
