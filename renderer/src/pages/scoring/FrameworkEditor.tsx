import { Alert, App as AntApp, Button, Drawer, Flex, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeFrameworkChanges } from '../../../../shared/scoring/framework-changes.ts';
import type { FrameworkDoc, IndicatorDoc } from '../../../../shared/scoring/framework-doc.ts';
import {
  addIndicator,
  canAddChild,
  draftIssues,
  type EditorRow,
  editorRows,
  type IndicatorPath,
  indicatorAt,
  moveIndicator,
  removeIndicator,
  updateIndicator,
} from '../../../../shared/scoring/framework-edit.ts';
import { formatPoints, pointsNumberToCenti } from '../../../../shared/scoring/points.ts';
import { RULE_TYPE_LABELS } from '../../../../shared/scoring/rule-spec.ts';
import { VALUE_SOURCE_LABELS } from '../../../../shared/scoring/value-sources.ts';
import { api } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { applyError } from '../../components/apply-error.ts';
import { HistoryList } from '../../components/HistoryList.tsx';
import { useDirtyFlag } from '../../state/dirty-guard.tsx';
import { useSession } from '../../state/session.tsx';
import { withDropConfirmation } from './confirm-drop.tsx';
import { IndicatorDrawer } from './IndicatorDrawer.tsx';

// The year's indicator framework as an editable tree: names, weights, rules and texts, indicators
// added, removed and reordered at each level. Edits stay in a draft until 保存; the draft is checked
// live with the service's own validation, and saving is refused while any check fails.

interface Props {
  yearId: number;
  frameworkId: number;
  locked: boolean;
  /** Called after a save or an undo so the score sheet reloads. */
  onSaved(): Promise<void> | void;
}

const samePath = (a: IndicatorPath | null, b: IndicatorPath) => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

