import { Alert, App as AntApp, Button, Card, Flex, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { CODE_KIND_LABELS, CODE_KINDS, type CodeKind } from '../../../../shared/budget/code-list.ts';
import {
  CODE_NAME_SOURCE_LABELS,
  CODE_NAME_SOURCES,
  type CodeEntry,
  type CodeImportResult,
  type CodeNameSource,
  kindOfCode,
} from '../../../../shared/codes/code-names.ts';
import { api } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { applyError } from '../../components/apply-error.ts';
import { readAsBase64 } from '../../components/file-base64.ts';
import { saveFile } from '../../components/rendered-file.ts';
import { useJump } from '../execution/use-jump.ts';

// 科目代码: the 功能分类 / 经济分类 codes this data file knows — shipped with the program, imported
// from the office's 科目表, typed here, or learned from its imported budget lines and ledgers — and where each
// name came from. A 审核 提示 about an unnamed code opens this page with the code filled in.

const SOURCE_COLORS: Record<CodeNameSource, string> = { manual: 'purple', imported: 'blue', shipped: 'default', learned: 'green' };

interface NameForm {
  kind: CodeKind;
  code: string;
  name: string;
}

type Editing = { mode: 'new' | 'edit'; initial: NameForm } | null;

export function CodesPage() {
  const { message, modal } = AntApp.useApp();
  const list = useQuery('codes.list', {});
  const jump = useJump('codes');
  const jumpCode = jump?.filter.funcCode ?? jump?.filter.econCode ?? null;
  const jumpKind: CodeKind = jump?.filter.funcCode ? 'func' : 'econ';
  const [kind, setKind] = useState<CodeKind | 'all'>('all');
  const [source, setSource] = useState<CodeNameSource | 'all'>('all');
  const [search, setSearch] = useState(jumpCode ?? '');
  const [editing, setEditing] = useState<Editing>(jumpCode ? { mode: 'new', initial: { kind: jumpKind, code: jumpCode, name: '' } } : null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<CodeImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const rows = useMemo(() => {
    const q = search.trim();
    return (list.data ?? []).filter(
      (e) => (kind === 'all' || e.kind === kind) && (source === 'all' || e.source === source) && (q === '' || e.code.startsWith(q) || e.name.includes(q)),
    );
  }, [list.data, kind, source, search]);

  const counts = useMemo(() => {
    const c: Record<CodeNameSource, number> = { manual: 0, imported: 0, shipped: 0, learned: 0 };
    for (const e of list.data ?? []) c[e.source]++;
    return c;
  }, [list.data]);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await api!.call('codes.import', { fileName: file.name, base64: await readAsBase64(file) });
      setImported(r);
      message.success(`已导入科目表：新增 ${r.added} 个，更新 ${r.updated} 个`);
      await list.reload();
    } catch (err) {
      setImported(null);
      applyError(err, message.error);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const exportList = async () => {
    try {
      saveFile(await api!.call('codes.export', { format: 'xlsx' }));
    } catch (err) {
      applyError(err, message.error);
    }
  };

  const removeName = (e: CodeEntry) =>
    modal.confirm({
      title: `删除编码 ${e.code} 的本单位名称“${e.name}”？`,
      content: e.shippedName ? `删除后使用程序自带的名称“${e.shippedName}”。` : '删除后该编码没有名称，审核时会再次提示。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api!.call('codes.deleteName', { kind: e.kind, code: e.code });
          message.success('已删除');
          await list.reload();
        } catch (err) {
          applyError(err, message.error);
        }
      },
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        科目代码
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        程序自带的支出功能分类、经济分类科目表并不完整。可导入本单位财务系统导出的科目表（“科目编码”“科目名称”两列，或一列“2010601
        行政运行”），也可逐个填写；导入预算指标或支出明细时，单元格中写明的名称（如“30201 办公费”）会自动识别。格式正确的编码不会被审核判为错误，没有名称的只提示一次。
      </Typography.Paragraph>
      {list.error && <Alert type="error" title={list.error} />}
      {imported && (
        <Alert
          type={imported.skippedCount > 0 ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setImported(null)}
          data-testid="codes-import-result"
          title={`已从“${imported.fileName}”（工作表“${imported.sheet}”）导入：新增 ${imported.added} 个，更新 ${imported.updated} 个，未变 ${imported.unchanged} 个${imported.skippedCount > 0 ? `，跳过 ${imported.skippedCount} 行` : ''}。`}
          description={
            imported.skipped.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {imported.skipped.slice(0, 8).map((s) => (
                  <li key={s.row}>{s.message}</li>
                ))}
                {imported.skippedCount > 8 && <li>……另有 {imported.skippedCount - 8} 行</li>}
              </ul>
            ) : undefined
          }
        />
      )}
      <Card
        size="small"
        title={
          <Space size={12} wrap>
            <span>共 {list.data?.length ?? 0} 个科目</span>
            {CODE_NAME_SOURCES.map((s) => (
              <Tag key={s} color={SOURCE_COLORS[s]}>
                {CODE_NAME_SOURCE_LABELS[s]} {counts[s]}
              </Tag>
            ))}
          </Space>
        }
        extra={
          <>
            {/* Outside the Space: a hidden item there still takes a gap before the first button. */}
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.xls,.csv,.txt,.ods"
              style={{ display: 'none' }}
              data-testid="codes-file"
              onChange={(e) => void pick(e.target.files?.[0])}
            />
            <Space>
              <Button type="primary" loading={busy} onClick={() => fileInput.current?.click()} data-testid="codes-import">
                导入科目表
              </Button>
              <Button onClick={() => setEditing({ mode: 'new', initial: { kind: 'func', code: '', name: '' } })} data-testid="codes-add">
                新增科目名称
              </Button>
              <Button onClick={() => void exportList()}>导出本单位科目</Button>
            </Space>
          </>
        }
      >
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Segmented<CodeKind | 'all'>
            value={kind}
            onChange={setKind}
            options={[{ value: 'all', label: '全部' }, ...CODE_KINDS.map((k) => ({ value: k, label: CODE_KIND_LABELS[k] }))]}
          />
          <Select<CodeNameSource | 'all'>
            value={source}
            onChange={setSource}
            style={{ width: 160 }}
            aria-label="来源"
            options={[{ value: 'all', label: '全部来源' }, ...CODE_NAME_SOURCES.map((s) => ({ value: s, label: CODE_NAME_SOURCE_LABELS[s] }))]}
          />
          <Input.Search
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="按编码开头或名称查找"
            style={{ width: 240 }}
            data-testid="codes-search"
          />
        </Flex>
        <Table<CodeEntry>
          size="small"
          rowKey={(e) => `${e.kind}:${e.code}`}
          loading={list.loading}
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => `${n} 个` }}
          data-testid="codes-table"
          locale={{ emptyText: search ? `没有编码或名称含“${search}”的科目。如编码无误，请点“新增科目名称”填写它的名称。` : '没有科目' }}
          columns={[
            { title: '分类', dataIndex: 'kind', width: 180, render: (k: CodeKind) => CODE_KIND_LABELS[k] },
            { title: '科目编码', dataIndex: 'code', width: 120 },
            {
              title: '科目名称',
              dataIndex: 'name',
              render: (name: string, e) => (
                <Space size={6}>
                  <span>{name}</span>
                  {e.shippedName && <Typography.Text type="secondary">（程序自带：{e.shippedName}）</Typography.Text>}
                </Space>
              ),
            },
            { title: '来源', dataIndex: 'source', width: 140, render: (s: CodeNameSource) => <Tag color={SOURCE_COLORS[s]}>{CODE_NAME_SOURCE_LABELS[s]}</Tag> },
            {
              title: '操作',
              key: 'actions',
              width: 130,
              render: (_, e) => (
                <Space>
                  <Typography.Link onClick={() => setEditing({ mode: 'edit', initial: { kind: e.kind, code: e.code, name: e.name } })}>修改名称</Typography.Link>
                  {e.source !== 'shipped' && (
                    <Typography.Link type="danger" onClick={() => removeName(e)}>
                      删除
                    </Typography.Link>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <CodeNameModal
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            setEditing(null);
            message.success(`已保存：${saved.code} ${saved.name}`);
            await list.reload();
          }}
        />
      )}
    </Space>
  );
}

