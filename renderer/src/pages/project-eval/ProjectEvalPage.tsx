import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Flex, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatWan } from '../../../../shared/money/fen.ts';
import { PROJECT_EVAL_STATUS_LABELS, type ProjectEvalTable } from '../../../../shared/project-eval/api-schemas.ts';
import { formatPoints } from '../../../../shared/scoring/points.ts';
import { api } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { applyError } from '../../components/apply-error.ts';
import { saveFile } from '../../components/rendered-file.ts';
import { useCurrentYear } from '../../state/session.tsx';
import { IndicatorModal, type IndicatorEditing } from './IndicatorModal.tsx';

const STATUS_COLORS = { pending: 'orange', advisory: 'gold', done: 'green' } as const;
const points = (c: number | null) => (c === null ? '—' : formatPoints(c));

/** 年度总体目标 and the 一级 weights of one project. */
function GoalForm({ table, locked, onSaved }: { table: ProjectEvalTable; locked: boolean; onSaved(): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  useEffect(() => {
    form.setFieldsValue({
      goal: table.goal,
      achievement: table.achievement,
      ...Object.fromEntries(table.levels.map((l) => [l.kind, l.typed ? l.weightCenti / 100 : null])),
    });
  }, [table, form]);
  const save = async () => {
    const v = await form.validateFields();
    const w = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 100));
    try {
      await api!.call('projectEval.save', {
        projectId: table.projectId,
        goal: v.goal ?? '',
        achievement: v.achievement ?? '',
        weights: { output: w(v.output), outcome: w(v.outcome), satisfaction: w(v.satisfaction) },
      });
      message.success('年度总体目标已保存');
      onSaved();
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  return (
    <Form form={form} size="small" disabled={locked} layout="vertical">
      <Flex gap={8}>
        <Form.Item name="goal" label="年度总体目标：预期目标" style={{ flex: 1, marginBottom: 6 }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="achievement" label="实际完成情况" style={{ flex: 1, marginBottom: 6 }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Flex>
      <Space wrap size={4}>
        {table.levels.map((l) => (
          <Form.Item key={l.kind} name={l.kind} label={`${l.label}权重（默认 ${formatPoints(l.defaultWeightCenti)}）`} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={100} precision={2} placeholder={formatPoints(l.defaultWeightCenti)} style={{ width: 110 }} />
          </Form.Item>
        ))}
        <Button type="primary" onClick={save} style={{ marginTop: 22 }}>
          保存目标与权重
        </Button>
      </Space>
    </Form>
  );
}

function ProjectTable({ table, locked, onChanged }: { table: ProjectEvalTable; locked: boolean; onChanged(): void }) {
  const { message } = AntApp.useApp();
  const year = useCurrentYear();
  const raw = useQuery('projects.indicators', year ? { yearId: year.id } : null);
  const [editing, setEditing] = useState<IndicatorEditing>(null);
  const rules = useQuery('projectEval.year', year ? { yearId: year.id } : null).data?.rules;
  const copy = async () => {
    try {
      const r = await api!.call('projectEval.copyLastYear', { projectId: table.projectId });
      message.success(`已从上年复制 ${r.copied} 项指标${r.skipped.length > 0 ? `，${r.skipped.length} 项同名指标已存在未复制` : ''}`);
      await raw.reload();
      onChanged();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  const remove = async (id: number) => {
    try {
      await api!.call('projects.deleteIndicator', { id });
      await raw.reload();
      onChanged();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  const f = table.funds[0]!;
  return (
    <Card
      size="small"
      data-testid="project-eval-table"
      title={
        <Space>
          <span>{table.name}</span>
          <Tag color={STATUS_COLORS[table.status]}>{PROJECT_EVAL_STATUS_LABELS[table.status]}</Tag>
        </Space>
      }
      extra={
        <Typography.Text strong data-testid="project-eval-total">
          总分 {points(table.totalCenti)} / {points(table.maxCenti)}　评价等次：{table.grade}
        </Typography.Text>
      }
    >
      <Descriptions size="small" column={3} items={[
        { key: 'd', label: '主管部门', children: table.departmentName },
        { key: 'u', label: '实施单位', children: table.unitName },
        { key: 'e', label: '预算执行率得分', children: `${f.rateText ?? '—'}% × ${points(table.executionWeightCenti)} = ${points(table.executionScoreCenti)} 分` },
      ]} />
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={table.funds}
        style={{ marginBottom: 8 }}
        columns={[
          { title: '项目资金（万元）', dataIndex: 'label' },
          { title: '年初预算数', dataIndex: 'initialFen', align: 'right', render: (v: number) => formatWan(v, { grouping: true }) },
          { title: '全年预算数', dataIndex: 'finalFen', align: 'right', render: (v: number) => formatWan(v, { grouping: true }) },
          { title: '全年执行数', dataIndex: 'actualFen', align: 'right', render: (v: number) => formatWan(v, { grouping: true }) },
          { title: '执行率', dataIndex: 'rateText', align: 'right', render: (v: string | null) => (v === null ? '—' : `${v}%`) },
        ]}
      />
      <GoalForm table={table} locked={locked} onSaved={onChanged} />
      <Flex justify="space-between" align="center" style={{ margin: '8px 0 4px' }}>
        <Typography.Text strong>绩效指标</Typography.Text>
        <Space>
          <Button size="small" disabled={locked || table.lastYearProjectId === null} onClick={copy} title={table.lastYearProjectId === null ? '上年没有同名项目' : undefined}>
            从上年同名项目复制指标
          </Button>
          <Button size="small" type="primary" disabled={locked} onClick={() => setEditing({ projectId: table.projectId, indicator: null })}>
            添加指标
          </Button>
        </Space>
      </Flex>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={table.indicators}
        columns={[
          { title: '一级指标', dataIndex: 'level1', width: 72 },
          { title: '二级指标', dataIndex: 'level2', width: 96 },
          { title: '三级指标', dataIndex: 'name' },
          { title: '年度指标值', dataIndex: 'target', width: 84 },
          { title: '实际完成值', dataIndex: 'actual', width: 96, render: (v: string) => v || <Typography.Text type="warning">未填报</Typography.Text> },
          { title: '分值', dataIndex: 'weightCenti', width: 56, align: 'right', render: (v: number) => formatPoints(v) },
          { title: '得分', dataIndex: 'scoreCenti', width: 56, align: 'right', render: (v: number | null) => points(v) },
          {
            title: '偏差原因分析及改进措施',
            dataIndex: 'reason',
            render: (v: string, r) =>
              v || (r.scoreCenti !== null && r.scoreCenti < r.weightCenti ? <Typography.Text type="warning">需填写</Typography.Text> : ''),
          },
          {
            title: '',
            width: 88,
            render: (_v, r) => (
              <Space size={0}>
                <Button type="link" size="small" disabled={locked || !raw.data} onClick={() => setEditing({ projectId: table.projectId, indicator: raw.data!.find((i) => i.id === r.id)! })}>
                  编辑
                </Button>
                <Popconfirm title="删除该指标？" okText="删除" cancelText="取消" onConfirm={() => remove(r.id)} disabled={locked}>
                  <Button type="link" size="small" danger disabled={locked}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {table.findings.length > 0 && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }} size={4} data-testid="project-eval-findings">
          {table.findings.map((x) => (
            <Alert key={x.message} type={x.kind === 'missing' ? 'warning' : 'info'} showIcon message={`${x.kind === 'missing' ? '待填报' : '提示'}：${x.message}`} />
          ))}
        </Space>
      )}
      {rules && (
        <IndicatorModal
          editing={editing}
          rules={rules}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              void raw.reload();
              onChanged();
            }
          }}
        />
      )}
    </Card>
  );
}

/** 项目自评: every project's 项目支出绩效自评表, scored from the budget, the ledger and its indicators. */
export function ProjectEvalPage() {
  const { message } = AntApp.useApp();
  const year = useCurrentYear();
  const data = useQuery('projectEval.year', year ? { yearId: year.id } : null);
  const [selected, setSelected] = useState<number | null>(null);
  if (!year) return <Alert type="info" message="请先在“单位与年度”页创建或选择一个年度。" />;
  const y = data.data;
  const locked = year.status === 'final';
  const current = y?.projects.find((p) => p.projectId === selected) ?? y?.projects[0] ?? null;
  const exportAs = async (format: 'pdf' | 'xlsx' | 'docx') => {
    try {
      saveFile(await api!.call('projectEval.render', { yearId: year.id, format }));
    } catch (err) {
      applyError(err, message.error);
    }
  };
  return (
    <Flex gap={12} align="start">
      <Card
        size="small"
        style={{ width: 330, flex: 'none' }}
        title={`${year.year} 年度项目支出绩效自评`}
        extra={y?.averageText ? <Typography.Text type="secondary">加权平均 {y.averageText}</Typography.Text> : null}
      >
        {data.error && <Alert type="error" message={data.error} />}
        <Table
          size="small"
          pagination={false}
          rowKey="projectId"
          dataSource={y?.projects ?? []}
          locale={{ emptyText: <Empty description="本年度没有项目。请先在“预算”中录入项目支出。" /> }}
          onRow={(r) => ({ onClick: () => setSelected(r.projectId), style: { cursor: 'pointer', background: r.projectId === current?.projectId ? '#e6f4ff' : undefined } })}
          columns={[
            { title: '项目', dataIndex: 'name', ellipsis: true },
            { title: '执行率', width: 66, align: 'right', render: (_v, r) => (r.funds[0]!.rateText === null ? '—' : `${r.funds[0]!.rateText}%`) },
            { title: '总分', dataIndex: 'totalCenti', width: 52, align: 'right', render: (v: number) => formatPoints(v) },
            { title: '状态', dataIndex: 'status', width: 64, render: (s: ProjectEvalTable['status'], r) => <Tag color={STATUS_COLORS[s]}>{r.grade}·{PROJECT_EVAL_STATUS_LABELS[s]}</Tag> },
          ]}
        />
        <Space wrap style={{ marginTop: 12 }}>
          <Button size="small" onClick={() => exportAs('pdf')} disabled={!y || y.projects.length === 0}>
            导出 PDF
          </Button>
          <Button size="small" onClick={() => exportAs('xlsx')} disabled={!y || y.projects.length === 0}>
            导出 Excel
          </Button>
          <Button size="small" onClick={() => exportAs('docx')} disabled={!y || y.projects.length === 0}>
            导出 Word
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          资金数据来自预算指标和支出明细，不能在此修改；预算执行率 10 分，产出、效益、满意度指标默认 50 / 30 / 10 分。
        </Typography.Paragraph>
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>{current ? <ProjectTable table={current} locked={locked} onChanged={() => void data.reload()} /> : null}</div>
    </Flex>
  );
}
