import { App as AntApp, Button, Card, Checkbox, Empty, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS, YEAR_STATUS_LABELS } from '../../../shared/domain/enums.ts';
import type { Unit, UnitInput } from '../../../shared/domain/organization.ts';
import type { MethodOutput } from '../../../shared/api/contract.ts';
import { defaultSelfName } from '../../../shared/domain/self-reference.ts';
import { api } from '../api/client.ts';
import { applyError } from '../components/apply-error.ts';
import { useSession } from '../state/session.tsx';
import { useDirtyFlag } from '../state/dirty-guard.tsx';

const EMPTY_UNIT: Omit<UnitInput, 'sortOrder'> = {
  name: '',
  code: '',
  kind: 'admin',
  isPrimary: false,
  headName: '',
  financeHeadName: '',
  preparerName: '',
  phone: '',
};

function DepartmentCard() {
  const { setup, reload } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ name: string; code: string; selfName: string }>();
  const typedName = Form.useWatch('name', form) ?? '';
  const [dirty, setDirty] = useState(false);
  useDirtyFlag('department', dirty);
  useEffect(() => {
    form.setFieldsValue({
      name: setup?.department?.name ?? '',
      code: setup?.department?.code ?? '',
      selfName: setup?.department?.selfName ?? '',
    });
    setDirty(false);
  }, [setup?.department, form]);
  const save = async () => {
    const values = await form.validateFields();
    try {
      await api!.call('department.save', { name: values.name, code: values.code ?? '', selfName: values.selfName ?? '' });
      setDirty(false);
      message.success('部门信息已保存');
      await reload();
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  return (
    <Card title="部门" size="small">
      <Form form={form} layout="inline" onValuesChange={() => setDirty(true)} onFinish={save}>
        <Form.Item name="name" label="部门名称" rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}>
          <Input style={{ width: 320 }} placeholder="如：某某县财政局" data-testid="department-name" />
        </Form.Item>
        <Form.Item name="code" label="部门编码">
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="selfName"
          label="报告中的自称"
          tooltip="生成的报告文字和导出文件都用这个自称，如“我局认真落实……”。留空时按部门名称的最后一个字确定。"
        >
          <Input style={{ width: 100 }} maxLength={20} placeholder={defaultSelfName(typedName)} data-testid="department-self-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="department-save">
          保存
        </Button>
      </Form>
    </Card>
  );
}

