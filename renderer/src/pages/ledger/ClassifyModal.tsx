import { App as AntApp, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BudgetLineExecutionRow } from '../../../../shared/budget/schemas.ts';
import type { Project } from '../../../../shared/domain/budget-line.ts';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../shared/domain/enums.ts';
import type { ClassifyTxnsInput } from '../../../../shared/domain/ledger.ts';
import { api } from '../../api/client.ts';
import { applyError } from '../../components/apply-error.ts';
import { lineOptions } from './line-options.ts';

interface Props {
  /** The ticked rows; the modal is open while this is not null. */
  ids: number[] | null;
  yearId: number;
  projects: Project[];
  lines: BudgetLineExecutionRow[];
  onClose(saved: boolean): void;
}

// Select values: KEEP leaves the field as each row has it, CLEAR removes a project or a link.
const KEEP = -1;
const CLEAR = 0;

interface Values {
  category: Category | typeof KEEP;
  econCode: string;
  funcCode: string;
  projectId: number;
  budgetLineId: number;
}

const INITIAL: Values = { category: KEEP, econCode: '', funcCode: '', projectId: KEEP, budgetLineId: KEEP };

function toSet(v: Values): ClassifyTxnsInput['set'] {
  const set: ClassifyTxnsInput['set'] = {};
  if (v.category !== KEEP) set.category = v.category;
  if (v.econCode.trim() !== '') set.econCode = v.econCode.trim();
  if (v.funcCode.trim() !== '') set.funcCode = v.funcCode.trim();
  if (v.projectId !== KEEP) set.projectId = v.projectId === CLEAR ? null : v.projectId;
  if (v.budgetLineId !== KEEP) set.budgetLineId = v.budgetLineId === CLEAR ? null : v.budgetLineId;
  return set;
}

/** 批量分类: 类别, 经济分类, 功能分类, 项目 and 预算指标 set on every ticked row at once. */
export function ClassifyModal({ ids, yearId, projects, lines, onClose }: Props) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (ids) form.setFieldsValue(INITIAL);
  }, [ids, form]);
  const save = async () => {
    if (!ids) return;
    const values = await form.validateFields();
    const set = toSet(values);
    if (Object.keys(set).length === 0) {
      message.warning('请至少选择一项要设置的内容。');
      return;
    }
    setBusy(true);
    try {
      const r = await api!.call('ledger.classify', { yearId, ids, set });
      message.success(`已设置 ${r.updated} 条支出记录的分类（可在“修改记录”中逐条撤销）。`);
      onClose(true);
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(false);
    }
  };
  const digits = [{ pattern: /^\d*$/, message: '只能填数字' }];
  return (
    <Modal
      open={ids !== null}
      title={`批量分类：已选 ${ids?.length ?? 0} 条`}
      onOk={save}
      okText="设置"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      width={640}
      okButtonProps={{ id: 'classify-ok' }}
    >
      <Typography.Paragraph type="secondary">只修改下面填写或选择的项，其余保持各行原样。类别不选时按经济分类判断（301、303 等为人员经费，其余为公用经费），有项目即为项目支出。</Typography.Paragraph>
      <Form form={form} layout="horizontal" labelCol={{ span: 5 }} initialValues={INITIAL}>
        <Form.Item name="category" label="类别">
          <Select
            data-testid="classify-category"
            options={[{ value: KEEP, label: '（按经济分类和项目判断）' }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
          />
        </Form.Item>
        <Form.Item name="econCode" label="经济分类" rules={digits}>
          <Input placeholder="如 30101；不填则不修改" data-testid="classify-econ" maxLength={20} />
        </Form.Item>
        <Form.Item name="funcCode" label="功能分类" rules={digits}>
          <Input placeholder="如 2010301；不填则不修改" data-testid="classify-func" maxLength={20} />
        </Form.Item>
        <Form.Item name="projectId" label="项目">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="classify-project"
            options={[{ value: KEEP, label: '（不修改）' }, { value: CLEAR, label: '（清除项目）' }, ...projects.map((p) => ({ value: p.id, label: p.name }))]}
          />
        </Form.Item>
        <Form.Item name="budgetLineId" label="预算指标">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="classify-line"
            options={[{ value: KEEP, label: '（不修改）' }, { value: CLEAR, label: '（取消关联）' }, ...lineOptions(lines, null)]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
