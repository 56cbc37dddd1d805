import { App as AntApp, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import {
  PROJECT_INDICATOR_DIRECTION_LABELS,
  PROJECT_INDICATOR_DIRECTIONS,
  PROJECT_INDICATOR_KIND_LABELS,
  PROJECT_INDICATOR_KINDS,
  type ProjectIndicator,
} from '../../../../shared/domain/project-indicator.ts';
import type { ProjectEvalRules } from '../../../../shared/project-eval/rules.ts';
import { api } from '../../api/client.ts';
import { applyError } from '../../components/apply-error.ts';

export type IndicatorEditing = { projectId: number; indicator: ProjectIndicator | null } | null;

const blank = (s: string | undefined | null) => (s && s.trim() !== '' ? s.trim() : null);
const numberRule = { pattern: /^\s*(-?\d+(\.\d+)?)?\s*$/, message: '请填写数字' };

/** One indicator of the 项目支出绩效自评表: 一级/二级, 定量 target and actual or 定性 grade, 分值, 偏差原因. */
export function IndicatorModal({ editing, rules, onClose }: { editing: IndicatorEditing; rules: ProjectEvalRules; onClose(saved: boolean): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as ProjectIndicator['kind'] | undefined;
  const nature = Form.useWatch('nature', form) as ProjectIndicator['nature'] | undefined;
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    const i = editing.indicator;
    form.setFieldsValue(
      i
        ? { ...i, weight: i.weightCenti === null ? null : i.weightCenti / 100 }
        : { kind: 'output', nature: 'quantitative', direction: 'higher', level2: '', name: '', unit: '', weight: null, deviationReason: '', targetText: '' },
    );
  }, [editing, form]);
  const save = async () => {
    if (!editing) return;
    // Fields hidden for the chosen 指标性质 (direction for a 定性 indicator…) keep their values.
    const v = { ...form.getFieldsValue(true), ...(await form.validateFields()) };
    try {
      await api!.call('projects.saveIndicator', {
        ...(editing.indicator ? { id: editing.indicator.id } : {}),
        projectId: editing.projectId,
        kind: v.kind,
        level2: v.level2 ?? '',
        name: v.name,
        nature: v.nature,
        direction: v.direction,
        unit: v.unit ?? '',
        targetValue: v.nature === 'qualitative' ? null : blank(v.targetValue),
        actualValue: v.nature === 'qualitative' ? null : blank(v.actualValue),
        targetText: v.nature === 'qualitative' ? (v.targetText ?? '') : '',
        grade: v.nature === 'qualitative' ? (v.grade ?? null) : null,
        weightCenti: v.weight === null || v.weight === undefined ? null : Math.round(v.weight * 100),
        deviationReason: v.deviationReason ?? '',
      });
      message.success('绩效指标已保存');
      onClose(true);
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  const level2Options = rules.levels.find((l) => l.kind === (kind ?? 'output'))?.level2 ?? [];
  return (
    <Modal open={editing !== null} title={editing?.indicator ? '编辑绩效指标' : '添加绩效指标'} okText="保存" cancelText="取消" onOk={save} onCancel={() => onClose(false)} width={640} destroyOnHidden>
      <Form form={form} layout="horizontal" labelCol={{ span: 6 }} wrapperCol={{ span: 17 }} size="small">
        <Form.Item name="kind" label="一级指标" rules={[{ required: true }]}>
          <Select options={PROJECT_INDICATOR_KINDS.map((k) => ({ value: k, label: PROJECT_INDICATOR_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="level2" label="二级指标">
          <Select allowClear options={level2Options.map((l) => ({ value: l, label: l }))} placeholder="选择二级指标" />
        </Form.Item>
        <Form.Item name="name" label="三级指标" rules={[{ required: true, message: '请填写指标名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nature" label="指标性质">
          <Radio.Group options={[{ value: 'quantitative', label: '定量' }, { value: 'qualitative', label: '定性' }]} />
        </Form.Item>
        {nature === 'qualitative' ? (
          <>
            <Form.Item name="targetText" label="年度指标值">
              <Input maxLength={200} placeholder="如：服务质量明显提升" />
            </Form.Item>
            <Form.Item name="grade" label="完成档次">
              <Select allowClear options={rules.qualitative.map((g) => ({ value: g.grade, label: `${g.label}（得分 ${g.percent}%）` }))} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="direction" label="指标方向">
              <Select options={PROJECT_INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: PROJECT_INDICATOR_DIRECTION_LABELS[d] }))} />
            </Form.Item>
            <Form.Item name="unit" label="计量单位">
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item name="targetValue" label="年度指标值" rules={[numberRule]}>
              <Input />
            </Form.Item>
            <Form.Item name="actualValue" label="实际完成值" rules={[numberRule]}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name="weight" label="分值" extra="留空则平分一级指标权重">
          <InputNumber min={0} max={100} precision={2} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="deviationReason" label="偏差原因分析及改进措施">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
