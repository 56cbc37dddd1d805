import { Alert, App as AntApp, Button, Card, Empty, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { TASK_STATUS_LABELS, TASK_STATUSES, type TaskStatus } from '../../../shared/domain/enums.ts';
import type { Measure, Task, WorkArea } from '../../../shared/domain/work.ts';
import { api } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { applyError } from '../components/apply-error.ts';
import { ProjectIndicatorsCard } from './ProjectIndicatorsCard.tsx';
import { useCurrentYear } from '../state/session.tsx';

const STATUS_COLORS: Record<TaskStatus, string> = { done: 'green', partial: 'orange', not_done: 'red' };

type Editing =
  | { kind: 'area'; area: WorkArea | null }
  | { kind: 'task'; areaId: number; task: Task | null }
  | { kind: 'measure'; taskId: number; measure: Measure | null }
  | null;

function EditModal({ editing, yearId, onClose }: { editing: Editing; yearId: number; onClose(saved: boolean): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing?.kind === 'area') form.setFieldsValue(editing.area ?? { title: '', summary: '' });
    if (editing?.kind === 'task') form.setFieldsValue(editing.task ?? { title: '', description: '', status: 'done', evidence: '' });
    if (editing?.kind === 'measure') form.setFieldsValue(editing.measure ?? { name: '', unit: '', key: '', targetValue: '', actualValue: '', direction: 'higher' });
  }, [editing, form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing?.kind === 'area') {
        await api!.call('work.saveArea', { ...(editing.area ? { id: editing.area.id } : {}), yearId, title: v.title, summary: v.summary ?? '' });
      } else if (editing?.kind === 'task') {
        await api!.call('work.saveTask', {
          ...(editing.task ? { id: editing.task.id } : {}),
          areaId: editing.areaId,
          title: v.title,
          description: v.description ?? '',
          status: v.status,
          evidence: v.evidence ?? '',
        });
      } else if (editing?.kind === 'measure') {
        const blankToNull = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);
        await api!.call('work.saveMeasure', {
          ...(editing.measure ? { id: editing.measure.id } : {}),
          taskId: editing.taskId,
          key: v.key ?? '',
          name: v.name,
          unit: v.unit ?? '',
          targetValue: blankToNull(v.targetValue),
          actualValue: blankToNull(v.actualValue),
          direction: v.direction,
        });
      }
      message.success('已保存');
      onClose(true);
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  const title = editing?.kind === 'area' ? '工作领域' : editing?.kind === 'task' ? '工作任务' : '成果指标';
  const numberRule = { pattern: /^\s*(-?\d+(\.\d+)?)?\s*$/, message: '请填写数字，如 21609 或 23.36' };
  return (
    <Modal open={editing !== null} title={title} onOk={save} onCancel={() => onClose(false)} okText="保存" cancelText="取消" destroyOnHidden width={640}>
      <Form form={form} layout="vertical">
        {editing?.kind === 'area' && (
          <>
            <Form.Item name="title" label="工作领域名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="summary" label="概述">
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        )}
        {editing?.kind === 'task' && (
          <>
            <Form.Item name="title" label="任务名称" rules={[{ required: true, whitespace: true, message: '请填写任务名称' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="description" label="任务说明">
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="status" label="完成情况" rules={[{ required: true, message: '请选择完成情况' }]}>
              <Select options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))} />
            </Form.Item>
            <Form.Item name="evidence" label="佐证材料说明">
              <Input.TextArea autoSize={{ minRows: 1 }} />
            </Form.Item>
          </>
        )}
        {editing?.kind === 'measure' && (
          <>
            <Flex gap={12}>
              <Form.Item name="name" label="指标名称" style={{ flex: 2 }} rules={[{ required: true, whitespace: true, message: '请填写指标名称' }]}>
                <Input placeholder="如：收编号文件" />
              </Form.Item>
              <Form.Item name="unit" label="计量单位" style={{ flex: 1 }}>
                <Input placeholder="如：份" />
              </Form.Item>
            </Flex>
            <Flex gap={12}>
              <Form.Item name="targetValue" label="目标值" style={{ flex: 1 }} rules={[numberRule]}>
                <Input />
              </Form.Item>
              <Form.Item name="actualValue" label="实际值" style={{ flex: 1 }} rules={[numberRule]}>
                <Input data-testid="measure-actual" />
              </Form.Item>
              <Form.Item name="direction" label="方向" style={{ flex: 1 }}>
                <Select
                  options={[
                    { value: 'higher', label: '越高越好' },
                    { value: 'lower', label: '越低越好' },
                    { value: 'equal', label: '等于目标' },
                  ]}
                />
              </Form.Item>
            </Flex>
            <Form.Item name="key" label="引用名（报告正文中用 {{measure.引用名}} 引用此数值，可不填）" rules={[{ pattern: /^[A-Za-z0-9_]*$/, message: '只能包含字母、数字和下划线' }]}>
              <Input />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export function WorkPage() {
  const year = useCurrentYear();
  const { message } = AntApp.useApp();
  const work = useQuery('work.get', year ? { yearId: year.id } : null);
  const [editing, setEditing] = useState<Editing>(null);
  if (!year) return <Alert type="info" message="请先在“单位与年度”页创建或选择一个年度。" />;
  const locked = year.status === 'final';
  const del = async (what: 'area' | 'task' | 'measure', id: number) => {
    try {
      if (what === 'area') await api!.call('work.deleteArea', { id });
      if (what === 'task') await api!.call('work.deleteTask', { id });
      if (what === 'measure') await api!.call('work.deleteMeasure', { id });
      message.success('已删除');
      await work.reload();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {year.year} 年度重点工作任务与成效
        </Typography.Title>
        <Button type="primary" disabled={locked} onClick={() => setEditing({ kind: 'area', area: null })}>
          新增工作领域
        </Button>
      </Flex>
      {work.error && <Alert type="error" message={work.error} />}
      {work.data?.length === 0 && <Empty description="尚未填写年度重点工作" />}
      {work.data?.map((area, ai) => (
        <Card
          key={area.id}
          size="small"
          title={`（${ai + 1}）${area.title}`}
          extra={
            <Space>
              <Typography.Link disabled={locked} onClick={() => setEditing({ kind: 'task', areaId: area.id, task: null })}>
                新增任务
              </Typography.Link>
              <Typography.Link disabled={locked} onClick={() => setEditing({ kind: 'area', area })}>
                编辑
              </Typography.Link>
              <Popconfirm title="删除该工作领域及其全部任务？" okText="删除" cancelText="取消" onConfirm={() => del('area', area.id)}>
                <Typography.Link type="danger" disabled={locked}>
                  删除
                </Typography.Link>
              </Popconfirm>
            </Space>
          }
        >
          {area.summary && <Typography.Paragraph type="secondary">{area.summary}</Typography.Paragraph>}
          <Table<Task>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={area.tasks}
            columns={[
              { title: '任务', dataIndex: 'title', width: 200 },
              { title: '完成情况', dataIndex: 'status', width: 100, render: (s: TaskStatus) => <Tag color={STATUS_COLORS[s]}>{TASK_STATUS_LABELS[s]}</Tag> },
              {
                title: '成果指标（实际值）',
                render: (_, t) => (
                  <Flex wrap gap={4}>
                    {t.measures.map((m) => (
                      <Tag key={m.id} style={{ cursor: locked ? 'default' : 'pointer' }} onClick={() => !locked && setEditing({ kind: 'measure', taskId: t.id, measure: m })} data-testid={`measure-${m.key || m.id}`}>
                        {m.name} {m.actualValue ?? '—'} {m.unit}
                        {m.targetValue ? `（目标 ${m.targetValue}）` : ''}
                      </Tag>
                    ))}
                  </Flex>
                ),
              },
              {
                title: '操作',
                width: 200,
                render: (_, t) => (
                  <Space>
                    <Typography.Link disabled={locked} onClick={() => setEditing({ kind: 'measure', taskId: t.id, measure: null })}>
                      新增指标
                    </Typography.Link>
                    <Typography.Link disabled={locked} onClick={() => setEditing({ kind: 'task', areaId: area.id, task: t })}>
                      编辑
                    </Typography.Link>
                    <Popconfirm title="删除该任务？" okText="删除" cancelText="取消" onConfirm={() => del('task', t.id)}>
                      <Typography.Link type="danger" disabled={locked}>
                        删除
                      </Typography.Link>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      ))}
      <ProjectIndicatorsCard yearId={year.id} locked={locked} />
      <EditModal
        editing={editing}
        yearId={year.id}
        onClose={(saved) => {
          setEditing(null);
          if (saved) void work.reload();
        }}
      />
    </Space>
  );
}
