import { Alert, App as AntApp, Button, Card, Drawer, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BudgetLine } from '../../../shared/domain/budget-line.ts';
import { CATEGORIES, CATEGORY_LABELS, FUNDING_SOURCE_LABELS, FUNDING_SOURCES } from '../../../shared/domain/enums.ts';
import { type AmountUnit, fenToWanText, fenToYuanText, formatWan, parseAmountInUnit } from '../../../shared/money/fen.ts';
import { formatPercent, ratio } from '../../../shared/money/rate.ts';
import { api } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { AmountUnitSwitch, useAmountUnit } from '../components/amount-unit.tsx';
import { applyError } from '../components/apply-error.ts';
import { HistoryList } from '../components/HistoryList.tsx';
import { useCurrentYear, useSession } from '../state/session.tsx';

interface LineForm {
  unitId: number;
  fundingSource: BudgetLine['fundingSource'];
  category: BudgetLine['category'];
  projectName?: string;
  funcCode?: string;
  funcName?: string;
  econCode?: string;
  econName?: string;
  initial: string;
  adjustment?: string;
  docNo?: string;
  note?: string;
}

const amountRule = (unit: AmountUnit, label: string, required: boolean) => ({
  validator(_: unknown, v: string | undefined) {
    if (!v || v.trim() === '') return required ? Promise.reject(new Error(`请填写${label}`)) : Promise.resolve();
    return parseAmountInUnit(v, unit) === null
      ? Promise.reject(new Error(`${label}必须是数字（${unit === 'wan' ? '万元' : '元'}，最多${unit === 'wan' ? '6' : '2'}位小数）`))
      : Promise.resolve();
  },
});

