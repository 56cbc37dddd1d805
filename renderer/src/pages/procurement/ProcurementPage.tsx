import { Alert, App as AntApp, Button, Card, Flex, Form, Input, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { PROCUREMENT_KIND_LABELS, type ProcurementItem } from '../../../../shared/domain/procurement.ts';
import type { FiscalYear } from '../../../../shared/domain/organization.ts';
import { fenToWanText, formatWan, parseAmountInUnit } from '../../../../shared/money/fen.ts';
import { ratio } from '../../../../shared/money/rate.ts';
import { api } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { applyError } from '../../components/apply-error.ts';
import { readAsBase64 } from '../../components/file-base64.ts';
import { saveFile } from '../../components/rendered-file.ts';
import { useCurrentYear } from '../../state/session.tsx';
import { percentText } from '../execution/figures.ts';
import { ProcurementItemModal } from './ProcurementItemModal.tsx';
import { procurementRateFormula } from './procurement-rate-text.ts';

/** 政府采购: the figures behind the 政府采购执行率 indicator, item by item or as totals. */
export function ProcurementPage() {
  const year = useCurrentYear();
  if (!year) return <Alert type="info" title="请先在“单位与年度”页创建或选择一个年度。" />;
  return <YearProcurement key={year.id} year={year} />;
}

interface TotalsForm {
  planned: string;
  actual: string;
  note: string;
}

function YearProcurement({ year }: { year: FiscalYear }) {
  const { message, modal } = AntApp.useApp();
  const readOnly = year.status === 'final';
  const totals = useQuery('procurement.get', { yearId: year.id });
  const items = useQuery('procurement.items', { yearId: year.id });
  const [editing, setEditing] = useState<ProcurementItem | 'new' | null>(null);
  const [form] = Form.useForm<TotalsForm>();
  const byItems = (items.data?.length ?? 0) > 0;

  useEffect(() => {
    if (totals.data) form.setFieldsValue({ planned: fenToWanText(totals.data.plannedFen), actual: fenToWanText(totals.data.actualFen), note: totals.data.note });
  }, [totals.data, form]);

  const reload = () => Promise.all([totals.reload(), items.reload()]);

  const saveTotals = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !totals.data) return;
    const plannedFen = byItems ? totals.data.plannedFen : parseAmountInUnit(v.planned, 'wan');
    const actualFen = byItems ? totals.data.actualFen : parseAmountInUnit(v.actual, 'wan');
    if (plannedFen === null || actualFen === null) {
      message.error('金额格式不正确，请按万元填写数字，如 50 或 48.75。');
      return;
    }
    try {
      await api!.call('procurement.save', { yearId: year.id, plannedFen, actualFen, note: v.note ?? '' });
      message.success('已保存，政府采购执行率已重新计算');
      await reload();
    } catch (err) {
      applyError(err, message.error, form);
    }
  };

  const remove = (item: ProcurementItem) =>
    modal.confirm({
      title: `删除采购项目“${item.name}”？`,
      content: '删除后可在“修改记录”中撤销。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api!.call('procurement.deleteItem', { id: item.id });
          message.success('已删除');
          await reload();
        } catch (err) {
          applyError(err, message.error);
        }
      },
    });

  const fileInput = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const importFile = async (file: File) => {
    setImporting(true);
    setImportError(null);
    try {
      const r = await api!.call('procurement.import', { yearId: year.id, fileName: file.name, base64: await readAsBase64(file) });
      message.success(
        `已从“${r.fileName}”导入 ${r.imported} 个采购项目${r.replaced > 0 ? `（替换原有 ${r.replaced} 个）` : ''}，合计预算 ${formatWan(r.plannedFen)} 万元、实际 ${formatWan(r.actualFen)} 万元`,
      );
      await reload();
    } catch (err) {
      setImportError((err as Error).message);
    } finally {
      setImporting(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };
  const pick = (file: File | undefined) => {
    if (!file) return;
    if ((items.data?.length ?? 0) === 0) return void importFile(file);
    modal.confirm({
      title: `用“${file.name}”替换现有的 ${items.data!.length} 个采购项目？`,
      content: '导入的表格即本年度的采购明细；替换的每一项都记入“修改记录”，可逐项撤销。',
      okText: '替换并导入',
      cancelText: '取消',
      onOk: () => importFile(file),
      onCancel: () => {
        if (fileInput.current) fileInput.current.value = '';
      },
    });
  };
  const downloadTemplate = async () => {
    try {
      saveFile(await api!.call('import.template', { target: 'procurement' }));
    } catch (err) {
      applyError(err, message.error);
    }
  };

  const t = totals.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {year.year} 年度政府采购
      </Typography.Title>
      {(totals.error || items.error) && <Alert type="error" title={totals.error ?? items.error} />}
      <Card size="small" title="政府采购执行率（绩效评分“政府采购执行率”指标的数据来源）">
        <Flex vertical gap={4} data-testid="procurement-rate">
          <Typography.Text strong style={{ fontSize: 20 }}>
            {t ? percentText(ratio(t.actualFen, t.plannedFen)) : '正在读取…'}
          </Typography.Text>
          <Typography.Text>政府采购执行率 = 实际政府采购金额 ÷ 政府采购预算 × 100%</Typography.Text>
          {t && <Typography.Text type="secondary">= {procurementRateFormula(t.plannedFen, t.actualFen)}（万元）</Typography.Text>}
          <Typography.Text type="secondary">{byItems ? `合计来自下方 ${items.data!.length} 个采购项目。` : '尚未填写采购明细时，按下方“合计”计算。'}</Typography.Text>
        </Flex>
      </Card>
      <Card
        size="small"
        title="采购明细"
        extra={
          <>
            {/* Outside the Space: a hidden item there still takes a gap before the first button. */}
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.xls,.csv,.txt,.ods"
              style={{ display: 'none' }}
              data-testid="procurement-file"
              onChange={(e) => pick(e.target.files?.[0])}
            />
            <Space>
              <Typography.Link onClick={() => void downloadTemplate()} data-testid="procurement-template">
                下载导入模板
              </Typography.Link>
              <Button disabled={readOnly} loading={importing} onClick={() => fileInput.current?.click()} data-testid="procurement-import">
                从表格导入
              </Button>
              <Button type="primary" disabled={readOnly} onClick={() => setEditing('new')} data-testid="procurement-add">
                新增采购项目
              </Button>
            </Space>
          </>
        }
      >
        {importError && (
          <Alert type="error" showIcon closable onClose={() => setImportError(null)} style={{ marginBottom: 12 }} title={importError} data-testid="procurement-import-error" />
        )}
        <Table<ProcurementItem>
          size="small"
          rowKey="id"
          loading={items.loading}
          dataSource={items.data ?? []}
          pagination={false}
          locale={{ emptyText: '还没有采购明细。可逐项填写，也可只在下方填写全年合计。' }}
          data-testid="procurement-items"
          columns={[
            { title: '采购项目名称', dataIndex: 'name' },
            { title: '类别', dataIndex: 'kind', width: 80, render: (k: ProcurementItem['kind']) => PROCUREMENT_KIND_LABELS[k] },
            { title: '政府采购预算（万元）', dataIndex: 'plannedFen', align: 'right', width: 170, render: (f: number) => formatWan(f) },
            { title: '实际采购金额（万元）', dataIndex: 'actualFen', align: 'right', width: 170, render: (f: number) => formatWan(f) },
            { title: '执行率', key: 'rate', align: 'right', width: 100, render: (_, r) => percentText(ratio(r.actualFen, r.plannedFen)) },
            { title: '备注', dataIndex: 'note', ellipsis: true },
            {
              title: '操作',
              key: 'actions',
              width: 110,
              render: (_, r) => (
                <Space>
                  <Typography.Link disabled={readOnly} onClick={() => setEditing(r)}>
                    编辑
                  </Typography.Link>
                  <Typography.Link type="danger" disabled={readOnly} onClick={() => remove(r)}>
                    删除
                  </Typography.Link>
                </Space>
              ),
            },
          ]}
          summary={() =>
            byItems && t ? (
              <Table.Summary.Row className="row-total">
                <Table.Summary.Cell index={0} colSpan={2}>
                  合计
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {formatWan(t.plannedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {formatWan(t.actualFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {percentText(ratio(t.actualFen, t.plannedFen))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} colSpan={2} />
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Card size="small" title="全年合计">
        <Form form={form} layout="inline" disabled={readOnly} data-testid="procurement-totals">
          <Form.Item name="planned" label="政府采购预算（万元）">
            <Input disabled={byItems} style={{ width: 140 }} data-testid="procurement-total-planned" />
          </Form.Item>
          <Form.Item name="actual" label="实际政府采购金额（万元）">
            <Input disabled={byItems} style={{ width: 140 }} data-testid="procurement-total-actual" />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input style={{ width: 280 }} maxLength={1000} />
          </Form.Item>
          <Form.Item>
            <Button onClick={saveTotals} data-testid="procurement-total-save">
              保存
            </Button>
          </Form.Item>
        </Form>
        {byItems && <Typography.Text type="secondary">已填写采购明细，合计由明细自动计算；如只按合计填报，请先删除全部明细。</Typography.Text>}
      </Card>
      <ProcurementItemModal
        item={editing}
        yearId={year.id}
        onClose={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
    </Space>
  );
}
