import { Alert, App as AntApp, Button, Card, Flex, Input, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { YearOutline } from '../../../../shared/report/outline-api.ts';
import {
  ANNEX_KEYS,
  ANNEX_LABELS,
  type AnnexKey,
  CONTENT_KEYS,
  CONTENT_LABELS,
  type ContentKey,
  MAX_OUTLINE_DEPTH,
  type OutlineDoc,
  type OutlineItem,
  type OutlineSection,
  TABLE_KEYS,
} from '../../../../shared/report/outline.ts';
import { headingNumber, type HeadingLevel } from '../../../../shared/report/numbering.ts';
import { api } from '../../api/client.ts';
import { applyError } from '../../components/apply-error.ts';
import { saveBlob } from '../../components/rendered-file.ts';
import { useSession } from '../../state/session.tsx';

// 报告 → 报告提纲: the year's outline as an indented list of headings. Each row can be renamed,
// moved, indented or outdented, and holds the pieces it prints (generated text and tables by key,
// or the year's own text). The draft is saved as a whole; the service checks it again.

interface Row {
  id: number;
  level: number;
  heading: string;
  numbered: boolean;
  omitWhenEmpty: boolean;
  content: OutlineItem[];
}

let nextRowId = 1;

function toRows(sections: readonly OutlineSection[], level = 1, out: Row[] = []): Row[] {
  for (const s of sections) {
    out.push({ id: nextRowId++, level, heading: s.heading, numbered: s.numbered ?? true, omitWhenEmpty: s.omitWhenEmpty ?? false, content: s.content });
    toRows(s.children ?? [], level + 1, out);
  }
  return out;
}

function toSections(rows: readonly Row[]): OutlineSection[] {
  type Built = OutlineSection & { children: Built[] };
  const root: Built[] = [];
  const stack: Array<{ level: number; children: Built[] }> = [{ level: 0, children: root }];
  for (const r of rows) {
    const section: Built = { heading: r.heading, content: r.content, children: [] };
    if (!r.numbered) section.numbered = false;
    if (r.omitWhenEmpty) section.omitWhenEmpty = true;
    while (stack.length > 1 && stack[stack.length - 1]!.level >= r.level) stack.pop();
    const parent = stack[stack.length - 1]!;
    parent.children.push(section);
    stack.push({ level: Math.min(r.level, parent.level + 1), children: section.children });
  }
  const strip = (list: Built[]): OutlineSection[] =>
    list.map(({ children, ...s }) => (children.length > 0 ? { ...s, children: strip(children) } : s));
  return strip(root);
}

/** The number each row prints with (official-document style), for the editor's left column. */
function rowNumbers(rows: readonly Row[]): string[] {
  const counts = [0, 0, 0, 0, 0];
  return rows.map((r) => {
    if (!r.numbered) return '';
    const i = Math.min(r.level, MAX_OUTLINE_DEPTH) - 1;
    counts[i] = (counts[i] ?? 0) + 1;
    for (let d = i + 1; d < counts.length; d++) counts[d] = 0;
    return headingNumber((i + 1) as HeadingLevel, counts[i]!);
  });
}

export function OutlineEditor({ yearId, locked, onSaved }: { yearId: number; locked: boolean; onSaved(): void }) {
  const { message } = AntApp.useApp();
  const { setup } = useSession();
  const [loaded, setLoaded] = useState<YearOutline | null>(null);
  const [meta, setMeta] = useState<Omit<OutlineDoc, 'sections'> | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [shipped, setShipped] = useState<Array<{ id: string; name: string }>>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = (o: YearOutline) => {
    const { sections, ...rest } = o.doc;
    setLoaded(o);
    setMeta(rest);
    setRows(toRows(sections));
    setDirty(false);
  };
  useEffect(() => {
    void api!.call('outline.get', { yearId }).then((o) => {
      const { sections, ...rest } = o.doc;
      setLoaded(o);
      setMeta(rest);
      setRows(toRows(sections));
    });
    void api!.call('outline.shipped', {}).then((list) => setShipped(list.map((s) => ({ id: s.id, name: s.doc.name }))));
  }, [yearId]);

  const numbers = useMemo(() => rowNumbers(rows), [rows]);
  const used = useMemo(() => new Set(rows.flatMap((r) => r.content.flatMap((c) => ('key' in c ? [c.key] : [])))), [rows]);

  if (!loaded || !meta) return null;
  const doc = (): OutlineDoc => ({ ...meta, sections: toSections(rows) });
  const change = (next: Row[]) => {
    setRows(next);
    setDirty(true);
  };
  const patch = (id: number, p: Partial<Row>) => change(rows.map((r) => (r.id === id ? { ...r, ...p } : r)));
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    if (j < 0 || j >= rows.length) return;
    const next = [...rows];
    [next[i], next[j]] = [next[j]!, next[i]!];
    next[0] = { ...next[0]!, level: 1 };
    change(next);
  };
  const indent = (i: number, d: -1 | 1) => {
    const r = rows[i]!;
    const max = i === 0 ? 1 : Math.min(rows[i - 1]!.level + 1, MAX_OUTLINE_DEPTH);
    const level = Math.max(1, Math.min(max, r.level + d));
    patch(r.id, { level });
  };
  const insertAfter = (i: number, level: number) => {
    const next = [...rows];
    next.splice(i + 1, 0, { id: nextRowId++, level, heading: '新标题', numbered: true, omitWhenEmpty: false, content: [] });
    change(next);
  };
  const run = async (what: () => Promise<YearOutline | undefined>, ok: string) => {
    setBusy(true);
    try {
      const o = await what();
      if (o) {
        load(o);
        onSaved();
      }
      message.success(ok);
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(false);
    }
  };
  const otherYears = (setup?.years ?? []).filter((y) => y.id !== yearId);

  return (
    <Card
      size="small"
      title="报告提纲"
      data-testid="outline-editor"
      extra={
        <Space wrap>
          <Typography.Text type="secondary">{meta.name}</Typography.Text>
          {!loaded.stored && <Tag>默认提纲</Tag>}
          {dirty && <Tag color="orange">未保存</Tag>}
        </Space>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          placeholder="从其他年度复制"
          style={{ width: 180 }}
          disabled={locked || otherYears.length === 0}
          value={null}
          options={otherYears.map((y) => ({ value: y.id, label: `复制 ${y.year} 年度的提纲` }))}
          onChange={(fromYearId: number) => void run(() => api!.call('outline.copyFromYear', { yearId, fromYearId }), '已复制其他年度的报告提纲')}
          data-testid="outline-copy"
        />
        <Select
          placeholder="恢复为内置提纲"
          style={{ width: 300 }}
          disabled={locked}
          value={null}
          options={shipped.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(shippedId: 'guangdong' | 'hunan' | 'mof') => void run(() => api!.call('outline.reset', { yearId, shippedId }), '已恢复为内置提纲')}
          data-testid="outline-reset"
        />
        <Button
          onClick={() =>
            void run(async () => {
              const f = await api!.call('outline.export', { yearId });
              saveBlob(f.fileName, new Blob([f.json], { type: 'application/json' }));
              return undefined;
            }, '已导出报告提纲')
          }
        >
          导出提纲（JSON）
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json"
          style={{ display: 'none' }}
          data-testid="outline-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            const json = await file.text();
            await run(() => api!.call('outline.import', { yearId, json }), '已导入报告提纲');
          }}
        />
        <Button disabled={locked} onClick={() => fileInput.current?.click()}>
          导入提纲（JSON）
        </Button>
        <Button type="primary" disabled={locked || !dirty} loading={busy} onClick={() => void run(() => api!.call('outline.save', { yearId, doc: doc() }), '报告提纲已保存')} data-testid="outline-save">
          保存提纲
        </Button>
      </Flex>
      {locked && <Alert type="info" message="本年度已定稿，报告提纲不能修改。" style={{ marginBottom: 8 }} />}
      <Flex vertical gap={6}>
        <Flex gap={8} align="center">
          <Typography.Text strong style={{ width: 60 }}>
            标题
          </Typography.Text>
          <Input value={meta.titleSuffix} disabled={locked} onChange={(e) => {
              setMeta({ ...meta, titleSuffix: e.target.value });
              setDirty(true);
            }} style={{ maxWidth: 360 }} data-testid="outline-title" />
        </Flex>
        {rows.map((r, i) => (
          <div key={r.id} style={{ marginLeft: (r.level - 1) * 28, borderLeft: '3px solid #e6e6e6', paddingLeft: 8 }} data-testid="outline-row">
            <Flex gap={6} align="center" wrap>
              <Typography.Text style={{ width: 44, textAlign: 'right' }} type="secondary">
                {numbers[i]}
              </Typography.Text>
              <Input value={r.heading} disabled={locked} onChange={(e) => patch(r.id, { heading: e.target.value })} style={{ width: 260 }} data-testid="outline-heading" />
              <Tooltip title="上移">
                <Button size="small" disabled={locked || i === 0} onClick={() => move(i, -1)} data-testid="outline-up">
                  ↑
                </Button>
              </Tooltip>
              <Tooltip title="下移">
                <Button size="small" disabled={locked || i === rows.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </Button>
              </Tooltip>
              <Tooltip title="升一级">
                <Button size="small" disabled={locked || r.level === 1} onClick={() => indent(i, -1)}>
                  ←
                </Button>
              </Tooltip>
              <Tooltip title="降一级">
                <Button size="small" disabled={locked || r.level >= MAX_OUTLINE_DEPTH || i === 0} onClick={() => indent(i, 1)}>
                  →
                </Button>
              </Tooltip>
              <Button size="small" disabled={locked} onClick={() => insertAfter(i, r.level)} data-testid="outline-add-sibling">
                加同级
              </Button>
              <Button size="small" disabled={locked || r.level >= MAX_OUTLINE_DEPTH} onClick={() => insertAfter(i, r.level + 1)}>
                加下级
              </Button>
              <Button size="small" danger disabled={locked || rows.length === 1} onClick={() => change(rows.filter((x) => x.id !== r.id))}>
                删除
              </Button>
              <Space size={4}>
                <Switch size="small" checked={r.numbered} disabled={locked} onChange={(v) => patch(r.id, { numbered: v })} />
                <Typography.Text type="secondary">编号</Typography.Text>
                <Switch size="small" checked={r.omitWhenEmpty} disabled={locked} onChange={(v) => patch(r.id, { omitWhenEmpty: v })} />
                <Typography.Text type="secondary">无内容时不印</Typography.Text>
              </Space>
            </Flex>
            <Flex gap={6} wrap align="center" style={{ margin: '4px 0 4px 50px' }}>
              {r.content.map((c, k) =>
                'key' in c ? (
                  <Tag
                    key={c.key}
                    color={(TABLE_KEYS as readonly string[]).includes(c.key) ? 'blue' : 'green'}
                    closable={!locked}
                    onClose={(e) => {
                      e.preventDefault();
                      patch(r.id, { content: r.content.filter((_, x) => x !== k) });
                    }}
                  >
                    {CONTENT_LABELS[c.key]}
                  </Tag>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: an own-text item has no identity but its place in the section
                  <Flex key={`text-${k}`} gap={4} style={{ width: '100%' }}>
                    <Input.TextArea
                      value={c.text}
                      disabled={locked}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      placeholder="本节的文字（每行一段，可用 {{数据引用}}）"
                      onChange={(e) => patch(r.id, { content: r.content.map((x, y) => (y === k ? { text: e.target.value } : x)) })}
                      data-testid="outline-text"
                    />
                    <Button size="small" disabled={locked} onClick={() => patch(r.id, { content: r.content.filter((_, x) => x !== k) })}>
                      移除
                    </Button>
                  </Flex>
                ),
              )}
              <Select
                size="small"
                placeholder="添加内容…"
                style={{ width: 220 }}
                disabled={locked}
                value={null}
                data-testid="outline-add-content"
                options={[
                  { value: '__text', label: '自定义文字' },
                  ...CONTENT_KEYS.filter((k) => !used.has(k)).map((k) => ({ value: k, label: CONTENT_LABELS[k] })),
                ]}
                onChange={(v: ContentKey | '__text') => patch(r.id, { content: [...r.content, v === '__text' ? { text: '' } : { key: v }] })}
              />
            </Flex>
          </div>
        ))}
        <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
          <Typography.Text strong>附件（按顺序）</Typography.Text>
          <Select<AnnexKey[]>
            mode="multiple"
            style={{ minWidth: 480 }}
            disabled={locked}
            value={meta.annexes}
            options={ANNEX_KEYS.map((k) => ({ value: k, label: ANNEX_LABELS[k].replace(/^表：/, '') }))}
            onChange={(annexes) => {
              setMeta({ ...meta, annexes });
              setDirty(true);
            }}
            data-testid="outline-annexes"
          />
        </Flex>
      </Flex>
    </Card>
  );
}