function UnitModal({ unit, onClose }: { unit: Unit | 'new' | null; onClose(saved: boolean): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<UnitInput>();
  const { setup } = useSession();
  useEffect(() => {
    if (unit === null) return;
    form.resetFields();
    form.setFieldsValue(unit === 'new' ? { ...EMPTY_UNIT, isPrimary: (setup?.units.length ?? 0) === 0 } : unit);
  }, [unit, form, setup?.units.length]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      const base = unit === 'new' ? { sortOrder: setup?.units.length ?? 0 } : { id: unit!.id, sortOrder: unit!.sortOrder };
      await api!.call('units.save', {
        ...base,
        name: v.name,
        code: v.code ?? '',
        kind: v.kind,
        isPrimary: Boolean(v.isPrimary),
        headName: v.headName ?? '',
        financeHeadName: v.financeHeadName ?? '',
        preparerName: v.preparerName ?? '',
        phone: v.phone ?? '',
      });
      message.success('单位已保存');
      onClose(true);
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  return (
    <Modal open={unit !== null} title={unit === 'new' ? '新增单位' : '编辑单位'} onOk={save} onCancel={() => onClose(false)} okText="保存" cancelText="取消" destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
          <Input data-testid="unit-name" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="kind" label="单位性质" style={{ flex: 1 }} rules={[{ required: true, message: '请选择单位性质' }]}>
            <Select options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} data-testid="unit-kind" />
          </Form.Item>
          <Form.Item name="code" label="单位编码" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="isPrimary" label="本级单位" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="headName" label="单位负责人" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="financeHeadName" label="财务负责人" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="preparerName" label="填报人" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item
            name="phone"
            label="联系电话"
            style={{ flex: 1 }}
            rules={[{ pattern: /^[0-9+\-()（）\s转]*$/, message: '联系电话只能包含数字、空格和 - + ( )' }]}
          >
            <Input />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

function UnitsCard() {
  const { setup, reload } = useSession();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const remove = async (u: Unit) => {
    try {
      await api!.call('units.delete', { id: u.id });
      message.success(`已删除单位“${u.name}”`);
      await reload();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  return (
    <Card
      title="单位（部门所属的本级及下属单位）"
      size="small"
      extra={
        <Button onClick={() => setEditing('new')} disabled={!setup?.department} data-testid="unit-add">
          新增单位
        </Button>
      }
    >
      <Table<Unit>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={setup?.units ?? []}
        locale={{ emptyText: setup?.department ? '尚未添加单位' : '请先填写部门名称' }}
        columns={[
          { title: '单位名称', dataIndex: 'name', render: (n: string, u) => (u.isPrimary ? <Space>{n}<Tag color="blue">本级</Tag></Space> : n) },
          { title: '性质', dataIndex: 'kind', render: (k: Unit['kind']) => UNIT_KIND_LABELS[k] },
          { title: '单位负责人', dataIndex: 'headName' },
          { title: '财务负责人', dataIndex: 'financeHeadName' },
          { title: '填报人', dataIndex: 'preparerName' },
          { title: '联系电话', dataIndex: 'phone' },
          {
            title: '操作',
            render: (_, u) => (
              <Space>
                <Typography.Link onClick={() => setEditing(u)}>编辑</Typography.Link>
                <Popconfirm title={`删除单位“${u.name}”？`} okText="删除" cancelText="取消" onConfirm={() => remove(u)}>
                  <Typography.Link type="danger">删除</Typography.Link>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <UnitModal
        unit={editing}
        onClose={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
    </Card>
  );
}

export function NewYearModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { setup, reload, setYearId } = useSession();
  const { message } = AntApp.useApp();
  type Choice<T extends string> = T | 'previous';
  type FrameworkChoice = Choice<MethodOutput<'framework.shipped'>[number]['id']>;
  type OutlineChoice = Choice<MethodOutput<'outline.shipped'>[number]['id']>;
  const [form] = Form.useForm<{ year: number; copy: boolean; framework: FrameworkChoice; outline: OutlineChoice }>();
  const latest = setup?.years[0]?.year;
  const [frameworks, setFrameworks] = useState<MethodOutput<'framework.shipped'>>([]);
  const [outlines, setOutlines] = useState<MethodOutput<'outline.shipped'>>([]);
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ year: latest ? latest + 1 : new Date().getFullYear() - 1, copy: true, framework: latest ? 'previous' : 'guangdong', outline: latest ? 'previous' : 'guangdong' });
    void api!.call('framework.shipped', {}).then(setFrameworks);
    void api!.call('outline.shipped', {}).then(setOutlines);
  }, [open, latest, form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      const y = await api!.call('years.create', {
        year: v.year,
        ...(v.copy ? {} : { copyProfileFrom: null }),
        ...(v.framework === 'previous' ? {} : { framework: v.framework }),
        ...(v.outline === 'previous' ? {} : { outline: v.outline }),
      });
      message.success(`已创建 ${y.year} 年度`);
      await reload();
      setYearId(y.id);
      onClose();
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  return (
    <Modal open={open} title="新建年度" onOk={save} onCancel={onClose} okText="创建" cancelText="取消" destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }, { type: 'number', min: 2000, max: 2100, message: '年度必须在 2000 至 2100 之间' }]}>
          <InputNumber precision={0} style={{ width: 160 }} data-testid="year-input" />
        </Form.Item>
        <Form.Item name="copy" valuePropName="checked">
          <Checkbox disabled={!latest}>复制上一年度的部门概况（主要职责、机构设置、人员、总体目标）</Checkbox>
        </Form.Item>
        <Form.Item name="framework" label="评价指标体系">
          <Select
            data-testid="new-year-framework"
            options={[...(latest ? [{ value: 'previous', label: `沿用 ${latest} 年度的指标体系` }] : []), ...frameworks.map((f) => ({ value: f.id, label: f.doc.name }))]}
          />
        </Form.Item>
        <Form.Item name="outline" label="报告提纲">
          <Select
            data-testid="new-year-outline"
            options={[...(latest ? [{ value: 'previous', label: `沿用 ${latest} 年度的报告提纲` }] : []), ...outlines.map((o) => ({ value: o.id, label: o.doc.name }))]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function YearsCard() {
  const { setup, yearId, setYearId, reload } = useSession();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const remove = async (id: number) => {
    try {
      await api!.call('years.delete', { id });
      message.success('年度已删除');
      await reload();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  return (
    <Card
      title="年度"
      size="small"
      extra={
        <Button type="primary" onClick={() => setOpen(true)} disabled={!setup?.department} data-testid="year-add">
          新建年度
        </Button>
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={setup?.years ?? []}
        locale={{ emptyText: '尚未创建年度' }}
        columns={[
          { title: '年度', dataIndex: 'year', render: (y: number, r) => (r.id === yearId ? <Space>{y}<Tag color="green">当前</Tag></Space> : y) },
          { title: '状态', dataIndex: 'status', render: (s: 'draft' | 'final') => <Tag color={s === 'final' ? 'red' : 'default'}>{YEAR_STATUS_LABELS[s]}</Tag> },
          {
            title: '操作',
            render: (_, r) => (
              <Space>
                <Typography.Link onClick={() => setYearId(r.id)}>切换到此年度</Typography.Link>
                <Popconfirm title={`删除 ${r.year} 年度及其全部数据？`} okText="删除" cancelText="取消" onConfirm={() => remove(r.id)}>
                  <Typography.Link type="danger">删除</Typography.Link>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <NewYearModal open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}

function ExampleCard() {
  const { reload, setYearId } = useSession();
  const { message } = AntApp.useApp();
  const [loading, setLoading] = useState(false);
  const load = async () => {
    setLoading(true);
    try {
      const r = await api!.call('example.load', {});
      message.success('示例年度已载入');
      await reload();
      setYearId(r.yearId);
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Card size="small">
      <Empty description="数据文件是空的：先填写部门名称，或载入示例数据了解程序。">
        <Button onClick={load} loading={loading} data-testid="load-example">
          载入示例（番禺区政府办 2021）
        </Button>
      </Empty>
    </Card>
  );
}

export function UnitsYearsPage() {
  const { setup } = useSession();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {setup && !setup.department && <ExampleCard />}
      <DepartmentCard />
      <UnitsCard />
      <YearsCard />
    </Space>
  );
}
