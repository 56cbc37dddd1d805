import { App as AntApp, Card, Empty, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  PROJECT_INDICATOR_DIRECTION_LABELS,
  PROJECT_INDICATOR_DIRECTIONS,
  PROJECT_INDICATOR_KIND_LABELS,
  PROJECT_INDICATOR_KINDS,
  type ProjectIndicator,
  targetWithSign,
} from '../../../shared/domain/project-indicator.ts';
import { indicatorCompletion } from '../../../shared/scoring/project-indicator-completion.ts';
import { formatRational } from '../../../shared/scoring/rational.ts';
import { api } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { applyError } from '../components/apply-error.ts';

type Editing = { projectId: number; indicator: ProjectIndicator | null } | null;

const withUnit = (value: string | null, unit: string) => (value === null ? '—' : `${value} ${unit}`.trim());

/** 完成率 and 是否完成 as the report's annex prints them. */
function Completion({ indicator }: { indicator: ProjectIndicator }) {
  const c = indicatorCompletion(indicator);
  if (c.met === null) return <Typography.Text type="secondary">未填报</Typography.Text>;
  return (
    <Space size={4}>
      <Tag color={c.met ? 'green' : 'red'}>{c.met ? '是' : '否'}</Tag>
      {c.ratePercent && <Typography.Text type="secondary">{formatRational(c.ratePercent, 2)}%</Typography.Text>}
    </Space>
  );
}

/** Each project's own 产出 / 效益 / 满意度 indicators with target and actual values. */
export function ProjectIndicatorsCard({ yearId, locked }: { yearId: number; locked: boolean }) {
  const { message } = AntApp.useApp();
  const projects = useQuery('projects.list', { yearId });
  const indicators = useQuery('projects.indicators', { yearId });
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm();
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(editing.indicator ?? { kind: 'output', name: '', direction: 'higher', unit: '', targetValue: '', actualValue: '' });
  }, [editing, form]);
  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    const blank = (s: string | undefined | null) => (s && s.trim() !== '' ? s.trim() : null);
    try {
      await api!.call('projects.saveIndicator', {
        // The 项目自评 fields (二级指标, 分值, 偏差原因…) are edited on their own page and kept as they are.
        ...(editing.indicator
          ? (({ id, level2, nature, weightCenti, grade, targetText, deviationReason }) => ({ id, level2, nature, weightCenti, grade, targetText, deviationReason }))(editing.indicator)
          : {}),
        projectId: editing.projectId,
        kind: v.kind,
        name: v.name,
        direction: v.direction,
        unit: v.unit ?? '',
        targetValue: blank(v.targetValue),
        actualValue: blank(v.actualValue),
      });
      message.success('项目指标已保存');
      setEditing(null);
      await indicators.reload();
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  const remove = async (i: ProjectIndicator) => {
    try {
      await api!.call('projects.deleteIndicator', { id: i.id });
      await indicators.reload();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  const numberRule = { pattern: /^\s*(-?\d+(\.\d+)?)?\s*$/, message: '请填写数字' };
  return (
    <Card size="small" title="项目绩效指标（产出、效益、满意度）">
      {(projects.data ?? []).length === 0 && <Empty description="本年度还没有项目（在“预算”中录入项目支出时创建）" />}
      {(projects.data ?? []).map((p) => (
        <div key={p.id} style={{ marginBottom: 12 }} data-testid={`project-indicators-${p.id}`}>
          <Flex justify="space-between">
            <Typography.Text strong>{p.name}</Typography.Text>
            <Typography.Link disabled={locked} onClick={() => setEditing({ projectId: p.id, indicator: null })} data-testid={`add-indicator-${p.id}`}>
              新增指标
            </Typography.Link>
          </Flex>
          <Table<ProjectIndicator>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={(indicators.data ?? []).filter((i) => i.projectId === p.id)}
            locale={{ emptyText: '尚无指标' }}
            columns={[
              { title: '类型', dataIndex: 'kind', width: 110, render: (k: ProjectIndicator['kind']) => PROJECT_INDICATOR_KIND_LABELS[k] },
              { title: '指标', dataIndex: 'name' },
              { title: '指标值', width: 150, render: (_, i) => withUnit(targetWithSign(i.direction, i.targetValue), i.unit) },
              { title: '实际完成值', width: 150, render: (_, i) => withUnit(i.actualValue, i.unit) },
              { title: '是否完成（完成率）', width: 170, render: (_, i) => <Completion indicator={i} /> },
              {
                title: '操作',
                width: 110,
                render: (_, i) => (
                  <Space>
                    <Typography.Link disabled={locked} onClick={() => setEditing({ projectId: p.id, indicator: i })}>
                      编辑
                    </Typography.Link>
                    <Popconfirm title="删除该指标？" okText="删除" cancelText="取消" onConfirm={() => remove(i)}>
                      <Typography.Link type="danger" disabled={locked}>
                        删除
                      </Typography.Link>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </div>
      ))}
      <Modal open={editing !== null} title="项目绩效指标" onOk={save} onCancel={() => setEditing(null)} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Flex gap={12}>
            <Form.Item name="kind" label="类型" style={{ flex: 1 }} rules={[{ required: true, message: '请选择类型' }]}>
              <Select options={PROJECT_INDICATOR_KINDS.map((k) => ({ value: k, label: PROJECT_INDICATOR_KIND_LABELS[k] }))} />
            </Form.Item>
            <Form.Item name="name" label="指标名称" style={{ flex: 2 }} rules={[{ required: true, whitespace: true, message: '请填写指标名称' }]}>
              <Input />
            </Form.Item>
          </Flex>
          <Form.Item
            name="direction"
            label="指标方向"
            extra="成本、时限、投诉率等越小越好的指标选“反向”：实际完成值不超过指标值即为完成。"
            rules={[{ required: true, message: '请选择指标方向' }]}
          >
            <Select
              options={PROJECT_INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: PROJECT_INDICATOR_DIRECTION_LABELS[d] }))}
            />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="unit" label="计量单位" style={{ flex: 1 }}>
              <Input />
            </Form.Item>
            <Form.Item name="targetValue" label="指标值" style={{ flex: 1 }} rules={[numberRule]}>
              <Input />
            </Form.Item>
            <Form.Item name="actualValue" label="实际完成值" style={{ flex: 1 }} rules={[numberRule]}>
              <Input />
            </Form.Item>
          </Flex>
        </Form>
      </Modal>
    </Card>
  );
}
