import { Alert, App as AntApp, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RenderedFile, ReportSection, Signature } from '../../../shared/report/api-schemas.ts';
import { api } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { applyError } from '../components/apply-error.ts';
import { HistoryList } from '../components/HistoryList.tsx';
import { PdfPreview, printPdf } from '../components/PdfPreview.tsx';
import { fileBytes, saveFile } from '../components/rendered-file.ts';
import { useDirtyFlag } from '../state/dirty-guard.tsx';
import { useCurrentYear, useSession } from '../state/session.tsx';
import { useJump } from './execution/use-jump.ts';
import { OutlineEditor } from './report/OutlineEditor.tsx';
import { ReferenceValues } from './report/ReferenceValues.tsx';
import { WorkResultsEditor } from './report/WorkResultsEditor.tsx';

type Placeholder = { key: string; label: string; value: string; group: string };

function SectionEditor({
  section,
  yearId,
  locked,
  placeholders,
  onSaved,
}: {
  section: ReportSection;
  yearId: number;
  locked: boolean;
  placeholders: Placeholder[];
  onSaved(): void;
}) {
  const { message } = AntApp.useApp();
  const [body, setBody] = useState(section.body);
  const [history, setHistory] = useState(false);
  const area = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => setBody(section.body), [section.body]);
  const dirty = body !== section.body;
  useDirtyFlag(`section:${section.key}`, dirty);
  const insert = (key: string) => {
    const el = area.current;
    const token = `{{${key}}}`;
    const at = el?.selectionStart ?? body.length;
    setBody(body.slice(0, at) + token + body.slice(el?.selectionEnd ?? at));
  };
  const save = async () => {
    try {
      await api!.call('report.saveSection', { yearId, key: section.key, body });
      message.success('已保存');
      onSaved();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  const reset = async () => {
    try {
      await api!.call('report.resetSection', { yearId, key: section.key });
      message.success('已恢复为自动生成的内容');
      onSaved();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  const options = useMemo(
    () =>
      [...new Set(placeholders.map((p) => p.group))].map((g) => ({
        label: g,
        options: placeholders.filter((p) => p.group === g).map((p) => ({ value: p.key, label: `${p.label}（当前：${p.value}）` })),
      })),
    [placeholders],
  );
  return (
    <Card
      size="small"
      data-testid={`section-card-${section.key}`}
      title={
        <Space>
          {section.title}
          {section.generatedText !== null && (section.followsData ? <Tag color="blue">随数据自动生成</Tag> : <Tag color="orange">已手工修改</Tag>)}
        </Space>
      }
      extra={
        <Space>
          <Typography.Link onClick={() => setHistory(true)}>历史</Typography.Link>
          {section.generatedText !== null && !section.followsData && (
            <Button size="small" disabled={locked} onClick={reset}>
              恢复自动生成
            </Button>
          )}
          <Button size="small" type={dirty ? 'primary' : 'default'} disabled={locked || !dirty} onClick={save} data-testid={`save-${section.key}`}>
            保存
          </Button>
        </Space>
      }
    >
      <Input.TextArea
        ref={(r) => {
          area.current = r?.resizableTextArea?.textArea ?? null;
        }}
        value={body}
        disabled={locked}
        onChange={(e) => setBody(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 12 }}
        data-testid={`section-${section.key}`}
      />
      <Flex justify="space-between" style={{ marginTop: 6 }}>
        <Select
          size="small"
          style={{ width: 420 }}
          placeholder="插入数据引用（报告中显示为当前数值）"
          value={null}
          disabled={locked}
          onChange={(v: string) => insert(v)}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Typography.Text type="secondary">每行一段；{'{{…}}'} 为数据引用</Typography.Text>
      </Flex>
      <ReferenceValues body={body} placeholders={placeholders} testId={`refs-${section.key}`} />
      <Modal open={history} onCancel={() => setHistory(false)} footer={null} title={`修改记录：${section.title}`} width={640} destroyOnHidden>
        <HistoryList yearId={yearId} entity="report_section" entityId={`${yearId}:${section.key}`} onUndone={onSaved} />
      </Modal>
    </Card>
  );
}

function SignatureCard({ yearId, locked }: { yearId: number; locked: boolean }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Omit<Signature, 'reportDate' | 'yearId'> & { reportDate: dayjs.Dayjs | null }>();
  const sig = useQuery('report.signature', { yearId });
  const [dirty, setDirty] = useState(false);
  useDirtyFlag('signature', dirty);
  useEffect(() => {
    if (!sig.data) return;
    form.setFieldsValue({ ...sig.data, reportDate: sig.data.reportDate ? dayjs(sig.data.reportDate) : null });
    setDirty(false);
  }, [sig.data, form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api!.call('report.saveSignature', {
        yearId,
        unitHead: v.unitHead ?? '',
        financeHead: v.financeHead ?? '',
        preparer: v.preparer ?? '',
        phone: v.phone ?? '',
        sealingUnit: v.sealingUnit ?? '',
        reportDate: v.reportDate ? v.reportDate.format('YYYY-MM-DD') : null,
        printNames: v.printNames ?? false,
      });
      setDirty(false);
      message.success('签章信息已保存');
      await sig.reload();
    } catch (err) {
      applyError(err, message.error, form);
    }
  };
  return (
    <Card
      size="small"
      title="签章与报送信息"
      extra={
        <Button size="small" type={dirty ? 'primary' : 'default'} disabled={locked} onClick={save} data-testid="signature-save">
          保存
        </Button>
      }
    >
      <Form form={form} layout="inline" disabled={locked} onValuesChange={() => setDirty(true)} style={{ rowGap: 8 }}>
        <Form.Item name="unitHead" label="单位负责人">
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="financeHead" label="财务负责人">
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="preparer" label="填报人">
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" rules={[{ pattern: /^[0-9+\-()（）\s转]*$/, message: '只能包含数字、空格和 - + ( )' }]}>
          <Input style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="sealingUnit" label="盖章单位">
          <Input style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="reportDate" label="报送日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="printNames" valuePropName="checked">
          <Checkbox data-testid="signature-print-names" title="不勾选时，落款处的单位负责人、财务负责人、填报人留出空线，打印后手写签名">
            在落款处打印姓名
          </Checkbox>
        </Form.Item>
      </Form>
    </Card>
  );
}

const FORMAT_LABELS: Record<string, string> = { pdf: 'PDF', xlsx: 'Excel', docx: 'Word' };

export function ReportPage() {
  const year = useCurrentYear();
  const { reload: reloadSession } = useSession();
  const { message, modal } = AntApp.useApp();
  const sections = useQuery('report.sections', year ? { yearId: year.id } : null);
  const preview = useQuery('report.preview', year ? { yearId: year.id } : null);
  const snapshots = useQuery('report.snapshots', year ? { yearId: year.id } : null);
  const [pdf, setPdf] = useState<RenderedFile | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // A big year's 支出明细 can go into a workbook of its own, so the report workbook stays small.
  const [detailSeparate, setDetailSeparate] = useState(false);
  const pdfBytes = useMemo(() => (pdf ? fileBytes(pdf) : null), [pdf]);
  // A 审核 finding about an unwritten section opens here: bring that section's editor into view.
  const jump = useJump('report');
  const jumpDone = useRef(false);
  useEffect(() => {
    if (!jump?.section || jumpDone.current || !sections.data) return;
    const testId = jump.section === 'outline' ? 'outline-editor' : `section-card-${jump.section}`;
    const el = document.querySelector(`[data-testid="${testId}"]`);
    if (!el) return;
    jumpDone.current = true;
    el.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true });
  }, [jump, sections.data]);
  if (!year) return <Alert type="info" message="请先在“单位与年度”页创建或选择一个年度。" />;
  const locked = year.status === 'final';
  const refresh = async () => {
    await Promise.all([sections.reload(), preview.reload(), snapshots.reload()]);
  };
  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    try {
      await fn();
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(null);
    }
  };
  const render = (format: 'pdf' | 'xlsx' | 'docx') => api!.call('report.render', { yearId: year.id, format });
  const exportXlsx = async () => {
    if (!detailSeparate || locked) {
      saveFile(await render('xlsx'));
      return;
    }
    saveFile(await api!.call('report.render', { yearId: year.id, format: 'xlsx', detail: 'separate' }));
    saveFile(await api!.call('report.renderDetail', { yearId: year.id }));
  };
  const finalize = () =>
    modal.confirm({
      title: `定稿 ${year.year} 年度报告？`,
      content: '定稿后将保存报告 PDF、Excel 和 Word 的原件及其校验值，以后打印和导出都给出这些原件；本年度全部数据随即锁定，如需修改，须填写原因重新打开（会被记录）。',
      okText: '定稿',
      cancelText: '取消',
      onOk: () =>
        run('finalize', async () => {
          const { files } = await api!.call('report.finalize', { yearId: year.id });
          const pdfFile = files.find((f) => f.format === 'pdf');
          message.success(`已定稿，文件校验值 ${pdfFile?.sha256.slice(0, 12) ?? ''}…（PDF、Excel、Word 原件已保存）`);
          setPdf(null);
          await reloadSession();
          await refresh();
        }),
    });
  const reopen = () => {
    let reason = '';
    modal.confirm({
      title: `重新打开 ${year.year} 年度？`,
      content: <Input.TextArea placeholder="请填写重新打开的原因（将记录在修改记录中）" onChange={(e) => (reason = e.target.value)} data-testid="reopen-reason" />,
      okText: '重新打开',
      cancelText: '取消',
      onOk: () =>
        run('reopen', async () => {
          await api!.call('report.reopen', { yearId: year.id, reason });
          message.success('已重新打开，可以修改数据');
          await reloadSession();
          await refresh();
        }),
    });
  };
  const p = preview.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {p?.title ?? `${year.year} 年度部门整体支出绩效自评报告`}
        </Typography.Title>
        <Space wrap>
          <Button loading={busy === 'preview'} onClick={() => run('preview', async () => setPdf(await render('pdf')))} data-testid="report-preview">
            预览
          </Button>
          <Button loading={busy === 'print'} onClick={() => run('print', async () => printPdf(fileBytes(await render('pdf'))))}>
            打印
          </Button>
          <Button loading={busy === 'pdf'} onClick={() => run('pdf', async () => saveFile(await render('pdf')))} data-testid="export-pdf">
            导出 PDF
          </Button>
          <Space size={4}>
            <Button loading={busy === 'xlsx'} onClick={() => run('xlsx', exportXlsx)} data-testid="export-xlsx">
              导出 Excel
            </Button>
            <Tooltip title={locked ? '已定稿：导出定稿时保存的 Excel 原件（含支出明细）' : '报告一个 Excel 文件，支出明细另存一个 Excel 文件（明细很多时更便于传送和打开）'}>
              <Checkbox
                checked={detailSeparate && !locked}
                disabled={locked}
                onChange={(e) => setDetailSeparate(e.target.checked)}
                data-testid="xlsx-detail-separate"
              >
                支出明细单独成册
              </Checkbox>
            </Tooltip>
          </Space>
          <Button loading={busy === 'docx'} onClick={() => run('docx', async () => saveFile(await render('docx')))}>
            导出 Word
          </Button>
          {locked ? (
            <Button danger onClick={reopen} data-testid="report-reopen">
              重新打开
            </Button>
          ) : (
            <Button type="primary" loading={busy === 'finalize'} disabled={(p?.blockers.length ?? 1) > 0} onClick={finalize} data-testid="report-finalize">
              定稿
            </Button>
          )}
        </Space>
      </Flex>
      {locked && <Alert type="success" message={`${year.year} 年度报告已定稿，数据已锁定。打印和导出给出定稿时保存的原件，与签章时的文件完全相同。`} />}
      {p && p.blockers.length > 0 && !locked && (
        <Alert
          type="warning"
          message="还不能定稿："
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="report-blockers">
              {p.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          }
        />
      )}
      {p && (p.findings.length > 0 || p.unknownPlaceholders.length > 0) && (
        <Card size="small" title="正文与数据不一致之处" data-testid="report-findings">
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.section}-${r.excerpt}-${r.typedValue}`}
            dataSource={[
              ...p.findings,
              ...p.unknownPlaceholders.map((u) => ({ kind: 'placeholder', sectionKey: '', section: u.section, excerpt: `{{${u.key}}}`, typedValue: '', dataValue: '', reason: '无法识别的数据引用' })),
            ]}
            columns={[
              { title: '段落', dataIndex: 'section', width: 180 },
              { title: '原文', dataIndex: 'excerpt' },
              { title: '正文中的数', dataIndex: 'typedValue', width: 120 },
              { title: '数据中的数', dataIndex: 'dataValue', width: 120 },
              { title: '说明', dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}
      {(sections.error || preview.error) && <Alert type="error" message={sections.error ?? preview.error} />}
      <OutlineEditor key={year.id} yearId={year.id} locked={locked} onSaved={() => void refresh()} />
      <WorkResultsEditor key={`work-${year.id}`} yearId={year.id} locked={locked} placeholders={p?.placeholders ?? []} onSaved={() => void refresh()} />
      {(sections.data ?? []).map((s) => (
        <SectionEditor key={s.key} section={s} yearId={year.id} locked={locked} placeholders={p?.placeholders ?? []} onSaved={refresh} />
      ))}
      <SignatureCard yearId={year.id} locked={locked} />
      {(snapshots.data?.length ?? 0) > 0 && (
        <Card size="small" title="定稿文件">
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={snapshots.data ?? []}
            columns={[
              { title: '定稿时间', dataIndex: 'createdAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
              { title: '格式', dataIndex: 'format', render: (v: string) => FORMAT_LABELS[v] ?? v },
              { title: 'SHA-256', dataIndex: 'sha256', render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text> },
              { title: '状态', render: (_, r) => (r.reopenedAt ? <Tag>已重新打开：{r.reopenReason}</Tag> : <Tag color="green">有效</Tag>) },
              {
                title: '操作',
                render: (_, r) => (
                  <Typography.Link onClick={() => run('snapshot', async () => saveFile(await api!.call('report.snapshot', { yearId: year.id, snapshotId: r.id })))}>
                    下载原件
                  </Typography.Link>
                ),
              },
            ]}
          />
        </Card>
      )}
      {/* A dialog over the page, so 预览 opens where the user is rather than below the last section. */}
      <Modal
        open={pdfBytes !== null}
        onCancel={() => setPdf(null)}
        title="报告预览（与导出的 PDF 完全相同）"
        footer={null}
        width={900}
        style={{ top: 16 }}
        styles={{ body: { maxHeight: 'calc(100vh - 120px)', overflowY: 'auto' } }}
        destroyOnHidden
        data-testid="report-preview-modal"
      >
        <PdfPreview bytes={pdfBytes} />
      </Modal>
    </Space>
  );
}