export function FrameworkEditor({ yearId, frameworkId, locked, onSaved }: Props) {
  const { message, modal } = AntApp.useApp();
  const { setup } = useSession();
  const stored = useQuery('framework.get', { frameworkId });
  const frameworks = useQuery('framework.list', {});
  const [draft, setDraft] = useState<FrameworkDoc | null>(null);
  const [editing, setEditing] = useState<IndicatorPath | null>(null);
  const [history, setHistory] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (stored.data) setDraft(stored.data);
  }, [stored.data]);

  const dirty = draft !== null && stored.data !== null && JSON.stringify(draft) !== JSON.stringify(stored.data);
  useDirtyFlag('framework-editor', dirty);
  const issues = useMemo(() => (draft ? draftIssues(draft) : []), [draft]);
  const issuesByCode = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const i of issues) if (i.code) m.set(i.code, [...(m.get(i.code) ?? []), i.message]);
    return m;
  }, [issues]);
  const rows = useMemo(() => (draft ? editorRows(draft) : []), [draft]);
  const changes = useMemo(() => (dirty && draft && stored.data ? describeFrameworkChanges(stored.data, draft) : []), [dirty, draft, stored.data]);

  const edit = useCallback((fn: (d: FrameworkDoc) => FrameworkDoc) => setDraft((d) => (d ? fn(d) : d)), []);
  const patch = (path: IndicatorPath, p: Partial<IndicatorDoc>) => edit((d) => updateIndicator(d, path, p));

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const done = await withDropConfirmation(modal, (confirmDrop) => api!.call('framework.saveYear', { yearId, doc: draft, confirmDrop }));
      if (done) {
        message.success('指标体系已保存，得分已按新指标体系重新计算');
        await Promise.all([stored.reload(), frameworks.reload(), onSaved()]);
      }
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setSaving(false);
    }
  };

  const load = async (what: string, fetch: () => Promise<FrameworkDoc>) => {
    try {
      setDraft(await fetch());
      setEditing(null);
      message.info(`已载入${what}，检查后点击“保存”生效`);
    } catch (err) {
      applyError(err, message.error);
    }
  };

  const yearLabel = (id: number | null) => (id === null ? '模板' : `${setup?.years.find((y) => y.id === id)?.year ?? id} 年度`);
  const sources = (frameworks.data ?? []).filter((f) => f.frameworkId !== frameworkId);

  if (stored.error) return <Alert type="error" message={stored.error} />;
  if (!draft) return null;
  const editingRow = editing ? rows.find((r) => samePath(editing, r.path)) : undefined;
  const topSum = draft.indicators.reduce((s, i) => s + (pointsNumberToCenti(i.weight) ?? 0), 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="framework-editor">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Text>
            {draft.name}
            {draft.version ? `（${draft.version}）` : ''} · 一级指标合计 {formatPoints(topSum)} 分
          </Typography.Text>
          {dirty ? <Tag color="orange">有未保存的修改</Tag> : <Tag color="green">已保存</Tag>}
        </Space>
        <Space wrap>
          <Select
            placeholder="从其他年度或模板复制…"
            style={{ width: 260 }}
            disabled={locked}
            value={null}
            data-testid="framework-copy-from"
            options={sources.map((f) => ({ value: f.frameworkId, label: `${yearLabel(f.yearId)}：${f.name}` }))}
            onChange={(id: number) => {
              const f = sources.find((x) => x.frameworkId === id);
              void load(`${yearLabel(f?.yearId ?? null)}的指标体系`, () => api!.call('framework.get', { frameworkId: id }));
            }}
          />
          <Button disabled={locked} onClick={() => void load('默认指标体系', () => api!.call('framework.default', {}))}>
            恢复默认指标体系
          </Button>
          <Button disabled={!dirty} onClick={() => stored.data && setDraft(stored.data)}>
            放弃修改
          </Button>
          <Button onClick={() => setHistory(true)}>修改记录</Button>
          <Tooltip title={issues.length > 0 ? '请先改正下列问题' : undefined}>
            <Button type="primary" disabled={locked || !dirty || issues.length > 0} loading={saving} onClick={save} data-testid="framework-save">
              保存指标体系
            </Button>
          </Tooltip>
        </Space>
      </Flex>
      {locked && <Alert type="info" message="本年度已定稿，指标体系不能修改。" />}
      {issues.length > 0 ? (
        <Alert
          type="error"
          data-testid="framework-issues"
          message={`指标体系有 ${issues.length} 处问题，改正后才能保存：`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {issues.map((i) => (
                <li key={i.message}>{i.message}</li>
              ))}
            </ul>
          }
        />
      ) : (
        dirty && <Alert type="success" showIcon message="各级权重合计一致，可以保存。" data-testid="framework-ok" />
      )}
      {changes.length > 0 && (
        <Alert
          type="info"
          data-testid="framework-changes"
          message={`未保存的修改（${changes.length} 项）：`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {changes.slice(0, 12).map((c) => (
                <li key={c}>{c}</li>
              ))}
              {changes.length > 12 && <li>等，共 {changes.length} 项</li>}
            </ul>
          }
        />
      )}
      <Table<EditorRow>
        rowKey={(r) => r.path.join('.')}
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="framework-table"
        rowClassName={(r) => (r.level === 1 ? 'row-total' : '')}
        columns={[
          { title: '编号', width: 80, render: (_, r) => <span style={{ paddingLeft: (r.level - 1) * 12 }}>{r.item.code}</span> },
          {
            title: '指标名称',
            render: (_, r) => (
              <Flex gap={6} align="center" style={{ paddingLeft: (r.level - 1) * 20 }}>
                <Input
                  size="small"
                  value={r.item.name}
                  disabled={locked}
                  status={issuesByCode.has(r.item.code) ? 'error' : undefined}
                  onChange={(e) => patch(r.path, { name: e.target.value })}
                  style={{ fontWeight: r.hasChildren ? 600 : 400 }}
                />
                {r.item.selfScored === false && <Tag>不自评</Tag>}
              </Flex>
            ),
          },
          {
            title: '权重',
            width: 110,
            render: (_, r) => (
              <span data-testid={`fw-weight-${r.item.code}`}>
                <InputNumber
                  size="small"
                  min={0}
                  step={0.1}
                  precision={2}
                  value={Number.isFinite(r.item.weight) ? r.item.weight : null}
                  disabled={locked}
                  onChange={(v) => patch(r.path, { weight: v ?? Number.NaN })}
                  style={{ width: 90 }}
                />
              </span>
            ),
          },
          {
            title: '下级合计',
            width: 90,
            align: 'right',
            render: (_, r) => {
              if (r.childSumCenti === null) return null;
              const own = pointsNumberToCenti(r.item.weight);
              const ok = own === r.childSumCenti;
              return (
                <Typography.Text type={ok ? 'secondary' : 'danger'} data-testid={`fw-sum-${r.item.code}`}>
                  {formatPoints(r.childSumCenti)}
                  {ok ? '' : ' ≠'}
                </Typography.Text>
              );
            },
          },
          {
            title: '计分方法',
            width: 170,
            render: (_, r) => {
              if (r.hasChildren) return <Typography.Text type="secondary">按下级指标合计</Typography.Text>;
              if (r.item.selfScored === false) return <Typography.Text type="secondary">不自评</Typography.Text>;
              const rule = r.item.rule ?? { type: 'manual' as const };
              return (
                <span>
                  {RULE_TYPE_LABELS[rule.type]}
                  {'target' in rule && rule.target ? ` · 目标 ${rule.target}${rule.unit ?? ''}` : ''}
                  {r.item.valueSource ? <Tag style={{ marginLeft: 4 }}>{VALUE_SOURCE_LABELS[r.item.valueSource]}</Tag> : null}
                </span>
              );
            },
          },
          {
            title: '操作',
            width: 300,
            render: (_, r) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setEditing(r.path)} data-testid={`fw-edit-${r.item.code}`}>
                  详情
                </Button>
                <Button size="small" type="link" disabled={locked || r.path[r.path.length - 1] === 0} onClick={() => edit((d) => moveIndicator(d, r.path, -1))}>
                  上移
                </Button>
                <Button size="small" type="link" disabled={locked || r.isLast} onClick={() => edit((d) => moveIndicator(d, r.path, 1))}>
                  下移
                </Button>
                {canAddChild(r.level) && (
                  <Button
                    size="small"
                    type="link"
                    disabled={locked}
                    onClick={() => {
                      const added = addIndicator(draft, r.path);
                      setDraft(added.doc);
                      setEditing(added.path);
                    }}
                  >
                    加下级
                  </Button>
                )}
                <Button
                  size="small"
                  type="link"
                  danger
                  disabled={locked}
                  onClick={() =>
                    modal.confirm({
                      title: `删除“${r.item.name}”${r.hasChildren ? '及其全部下级指标' : ''}？`,
                      content: '删除在保存后生效；已填评分的指标会在保存时列出并再次确认。',
                      okText: '删除',
                      okButtonProps: { danger: true },
                      cancelText: '取消',
                      onOk: () => {
                        setEditing(null);
                        edit((d) => removeIndicator(d, r.path));
                      },
                    })
                  }
                >
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Button
        disabled={locked}
        onClick={() => {
          const added = addIndicator(draft, null);
          setDraft(added.doc);
          setEditing(added.path);
        }}
      >
        添加一级指标
      </Button>
      <IndicatorDrawer
        item={editingRow ? (indicatorAt(draft, editingRow.path) ?? null) : null}
        hasChildren={editingRow?.hasChildren ?? false}
        issues={editingRow ? (issuesByCode.get(editingRow.item.code) ?? []) : []}
        disabled={locked}
        onChange={(p) => editingRow && patch(editingRow.path, p)}
        onClose={() => setEditing(null)}
      />
      <Drawer open={history} onClose={() => setHistory(false)} title="指标体系修改记录" size={520} destroyOnHidden>
        {history && (
          <HistoryList
            yearId={yearId}
            entity="framework"
            entityId={String(frameworkId)}
            onUndone={async () => {
              await Promise.all([stored.reload(), onSaved()]);
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}