function LineModal({ line, unit, onClose }: { line: BudgetLine | 'new' | null; unit: AmountUnit; onClose(saved: boolean): void }) {
  const year = useCurrentYear()!;
  const { setup } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<LineForm>();
  const category = Form.useWatch('category', form);
  const toText = unit === 'wan' ? fenToWanText : fenToYuanText;
  useEffect(() => {
    if (line === null) return;
    form.resetFields();
    if (line === 'new') {
      form.setFieldsValue({ unitId: setup?.units[0]?.id, fundingSource: 'general_budget', category: 'personnel', initial: '', adjustment: '0' });
    } else {
      form.setFieldsValue({ ...line, projectName: line.projectName ?? undefined, initial: toText(line.initialFen), adjustment: toText(line.adjustmentFen) });
    }
  }, [line, form, setup?.units, toText]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      let projectId: number | null = null;
      if (v.category === 'project') {
        const name = (v.projectName ?? '').trim();
        if (!name) {
          form.setFields([{ name: 'projectName', errors: ['项目支出必须填写项目名称'] }]);
          return;
        }
        const projects = await api!.call('projects.list', { yearId: year.id });
        projectId =
          projects.find((p) => p.name === name)?.id ??
          (await api!.call('projects.save', { yearId: year.id, unitId: v.unitId, code: '', name, description: '' })).id;
      }
      await api!.call('budget.saveLine', {
        ...(line !== 'new' && line ? { id: line.id } : {}),
        yearId: year.id,
        unitId: v.unitId,
        fundingSource: v.fundingSource,
        category: v.category,
        projectId,
        funcCode: v.funcCode ?? '',
        funcName: v.funcName ?? '',
        econCode: v.econCode ?? '',
        econName: v.econName ?? '',
        initialFen: parseAmountInUnit(v.initial, unit)!,
        adjustmentFen: parseAmountInUnit(v.adjustment || '0', unit)!,
        docNo: v.docNo ?? '',
        note: v.note ?? '',
      });
      message.success('预算指标已保存');
      onClose(true);
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  const u = unit === 'wan' ? '万元' : '元';
  return (
    <Modal open={line !== null} title={line === 'new' ? '新增预算指标' : '编辑预算指标'} onOk={save} onCancel={() => onClose(false)} okText="保存" cancelText="取消" width={720} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Flex gap={12}>
          <Form.Item name="unitId" label="单位" style={{ flex: 1 }} rules={[{ required: true, message: '请选择单位' }]}>
            <Select options={(setup?.units ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="fundingSource" label="资金来源" style={{ flex: 1 }} rules={[{ required: true, message: '请选择资金来源' }]}>
            <Select options={FUNDING_SOURCES.map((f) => ({ value: f, label: FUNDING_SOURCE_LABELS[f] }))} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="category" label="支出类别" style={{ flex: 1 }} rules={[{ required: true, message: '请选择支出类别' }]}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} data-testid="line-category" />
          </Form.Item>
          <Form.Item name="projectName" label="项目名称" style={{ flex: 1 }}>
            <Input disabled={category !== 'project'} placeholder={category === 'project' ? '项目支出必填' : '仅项目支出填写'} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="funcCode" label="功能分类编码" rules={[{ pattern: /^\d*$/, message: '只能填数字' }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="funcName" label="功能分类名称" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="econCode" label="经济分类编码" rules={[{ pattern: /^\d*$/, message: '只能填数字' }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="econName" label="经济分类名称" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="initial" label={`年初预算（${u}）`} style={{ flex: 1 }} rules={[amountRule(unit, '年初预算', true)]}>
            <Input data-testid="line-initial" />
          </Form.Item>
          <Form.Item name="adjustment" label={`调整数（${u}，调减填负数）`} style={{ flex: 1 }} rules={[amountRule(unit, '调整数', false)]}>
            <Input data-testid="line-adjustment" />
          </Form.Item>
          <Form.Item name="docNo" label="指标文号" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label="备注">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function BudgetPage() {
  const year = useCurrentYear();
  const { setup } = useSession();
  const { message } = AntApp.useApp();
  const [unit, setUnit] = useAmountUnit();
  const [editing, setEditing] = useState<BudgetLine | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<BudgetLine | null>(null);
  const totals = useQuery('budget.categoryTotals', year ? { yearId: year.id } : null);
  const lines = useQuery('budget.lines', year ? { yearId: year.id } : null);
  if (!year) return <Alert type="info" message="请先在“单位与年度”页创建或选择一个年度。" />;
  const unitName = (id: number) => setup?.units.find((u) => u.id === id)?.name ?? '';
  const reloadAll = async () => {
    await Promise.all([totals.reload(), lines.reload()]);
  };
  const remove = async (l: BudgetLine) => {
    try {
      await api!.call('budget.deleteLine', { id: l.id });
      message.success('已删除');
      await reloadAll();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  const t = totals.data;
  const rows = t ? [...t.rows.map((r) => ({ key: r.category, label: CATEGORY_LABELS[r.category], ...r })), { key: 'total', label: '合计', ...t.total }] : [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {year.year} 年度预算
        </Typography.Title>
        <AmountUnitSwitch value={unit} onChange={setUnit} />
      </Flex>
      {(totals.error || lines.error) && <Alert type="error" message={totals.error ?? lines.error} />}
      <Card title="按支出类别汇总（万元）" size="small">
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          data-testid="category-totals"
          columns={[
            { title: '支出类别', dataIndex: 'label' },
            { title: '年初预算', dataIndex: 'initialFen', align: 'right', render: (v: number) => formatWan(v) },
            { title: '调整数', dataIndex: 'adjustmentFen', align: 'right', render: (v: number) => formatWan(v) },
            { title: '调整后预算', dataIndex: 'finalFen', align: 'right', render: (v: number) => formatWan(v) },
            { title: '支出数', dataIndex: 'actualFen', align: 'right', render: (v: number) => formatWan(v) },
            { title: '执行率', align: 'right', render: (_, r) => `${formatPercent(ratio(r.actualFen, r.finalFen))}%` },
          ]}
          rowClassName={(r) => (r.key === 'total' ? 'row-total' : '')}
        />
      </Card>
      <Card
        title="预算指标明细"
        size="small"
        extra={
          <Button type="primary" onClick={() => setEditing('new')} disabled={year.status === 'final' || (setup?.units.length ?? 0) === 0} data-testid="line-add">
            新增指标
          </Button>
        }
      >
        <Table<BudgetLine>
          rowKey="id"
          size="small"
          dataSource={lines.data ?? []}
          loading={lines.loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无预算指标' }}
          columns={[
            { title: '单位', dataIndex: 'unitId', render: unitName, ellipsis: true },
            { title: '资金来源', dataIndex: 'fundingSource', render: (f: BudgetLine['fundingSource']) => FUNDING_SOURCE_LABELS[f], ellipsis: true },
            { title: '类别', dataIndex: 'category', render: (c: BudgetLine['category']) => CATEGORY_LABELS[c] },
            { title: '项目', dataIndex: 'projectName', ellipsis: true },
            { title: '功能分类', render: (_, l) => `${l.funcCode} ${l.funcName}`.trim(), ellipsis: true },
            { title: '经济分类', render: (_, l) => `${l.econCode} ${l.econName}`.trim(), ellipsis: true },
            { title: '年初预算（万元）', dataIndex: 'initialFen', align: 'right', render: (v: number) => formatWan(v) },
            { title: '调整数', dataIndex: 'adjustmentFen', align: 'right', render: (v: number) => formatWan(v) },
            { title: '调整后预算', dataIndex: 'finalFen', align: 'right', render: (v: number) => formatWan(v) },
            {
              title: '操作',
              render: (_, l) => (
                <Space>
                  <Typography.Link onClick={() => setEditing(l)}>编辑</Typography.Link>
                  <Typography.Link onClick={() => setHistoryOf(l)}>历史</Typography.Link>
                  <Popconfirm title="删除这条预算指标？" okText="删除" cancelText="取消" onConfirm={() => remove(l)}>
                    <Typography.Link type="danger">删除</Typography.Link>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Drawer open={historyOf !== null} onClose={() => setHistoryOf(null)} title="预算指标修改记录" size={520} destroyOnHidden>
        {historyOf && <HistoryList yearId={year.id} entity="budget_line" entityId={String(historyOf.id)} onUndone={reloadAll} />}
      </Drawer>
      <LineModal
        line={editing}
        unit={unit}
        onClose={(saved) => {
          setEditing(null);
          if (saved) void reloadAll();
        }}
      />
    </Space>
  );
}