function CodeNameModal({ editing, onClose, onSaved }: { editing: NonNullable<Editing>; onClose(): void; onSaved(e: CodeEntry): Promise<void> }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<NameForm>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await onSaved(await api!.call('codes.setName', v));
    } catch (err) {
      applyError(err, message.error, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={editing.mode === 'new' ? '新增科目名称' : '修改科目名称'}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing.initial}
        data-testid="code-name-form"
        onValuesChange={(changed: Partial<NameForm>) => {
          // The kind follows from the code's shape (2… 功能分类, 3…/5… 经济分类) as it is typed.
          const kind = changed.code !== undefined ? kindOfCode(changed.code.trim()) : null;
          if (kind) form.setFieldValue('kind', kind);
        }}
      >
        <Form.Item name="kind" label="分类" rules={[{ required: true }]}>
          <Select disabled={editing.mode === 'edit'} options={CODE_KINDS.map((k) => ({ value: k, label: CODE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="code" label="科目编码" rules={[{ required: true, message: '请填写科目编码' }]}>
          <Input disabled={editing.mode === 'edit'} placeholder="如 2010601" />
        </Form.Item>
        <Form.Item name="name" label="科目名称" rules={[{ required: true, whitespace: true, message: '请填写科目名称' }]}>
          <Input placeholder="如 行政运行" autoFocus maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
