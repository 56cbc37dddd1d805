import { Alert, App as AntApp, Button, Card, Drawer, Flex, Form, Input, InputNumber, Modal, Radio, Select, Space, Statistic, Switch, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { formatPoints, parsePointsText } from '../../../shared/scoring/points.ts';
import { BAND_LABELS, BANDS, type Band } from '../../../shared/scoring/rules/qualitative-bands.ts';
import type { SaveScoreInput, ScoreRow } from '../../../shared/scoring/schemas.ts';
import { api } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { applyError } from '../components/apply-error.ts';
import { HistoryList } from '../components/HistoryList.tsx';
import { saveBlob } from '../components/rendered-file.ts';
import { useCurrentYear } from '../state/session.tsx';
import { withDropConfirmation } from './scoring/confirm-drop.tsx';
import { FrameworkEditor } from './scoring/FrameworkEditor.tsx';

interface InputForm {
  band?: Band | null;
  chosen?: number | null;
  answer?: 'yes' | 'no' | null;
  targetValue?: string;
  actualValue?: string;
  override?: boolean;
  overrideScore?: number | null;
  basis?: string;
}

const toCenti = (v: number | null | undefined) => (v === null || v === undefined ? null : parsePointsText(String(v)));
const toPoints = (c: number | null) => (c === null ? null : Number(formatPoints(c)));

/**
 * A typed score outside its range is refused with a message, never clamped: a clamp would save a
 * figure the user did not enter without telling them.
 */
const scoreRange = (minCenti: number, maxCenti: number) => ({
  validator: (_: unknown, value: number | null | undefined) => {
    const c = toCenti(value);
    if (c === null) return Promise.resolve();
    if (c > maxCenti) return Promise.reject(new Error(`得分不能超过 ${formatPoints(maxCenti)} 分`));
    if (c < minCenti) return Promise.reject(new Error(`得分不能低于 ${formatPoints(minCenti)} 分`));
    return Promise.resolve();
  },
});

/** The score the dialog's entries give directly (null where the rule computes it from values). */
function enteredScoreCenti(row: ScoreRow, v: InputForm): number | null {
  if (v.override) return toCenti(v.overrideScore);
  if (row.ruleType === 'qualitative' || row.ruleType === 'manual') return toCenti(v.chosen);
  if (row.ruleType === 'checklist' && v.answer) return v.answer === 'yes' ? row.weightCenti : 0;
  return null;
}

function ScoreInputModal({ row, yearId, onClose }: { row: ScoreRow | null; yearId: number; onClose(saved: boolean): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<InputForm>();
  const band = Form.useWatch('band', form);
  const override = Form.useWatch('override', form);
  useEffect(() => {
    if (!row) return;
    form.resetFields();
    form.setFieldsValue({
      band: row.input.band,
      chosen: toPoints(row.input.chosenScoreCenti),
      answer: row.ruleType === 'checklist' ? (row.input.actualValue === '1' ? 'yes' : row.input.actualValue === '0' ? 'no' : null) : null,
      targetValue: row.input.targetValue ?? '',
      actualValue: row.input.actualValue ?? '',
      override: row.input.overrideScoreCenti !== null,
      overrideScore: toPoints(row.input.overrideScoreCenti),
      basis: row.input.basis,
    });
  }, [row, form]);
  if (!row) return null;
  const range = band && row.bandRanges ? row.bandRanges[band] : null;
  const manualValue = row.valueSource === 'manual' && ['positive', 'equal', 'reverse', 'steps', 'bands'].includes(row.ruleType ?? '');
  const save = async () => {
    // A refused field shows its message in the dialog; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const patch: SaveScoreInput = { yearId, indicatorId: row.indicatorId, basis: v.basis ?? '' };
    if (row.ruleType === 'qualitative') {
      patch.band = v.band ?? null;
      patch.chosenScoreCenti = toCenti(v.chosen);
    } else if (row.ruleType === 'checklist') {
      patch.answer = v.answer ?? null;
    } else if (row.ruleType === 'manual') {
      patch.chosenScoreCenti = toCenti(v.chosen);
    } else if (manualValue) {
      patch.targetValue = v.targetValue?.trim() || null;
      patch.actualValue = v.actualValue?.trim() || null;
    }
    patch.overrideScoreCenti = v.override ? toCenti(v.overrideScore) : null;
    try {
      await api!.call('score.save', patch);
      message.success('已保存，得分已重新计算');
      onClose(true);
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  return (
    <Modal open title={`填报：${row.path}`} onOk={save} onCancel={() => onClose(false)} okText="保存" cancelText="取消" width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        分值 {formatPoints(row.weightCenti)} 分 · {row.ruleLabel} · {row.sourceLabel}
        {row.valueDetail ? `（${row.valueDetail}）` : ''}
      </Typography.Paragraph>
      {row.criteria && <Alert type="info" message={row.criteria} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {row.ruleType === 'qualitative' && (
          <Flex gap={12}>
            <Form.Item name="band" label="评价等级" style={{ flex: 2 }} rules={[{ required: true, message: '请选择评价等级' }]}>
              <Select options={BANDS.map((b) => ({ value: b, label: BAND_LABELS[b] }))} data-testid="score-band" />
            </Form.Item>
            <Form.Item
              name="chosen"
              label={range ? `得分（${formatPoints(range.min)}–${formatPoints(range.max)} 分）` : '得分'}
              style={{ flex: 1 }}
              rules={[{ required: true, message: '请填写该等级内的得分' }, scoreRange(range?.min ?? 0, range?.max ?? row.weightCenti)]}
            >
              <InputNumber step={0.01} precision={2} style={{ width: '100%' }} data-testid="score-chosen" />
            </Form.Item>
          </Flex>
        )}
        {row.ruleType === 'checklist' && (
          <Form.Item name="answer" label="是否符合要求" rules={[{ required: true, message: '请选择“是”或“否”' }]}>
            <Radio.Group
              options={[
                { value: 'yes', label: '是（得满分）' },
                { value: 'no', label: '否（不得分）' },
              ]}
            />
          </Form.Item>
        )}
        {row.ruleType === 'manual' && (
          <Form.Item name="chosen" label={`得分（0–${formatPoints(row.weightCenti)} 分）`} rules={[{ required: true, message: '请填写得分' }, scoreRange(0, row.weightCenti)]}>
            <InputNumber step={0.01} precision={2} data-testid="score-chosen" />
          </Form.Item>
        )}
        {manualValue && (
          <Flex gap={12}>
            {row.ruleType !== 'bands' && (
              <Form.Item name="targetValue" label="指标值（目标）" style={{ flex: 1 }}>
                <Input />
              </Form.Item>
            )}
            <Form.Item name="actualValue" label="实际完成值" style={{ flex: 1 }}>
              <Input />
            </Form.Item>
          </Flex>
        )}
        <Flex gap={12} align="center">
          <Form.Item name="override" label="人工调整得分" valuePropName="checked">
            <Switch />
          </Form.Item>
          {override && (
            <Form.Item name="overrideScore" label="调整后得分" rules={[{ required: true, message: '请填写调整后得分' }, scoreRange(0, row.weightCenti)]}>
              <InputNumber step={0.01} precision={2} data-testid="score-override" />
            </Form.Item>
          )}
        </Flex>
        <Form.Item
          name="basis"
          label="得分依据 / 扣分原因（低于满分或人工调整时必填，报告中打印）"
          dependencies={['chosen', 'answer', 'override', 'overrideScore']}
          rules={[
            ({ getFieldsValue }) => ({
              validator: (_: unknown, basis: string | undefined) => {
                if (basis?.trim()) return Promise.resolve();
                const v = getFieldsValue() as InputForm;
                if (v.override) return Promise.reject(new Error('人工调整得分时请填写得分依据'));
                const entered = enteredScoreCenti(row, v);
                if (entered !== null && entered < row.weightCenti) return Promise.reject(new Error('得分低于满分，请填写扣分原因'));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="score-basis" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ScoringPage() {
  const year = useCurrentYear();
  const sheet = useQuery('score.sheet', year ? { yearId: year.id } : null);
  const summary = useQuery('score.summary', year ? { yearId: year.id } : null);
  const [editing, setEditing] = useState<ScoreRow | null>(null);
  const [historyOf, setHistoryOf] = useState<ScoreRow | null>(null);
  const frameworkFile = useRef<HTMLInputElement>(null);
  const [tab, setTab] = useState('sheet');
  // Bumped when the framework changes outside the editor (JSON import), so the editor reloads it.
  const [frameworkRev, setFrameworkRev] = useState(0);
  const { message, modal } = AntApp.useApp();
  if (!year) return <Alert type="info" message="请先在“单位与年度”页创建或选择一个年度。" />;
  const s = sheet.data;
  const locked = year.status === 'final';
  const reload = async () => {
    await Promise.all([sheet.reload(), summary.reload()]);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {year.year} 年度绩效评分
        </Typography.Title>
        {s && (
          <>
            {/* Outside the Space: a hidden item there still takes a gap of its own. */}
            <input
              ref={frameworkFile}
              type="file"
              accept=".json"
              style={{ display: 'none' }}
              data-testid="framework-file"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                try {
                  const json = await file.text();
                  const done = await withDropConfirmation(modal, (confirmDrop) =>
                    api!.call('framework.import', { json, target: { kind: 'year', yearId: year.id }, confirmDrop }),
                  );
                  if (!done) return;
                  message.success('已导入指标体系；指标代码相同的已填内容保留');
                  await reload();
                  setFrameworkRev((n) => n + 1);
                  setTab('sheet');
                } catch (err) {
                  applyError(err, message.error);
                }
              }}
            />
            <Space>
              <Typography.Text type="secondary">指标体系：{s.frameworkName}</Typography.Text>
              <Button
                size="small"
                onClick={async () => {
                  try {
                    const f = await api!.call('framework.export', { frameworkId: s.frameworkId });
                    saveBlob(f.fileName, new Blob([f.json], { type: 'application/json' }));
                  } catch (err) {
                    applyError(err, message.error);
                  }
                }}
              >
                导出指标体系
              </Button>
              <Button size="small" disabled={locked} onClick={() => frameworkFile.current?.click()}>
                导入指标体系（JSON）
              </Button>
            </Space>
          </>
        )}
      </Flex>
      {(sheet.error || summary.error) && <Alert type="error" message={sheet.error ?? summary.error} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'sheet',
            label: '评分表',
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {s && (
                  <Card size="small">
                    <Flex gap={48} align="center">
                      <Statistic title="自评总分" value={formatPoints(s.totalCenti)} suffix={`/ ${formatPoints(s.maxCenti)} 分`} data-testid="score-total" />
                      {s.frameworkMaxCenti !== s.maxCenti && (
                        <Typography.Text type="secondary">指标体系满分 {formatPoints(s.frameworkMaxCenti)} 分，其中 {formatPoints(s.frameworkMaxCenti - s.maxCenti)} 分不属于自评范围</Typography.Text>
                      )}
                      {s.complete ? <Tag color="green">已全部填报</Tag> : <Tag color="orange">还有 {s.pending.length} 项待填报</Tag>}
                    </Flex>
                  </Card>
                )}
                {s && s.pending.length > 0 && (
                  <Alert
                    type="warning"
                    message="以下指标还需要填报，全部填报前不能定稿："
                    description={
                      <ul style={{ margin: 0, paddingLeft: 20 }}>
                        {s.pending.map((p) => (
                          <li key={p.indicatorId}>
                            <Typography.Link onClick={() => setEditing(s.rows.find((r) => r.indicatorId === p.indicatorId) ?? null)}>{p.path}</Typography.Link>：{p.messages.join('；')}
                          </li>
                        ))}
                      </ul>
                    }
                  />
                )}
                {s && s.frameworkIssues.length > 0 && <Alert type="error" message="指标体系有问题" description={s.frameworkIssues.map((i) => i.message).join('；')} />}
                <Table<ScoreRow>
                  rowKey="indicatorId"
                  size="small"
                  pagination={false}
                  loading={sheet.loading}
                  dataSource={s?.rows ?? []}
                  data-testid="score-table"
                  rowClassName={(r) => (r.level === 1 ? 'row-total' : '')}
                  columns={[
                    {
                      title: '指标',
                      render: (_, r) => (
                        <span style={{ paddingLeft: (r.level - 1) * 20, fontWeight: r.isLeaf ? 400 : 600 }}>
                          {r.name}
                          {!r.selfScored && <Tag style={{ marginLeft: 6 }}>不自评</Tag>}
                        </span>
                      ),
                    },
                    { title: '分值', dataIndex: 'weightCenti', align: 'right', width: 70, render: (v: number) => formatPoints(v) },
                    { title: '计分方法', dataIndex: 'ruleLabel', width: 100, render: (v: string, r) => (r.isLeaf && r.selfScored ? v : '') },
                    {
                      title: '指标值 / 实际值',
                      width: 220,
                      render: (_, r) =>
                        r.isLeaf && (r.targetText || r.actualText) ? (
                          <Tooltip title={r.valueDetail || undefined}>
                            <span>
                              {r.targetText ?? '—'} / {r.actualText ?? '—'} <Tag>{r.sourceLabel}</Tag>
                            </span>
                          </Tooltip>
                        ) : r.isLeaf && r.selfScored ? (
                          <Tag>{r.sourceLabel}</Tag>
                        ) : null,
                    },
                    {
                      title: '得分',
                      dataIndex: 'scoreCenti',
                      align: 'right',
                      width: 80,
                      render: (v: number | null, r) => (
                        <span data-testid={`score-${r.code}`}>
                          {!r.selfScored ? '—' : v === null ? <Typography.Text type="warning">待填</Typography.Text> : formatPoints(v)}
                          {r.overridden && <Tag color="purple">调整</Tag>}
                        </span>
                      ),
                    },
                    { title: '扣分', dataIndex: 'deductionCenti', align: 'right', width: 70, render: (v: number | null) => (v ? formatPoints(v) : '') },
                    { title: '扣分原因 / 得分依据', dataIndex: 'reason', ellipsis: { showTitle: true } },
                    {
                      title: '操作',
                      width: 110,
                      render: (_, r) =>
                        r.isLeaf && r.selfScored ? (
                          <Space size={4}>
                            <Button size="small" type={r.complete ? 'default' : 'primary'} disabled={locked} onClick={() => setEditing(r)}>
                              填报
                            </Button>
                            <Typography.Link onClick={() => setHistoryOf(r)}>历史</Typography.Link>
                          </Space>
                        ) : null,
                    },
                  ]}
                />
                <Card title="自评综述（根据得分自动生成，报告中使用）" size="small">
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="self-eval-summary">
                    {summary.data?.text ?? ''}
                  </Typography.Paragraph>
                </Card>
              </Space>
            ),
          },
          {
            key: 'framework',
            label: '指标体系',
            children: s ? <FrameworkEditor key={`${s.frameworkId}-${frameworkRev}`} yearId={year.id} frameworkId={s.frameworkId} locked={locked} onSaved={reload} /> : null,
          },
        ]}
      />
      <Drawer open={historyOf !== null} onClose={() => setHistoryOf(null)} title={`修改记录：${historyOf?.path ?? ''}`} size={520} destroyOnHidden>
        {historyOf && <HistoryList yearId={year.id} entity="indicator_score" entityId={`${year.id}:${historyOf.indicatorId}`} onUndone={reload} />}
      </Drawer>
      <ScoreInputModal
        row={editing}
        yearId={year.id}
        onClose={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
    </Space>
  );
}
