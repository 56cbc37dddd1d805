import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { fenToWanText, parseAmountInUnit } from '../../../../shared/money/fen.ts';
import { PROCUREMENT_KIND_LABELS, PROCUREMENT_KINDS, type ProcurementItem, type ProcurementKind } from '../../../../shared/domain/procurement.ts';
import { api } from '../../api/client.ts';
import { applyError } from '../../components/apply-error.ts';

interface ItemForm {
  name: string;
  kind: ProcurementKind;
  planned: string;
  actual: string;
  note?: string;
}

const amountRule = (label: string) => ({
  validator: (_: unknown, v: string | undefined) => {
    if (!v?.trim()) return Promise.reject(new Error(`请填写${label}`));
    const f = parseAmountInUnit(v, 'wan');
    if (f === null) return Promise.reject(new Error(`${label}不是有效的金额（万元，如 12.5）`));
    if (f < 0) return Promise.reject(new Error(`${label}不能为负数`));
    return Promise.resolve();
  },
});

/** Adds or edits one 政府采购 item; amounts are typed in 万元 like the rest of the budget pages. */
export function ProcurementItemModal(props: { item: ProcurementItem | 'new' | null; yearId: number; onClose(saved: boolean): void }) {
  const { item, yearId, onClose } = props;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ItemForm>();
  useEffect(() => {
    if (item === null) return;
    form.resetFields();
    if (item !== 'new') {
      form.setFieldsValue({ name: item.name, kind: item.kind, planned: fenToWanText(item.plannedFen), actual: fenToWanText(item.actualFen), note: item.note });
    }
  }, [item, form]);
  if (item === null) return null;
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api!.call('procurement.saveItem', {
        ...(item === 'new' ? {} : { id: item.id }),
        yearId,
        name: v.name,
        kind: v.kind,
        plannedFen: parseAmountInUnit(v.planned, 'wan')!,
        actualFen: parseAmountInUnit(v.actual, 'wan')!,
        note: v.note ?? '',
      });
      message.success('已保存');
      onClose(true);
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  return (
    <Modal open title={item === 'new' ? '新增政府采购项目' : '修改政府采购项目'} onOk={save} onCancel={() => onClose(false)} okText="保存" cancelText="取消" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'goods' }} data-testid="procurement-form">
        <Form.Item name="name" label="采购项目名称" rules={[{ required: true, whitespace: true, message: '请填写采购项目名称' }]}>
          <Input maxLength={200} data-testid="procurement-name" />
        </Form.Item>
        <Form.Item name="kind" label="采购类别">
          <Select options={PROCUREMENT_KINDS.map((k) => ({ value: k, label: PROCUREMENT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="planned" label="政府采购预算（万元）" rules={[amountRule('政府采购预算')]}>
          <Input data-testid="procurement-planned" />
        </Form.Item>
        <Form.Item name="actual" label="实际采购金额（万元）" rules={[amountRule('实际采购金额')]}>
          <Input data-testid="procurement-actual" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea autoSize={{ minRows: 1 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
