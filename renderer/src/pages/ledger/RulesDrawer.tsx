import { App as AntApp, Button, Drawer, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Rule, RuleField } from '../../../../shared/classification/rules.ts';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../shared/domain/enums.ts';
import { api } from '../../api/client.ts';
import { applyError } from '../../components/apply-error.ts';

interface Props {
  open: boolean;
  readOnly: boolean;
  onClose(): void;
}

/** One editable line of the list; `key` keeps React rows stable while rules move. */
interface Draft {
  key: number;
  field: RuleField;
  match: 'contains' | 'equals';
  pattern: string;
  econCode: string;
  funcCode: string;
  category: Category | '';
  project: string;
}

let nextKey = 1;
const fromRule = (r: Rule): Draft => ({
  key: nextKey++,
  field: r.when.field,
  match: r.when.contains !== undefined ? 'contains' : 'equals',
  pattern: r.when.contains ?? r.when.equals ?? '',
  econCode: r.set.econCode ?? '',
  funcCode: r.set.funcCode ?? '',
  category: r.set.category ?? '',
  project: r.set.project ?? '',
});
const blank = (): Draft => ({ key: nextKey++, field: 'summary', match: 'contains', pattern: '', econCode: '', funcCode: '', category: '', project: '' });

function toRule(d: Draft): Rule {
  const set: Rule['set'] = {};
  if (d.econCode.trim()) set.econCode = d.econCode.trim();
  if (d.funcCode.trim()) set.funcCode = d.funcCode.trim();
  if (d.category) set.category = d.category;
  if (d.project.trim()) set.project = d.project.trim();
  return { when: d.match === 'contains' ? { field: d.field, contains: d.pattern } : { field: d.field, equals: d.pattern }, set };
}

/**
 * 分类规则: the data file's ordered rules (first match wins), applied to every later ledger import
 * and shown in its preview. Saved as one list.
 */
export function RulesDrawer({ open, readOnly, onClose }: Props) {
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<Draft[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    api!
      .call('rules.list', {})
      .then((f) => setRows(f.rules.map(fromRule)))
      .catch((err: unknown) => applyError(err, message.error));
  }, [open, message]);
  const change = (key: number, patch: Partial<Draft>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) =>
    setRows((rs) => {
      const out = [...rs];
      const [r] = out.splice(i, 1);
      out.splice(i + by, 0, r!);
      return out;
    });
  const save = async () => {
    setBusy(true);
    try {
      const saved = await api!.call('rules.save', { rules: rows.map(toRule) });
      setRows(saved.rules.map(fromRule));
      message.success(`已保存 ${saved.rules.length} 条分类规则，以后导入收支明细时自动应用。`);
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title="分类规则"
      size={1180}
      extra={
        <Space>
          <Button onClick={() => setRows((rs) => [...rs, blank()])} disabled={readOnly} data-testid="rule-add">
            新增规则
          </Button>
          <Button type="primary" onClick={save} loading={busy} disabled={readOnly} data-testid="rules-save">
            保存规则
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        导入收支明细时，每笔支出按顺序逐条比对，第一条符合的规则填写该行空着的经济分类、功能分类、项目和类别（文件中已有的不覆盖）；类别不填时按经济分类判断。没有规则符合的支出为“未分类”，须在支出明细中分类。
      </Typography.Paragraph>
      <Table<Draft>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="rules-table"
        locale={{ emptyText: '还没有规则。例：摘要包含“工资” → 经济分类 30101。' }}
        columns={[
          { title: '序号', width: 50, render: (_, __, i) => i + 1 },
          {
            title: '字段',
            width: 104,
            render: (_, r) => (
              <Select<RuleField> value={r.field} style={{ width: 96 }} onChange={(v) => change(r.key, { field: v })} options={[{ value: 'summary', label: '摘要' }, { value: 'counterparty', label: '对方户名' }]} />
            ),
          },
          {
            title: '条件',
            width: 86,
            render: (_, r) => (
              <Select value={r.match} style={{ width: 78 }} onChange={(v) => change(r.key, { match: v })} options={[{ value: 'contains', label: '包含' }, { value: 'equals', label: '等于' }]} />
            ),
          },
          { title: '文字', width: 170, render: (_, r) => <Input value={r.pattern} onChange={(e) => change(r.key, { pattern: e.target.value })} data-testid="rule-pattern" /> },
          { title: '经济分类', width: 100, render: (_, r) => <Input value={r.econCode} onChange={(e) => change(r.key, { econCode: e.target.value })} data-testid="rule-econ" /> },
          { title: '功能分类', width: 100, render: (_, r) => <Input value={r.funcCode} onChange={(e) => change(r.key, { funcCode: e.target.value })} /> },
          {
            title: '类别',
            width: 170,
            render: (_, r) => (
              <Select<Category | ''>
                value={r.category}
                style={{ width: 162 }}
                onChange={(v) => change(r.key, { category: v })}
                options={[{ value: '', label: '（按经济分类）' }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
              />
            ),
          },
          { title: '项目', width: 150, render: (_, r) => <Input value={r.project} placeholder="项目名称" onChange={(e) => change(r.key, { project: e.target.value })} /> },
          {
            title: '操作',
            width: 150,
            render: (_, r, i) => (
              <Space size={0}>
                <Button type="link" size="small" disabled={readOnly || i === 0} onClick={() => move(i, -1)}>
                  上移
                </Button>
                <Button type="link" size="small" disabled={readOnly || i === rows.length - 1} onClick={() => move(i, 1)}>
                  下移
                </Button>
                <Button type="link" size="small" danger disabled={readOnly} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
