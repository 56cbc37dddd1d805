import { Alert, App as AntApp, Button, Card, Checkbox, Descriptions, Flex, Input, InputNumber, Popconfirm, Progress, Radio, Select, Space, Statistic, Steps, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { AMOUNT_SCALE_LABELS, AMOUNT_SCALES } from '../../../../shared/import/amount-scale.ts';
import { LAYOUT_KIND_LABELS } from '../../../../shared/import/classify-layout-row.ts';
import { type ColumnMapping, FIELD_LABELS, fieldsFor, IMPORT_TARGET_LABELS, type ImportField, type ImportTarget } from '../../../../shared/import/fields.ts';
import type { BadCell, CommitResult, ImportBatch, PreviewResult } from '../../../../shared/import/schemas.ts';
import { describeTotalMismatch } from '../../../../shared/import/total-check-text.ts';
import type { WizardPreviewInput } from '../../../../shared/import/wizard-schemas.ts';
import { formatYuan } from '../../../../shared/money/fen.ts';
import { api } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { applyError } from '../../components/apply-error.ts';
import { readAsBase64 } from '../../components/file-base64.ts';
import { useCurrentYear, useSession } from '../../state/session.tsx';


/** The statement under the figures when some imported rows were out of sight in the file. */
function HiddenRowsNote({ r }: { r: PreviewResult | CommitResult }) {
  const n = r.accounting.rowsHidden;
  if (n === 0) return null;
  const onHiddenSheet = r.sheets.some((s) => s.selected && s.hidden);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="hidden-rows-note"
      message={`其中 ${n} 行在原表中为隐藏行${onHiddenSheet ? '或位于隐藏工作表' : ''}，也会导入。请确认它们不是已作废、重复或已汇总的数据（预览中标为“隐藏行”）。`}
    />
  );
}

/** Every 本月合计 / 本年累计 row the imported rows do not add up to, with sheet and row. */
function TotalMismatches({ r }: { r: PreviewResult | CommitResult }) {
  return (
    <>
      {r.checks
        .filter((c) => !c.ok)
        .map((c) => (
          <Alert key={`${c.sheet}-${c.row}`} type="error" showIcon style={{ marginTop: 8 }} data-testid="total-mismatch" message={describeTotalMismatch(c)} />
        ))}
    </>
  );
}

function HiddenTag({ hidden }: { hidden: 'row' | 'sheet' | null }) {
  if (hidden === null) return null;
  return (
    <Tag color="orange" style={{ marginInlineStart: 4 }}>
      {hidden === 'row' ? '隐藏行' : '隐藏工作表'}
    </Tag>
  );
}

function Accounting({ r }: { r: PreviewResult | CommitResult }) {
  const a = r.accounting;
  return (
    <>
    <Flex gap={32} wrap data-testid="import-accounting">
      <Statistic title="读取行数" value={a.rowsRead} />
      <Statistic title="导入" value={a.rowsImported} />
      <Statistic title="疑似重复" value={a.rowsDuplicate} />
      <Statistic title="有错误未导入" value={a.rowsRejected} />
      <Statistic title="标题/合计/空行（跳过）" value={a.rowsSkippedLayout} />
      {r.ledgerTotals && (
        <>
          <Statistic title="支出合计（元）" value={formatYuan(r.ledgerTotals.outflowFen)} />
          <Statistic title="收入合计（元）" value={formatYuan(r.ledgerTotals.inflowFen)} />
          <Statistic title="日期范围" value={`${r.ledgerTotals.dateFrom ?? '—'} 至 ${r.ledgerTotals.dateTo ?? '—'}`} />
        </>
      )}
      {r.classification && (
        <>
          <Statistic title="按规则分类" value={r.classification.rowsClassifiedByRule} />
          <Statistic
            title="未分类支出"
            value={r.classification.rowsUnclassified}
            styles={{ content: r.classification.rowsUnclassified > 0 ? { color: '#d46b08' } : {} }}
          />
        </>
      )}
      {r.budgetTotals && (
        <>
          <Statistic title="年初预算（元）" value={formatYuan(r.budgetTotals.initialFen)} />
          <Statistic title="调整后预算（元）" value={formatYuan(r.budgetTotals.finalFen)} />
        </>
      )}
    </Flex>
    <HiddenRowsNote r={r} />
    </>
  );
}

function BatchList({ yearId, onUndone }: { yearId: number; onUndone(): void }) {
  const { message } = AntApp.useApp();
  const batches = useQuery('import.batches', { yearId });
  const undo = async (b: ImportBatch) => {
    try {
      const r = await api!.call('import.undo', { batchId: b.id });
      message.success(`已撤销导入批次 ${b.id}，删除 ${r.rowsRemoved} 行`);
      await batches.reload();
      onUndone();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  return (
    <Card size="small" title="导入记录">
      <Table<ImportBatch>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={batches.data ?? []}
        locale={{ emptyText: '本年度尚未导入文件' }}
        columns={[
          { title: '批次', dataIndex: 'id', width: 60 },
          { title: '文件', dataIndex: 'fileName', ellipsis: true },
          { title: '导入到', dataIndex: 'target', render: (t: ImportTarget) => IMPORT_TARGET_LABELS[t] },
          { title: '工作表', dataIndex: 'sheetName' },
          { title: '导入行数', dataIndex: 'rowsImported', align: 'right' },
          { title: '时间', dataIndex: 'createdAt', render: (v: string) => v.slice(0, 19).replace('T', ' ') },
          { title: '状态', dataIndex: 'status', render: (s: string) => (s === 'reverted' ? <Tag>已撤销</Tag> : <Tag color="green">有效</Tag>) },
          {
            title: '操作',
            render: (_, b) =>
              b.status === 'reverted' ? null : (
                <Popconfirm title={`撤销批次 ${b.id}？该批导入的全部数据将被删除。`} okText="撤销" cancelText="取消" onConfirm={() => undo(b)}>
                  <Typography.Link type="danger" data-testid={`undo-batch-${b.id}`}>
                    撤销本批
                  </Typography.Link>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * The import wizard: file → sheet, header and unit → column mapping → preview of the rows exactly as
 * they will be stored, with every bad cell listed → import in the background with progress → result.
 */
export function ImportPage() {
  const year = useCurrentYear();
  const { setup } = useSession();
  const { message } = AntApp.useApp();
  const [target, setTarget] = useState<ImportTarget>('ledger');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [upload, setUpload] = useState<{ fileId: string; name: string; size: number } | null>(null);
  const [options, setOptions] = useState<Partial<WizardPreviewInput>>({});
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [accepted, setAccepted] = useState<Array<{ sheet: string; row: number }>>([]);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<{ jobId: string; percent: number; rows: number } | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);
  const [profileName, setProfileName] = useState('');
  const [batchKey, setBatchKey] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  // Mapping changes can overlap: only the newest preview request may fill the page.
  const previewSeq = useRef(0);

  useEffect(() => {
    if (unitId === null && setup?.units[0]) setUnitId(setup.units.find((u) => u.isPrimary)?.id ?? setup.units[0].id);
  }, [setup?.units, unitId]);

  if (!year) return <Alert type="info" message="请先在“单位与年度”页创建或选择一个年度。" />;
  const locked = year.status === 'final';

  const runPreview = async (fileId: string, opts: Partial<WizardPreviewInput>) => {
    if (unitId === null) return;
    const seq = ++previewSeq.current;
    setBusy(true);
    try {
      const p = await api!.call('import.preview', { ...opts, fileId, yearId: year.id, unitId, target, previewRows: 50 });
      if (seq !== previewSeq.current) return;
      setPreview(p);
      setAccepted([]);
    } catch (err) {
      if (seq !== previewSeq.current) return;
      setPreview(null);
      applyError(err, message.error);
    } finally {
      if (seq === previewSeq.current) setBusy(false);
    }
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const u = await api!.call('import.upload', { fileName: file.name, base64: await readAsBase64(file) });
      setUpload(u);
      setOptions({});
      await runPreview(u.fileId, {});
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const change = (patch: Partial<WizardPreviewInput>) => {
    const next = { ...options, ...patch };
    setOptions(next);
    if (upload) void runPreview(upload.fileId, next);
  };

  const setColumnField = (column: number, field: ImportField | null) => {
    const mapping: ColumnMapping = { ...(preview?.mapping ?? {}) };
    for (const [f, c] of Object.entries(mapping)) if (c === column) delete mapping[f as ImportField];
    if (field) mapping[field] = column;
    change({ mapping });
  };

  const start = async () => {
    if (!upload || !preview || unitId === null) return;
    try {
      const s = await api!.call('import.start', {
        ...options,
        mapping: preview.mapping,
        amountScale: preview.amountScale,
        headerRow: preview.headerRow,
        headerRows: preview.headerRows,
        fileId: upload.fileId,
        yearId: year.id,
        unitId,
        target,
        acceptDuplicates: accepted,
        expectedSha256: preview.file.sha256,
      });
      setJob({ jobId: s.jobId, percent: s.percent, rows: s.rows });
      for (;;) {
        await new Promise((r) => setTimeout(r, 300));
        const st = await api!.call('import.progress', { jobId: s.jobId });
        setJob({ jobId: s.jobId, percent: st.percent, rows: st.rows });
        if (st.status === 'done') {
          setResult(st.result);
          setPreview(null);
          setUpload(null);
          setBatchKey((k) => k + 1);
          message.success(`导入完成：${st.result?.accounting.rowsImported ?? 0} 行`);
          break;
        }
        if (st.status !== 'running') {
          message.error(st.status === 'cancelled' ? '导入已取消，没有写入任何数据。' : `导入失败，没有写入任何数据：${st.error?.message ?? ''}`);
          break;
        }
      }
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setJob(null);
    }
  };

  const saveProfile = async () => {
    if (!preview) return;
    try {
      await api!.call('import.saveProfile', {
        name: profileName,
        target,
        headerSignature: preview.headerSignature,
        columnNames: preview.columns.map((c) => c.name),
        mapping: preview.mapping,
        options: { amountScale: preview.amountScale, headerRows: preview.headerRows },
      });
      message.success(`已保存映射方案“${profileName}”，下次导入同样表头的文件时自动使用`);
    } catch (err) {
      applyError(err, message.error);
    }
  };

  const step = result ? 4 : preview ? 2 : upload ? 1 : 0;
  const fields = fieldsFor(target);
  const mappedField = (col: number) => (Object.entries(preview?.mapping ?? {}).find(([, c]) => c === col)?.[0] as ImportField | undefined) ?? null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {year.year} 年度 · 导入银行流水、财务系统导出表或预算指标
      </Typography.Title>
      <Steps current={step} size="small" items={[{ title: '选择文件' }, { title: '表头与单位' }, { title: '列映射与预览' }, { title: '导入' }, { title: '完成' }]} />
      {locked && <Alert type="warning" message="该年度已定稿，不能导入。" />}
      <Card size="small" title="1. 选择文件">
        <Flex gap={16} align="center" wrap>
          <Radio.Group
            value={target}
            onChange={(e) => {
              setTarget(e.target.value);
              setPreview(null);
              setUpload(null);
            }}
            options={(['ledger', 'budget'] as const).map((t) => ({ value: t, label: IMPORT_TARGET_LABELS[t] }))}
          />
          <Select style={{ width: 300 }} value={unitId ?? undefined} onChange={setUnitId} options={(setup?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} placeholder="导入到哪个单位" />
          <input ref={fileInput} type="file" accept=".xlsx,.xls,.csv,.txt" style={{ display: 'none' }} onChange={(e) => void pick(e.target.files?.[0])} data-testid="import-file" />
          <Button type="primary" disabled={locked || busy || unitId === null} loading={busy && !preview} onClick={() => fileInput.current?.click()}>
            选择文件（.xlsx / .xls / .csv）
          </Button>
          {upload && (
            <Typography.Text>
              {upload.name}（{(upload.size / 1024).toFixed(0)} KB）
            </Typography.Text>
          )}
        </Flex>
      </Card>

      {preview && (
        <Card size="small" title="2. 工作表、表头与金额单位（已自动识别，可修改）">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="文件格式">{preview.file.formatLabel}</Descriptions.Item>
            {preview.file.encoding && (
              <Descriptions.Item label="文字编码">
                <Select
                  size="small"
                  style={{ width: 140 }}
                  value={options.encoding ?? preview.file.encoding}
                  onChange={(v) => change({ encoding: v as WizardPreviewInput['encoding'] })}
                  options={['utf-8', 'gb18030'].map((e) => ({ value: e, label: e.toUpperCase() }))}
                />
              </Descriptions.Item>
            )}
            <Descriptions.Item label="工作表">
              <Select
                size="small"
                style={{ width: 260 }}
                placeholder="请选择工作表"
                value={preview.sheets.find((s) => s.selected)?.name}
                onChange={(v) => change({ sheet: v })}
                data-testid="sheet-select"
                options={preview.sheets.map((s) => ({
                  value: s.name,
                  label: (
                    <span>
                      {s.name}
                      {s.hidden && <HiddenTag hidden="sheet" />}
                      {s.note ? `（${s.note}）` : ''}
                    </span>
                  ),
                }))}
              />
              <Checkbox style={{ marginLeft: 8 }} checked={options.allSheets ?? false} onChange={(e) => change({ allSheets: e.target.checked })}>
                同样格式的工作表全部导入
              </Checkbox>
            </Descriptions.Item>
            <Descriptions.Item label="表头所在行">
              <InputNumber size="small" min={1} value={preview.headerRow} onChange={(v) => v && change({ headerRow: v })} data-testid="header-row" />
              <Radio.Group size="small" style={{ marginLeft: 8 }} value={preview.headerRows} onChange={(e) => change({ headerRows: e.target.value })} options={[{ value: 1, label: '单行表头' }, { value: 2, label: '两行表头' }]} />
            </Descriptions.Item>
            <Descriptions.Item label="金额单位">
              <Select size="small" style={{ width: 100 }} value={preview.amountScale} onChange={(v) => change({ amountScale: v })} options={AMOUNT_SCALES.map((s) => ({ value: s, label: AMOUNT_SCALE_LABELS[s] }))} data-testid="amount-scale" />
              {preview.amountScaleEvidence && <Typography.Text type="secondary" style={{ marginLeft: 8 }}>依据：“{preview.amountScaleEvidence}”</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label="映射来源">
              {preview.mappingSource === 'profile' ? `已保存的方案“${preview.profile?.name}”` : preview.mappingSource === 'auto' ? '按表头名称自动识别' : '手工指定'}
            </Descriptions.Item>
          </Descriptions>
          {preview.yearSource && (
            <Typography.Paragraph style={{ margin: '4px 0 0' }} data-testid="year-source">
              {preview.yearSource.text}
            </Typography.Paragraph>
          )}
          {preview.bookSide && (
            <Flex gap={8} align="center" wrap style={{ marginTop: 4 }} data-testid="book-side">
              <Typography.Text>{preview.bookSide.text}</Typography.Text>
              <Select
                size="small"
                style={{ width: 280 }}
                value={preview.bookSide.debitMeans}
                onChange={(v) => change({ debitMeans: v, mapping: undefined })}
                options={[
                  { value: 'out', label: '借方 = 支出（支出账、对账单）' },
                  { value: 'in', label: '借方 = 收入（现金、银行存款日记账）' },
                ]}
                data-testid="debit-means"
              />
            </Flex>
          )}
          {preview.alreadyImported && (
            <Alert type="error" message={`这个文件已于 ${preview.alreadyImported.createdAt.slice(0, 10)} 导入过（批次 ${preview.alreadyImported.batchId}），不能重复导入。`} />
          )}
          {preview.mappingProblems.map((p) => (
            <Alert key={p} type="error" message={p} style={{ marginTop: 8 }} />
          ))}
          {preview.warnings.map((w) => (
            <Alert key={w} type="warning" message={w} style={{ marginTop: 8 }} />
          ))}
        </Card>
      )}

      {preview && (
        <Card size="small" title="3. 列映射（每列的含义，可修改）">
          <Table
            size="small"
            pagination={false}
            rowKey="index"
            dataSource={preview.columns}
            data-testid="column-mapping"
            columns={[
              { title: '列', dataIndex: 'letter', width: 50 },
              { title: '表头', dataIndex: 'name' },
              {
                title: '对应为',
                width: 240,
                render: (_, c) => (
                  <Select
                    size="small"
                    style={{ width: 220 }}
                    value={mappedField(c.index) ?? '__none'}
                    onChange={(v) => setColumnField(c.index, v === '__none' ? null : (v as ImportField))}
                    options={[{ value: '__none', label: '（不导入）' }, ...fields.map((f) => ({ value: f, label: FIELD_LABELS[f] }))]}
                    data-testid={`map-${c.letter}`}
                  />
                ),
              },
            ]}
          />
          <Flex gap={8} style={{ marginTop: 8 }}>
            <Input style={{ width: 260 }} placeholder="映射方案名称，如“建设银行对公流水”" value={profileName} onChange={(e) => setProfileName(e.target.value)} />
            <Button disabled={!profileName.trim()} onClick={saveProfile}>
              保存为映射方案
            </Button>
          </Flex>
        </Card>
      )}

      {preview && (
        <Card size="small" title="4. 预览（以下为将要保存的数据）">
          <Accounting r={preview} />
          {preview.nothingToImport && accepted.length === 0 && (
            <Alert type="error" showIcon style={{ marginTop: 8 }} data-testid="nothing-to-import" message="这个文件中没有可以导入的行，导入会失败" description={preview.nothingToImport} />
          )}
          <TotalMismatches r={preview} />
          {preview.badCellCount > 0 && (
            <Card size="small" type="inner" title={`无法识别的单元格（共 ${preview.badCellCount} 个，所在行不会导入）`} style={{ marginTop: 12 }}>
              <Table<BadCell>
                size="small"
                rowKey={(b) => `${b.sheet}-${b.row}-${b.column}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={preview.badCells}
                data-testid="bad-cells"
                columns={[
                  { title: '工作表', dataIndex: 'sheet' },
                  { title: '行', dataIndex: 'row', width: 60 },
                  { title: '列', render: (_, b) => `${b.column} ${b.header}` },
                  { title: '内容', dataIndex: 'value', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
                  { title: '原因', dataIndex: 'reason' },
                ]}
              />
            </Card>
          )}
          {preview.duplicates.length > 0 && (
            <Card size="small" type="inner" title="疑似重复（已在以前导入的数据中出现，默认不导入；勾选的仍会导入）" style={{ marginTop: 12 }}>
              <Table
                size="small"
                rowKey={(d) => `${d.sheet}-${d.row}`}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={preview.duplicates}
                rowSelection={{
                  selectedRowKeys: accepted.map((a) => `${a.sheet}-${a.row}`),
                  onChange: (_keys, rows) => setAccepted(rows.map((r) => ({ sheet: r.sheet, row: r.row }))),
                }}
                columns={[
                  { title: '行', dataIndex: 'row', width: 60 },
                  { title: '日期', dataIndex: 'date' },
                  { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
                  { title: '摘要', dataIndex: 'summary', ellipsis: true },
                  { title: '对方', dataIndex: 'counterparty', ellipsis: true },
                  { title: '已有记录', dataIndex: 'existingBatchId', render: (b: number | null) => (b ? `批次 ${b}` : '手工录入') },
                ]}
              />
            </Card>
          )}
          {preview.skippedRows.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              跳过的标题、合计和空行：{preview.skippedRows.slice(0, 12).map((s) => `第 ${s.row} 行（${s.label || LAYOUT_KIND_LABELS[s.kind]}）`).join('、')}
              {preview.skippedRows.length > 12 ? ` 等 ${preview.skippedRows.length} 行` : ''}
            </Typography.Paragraph>
          )}
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey={(r) => `${r.sheet}-${r.row}`}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={preview.rows}
            data-testid="preview-rows"
            columns={
              target === 'ledger'
                ? [
                    { title: '行', dataIndex: 'row', width: 120, render: (v: number, r) => <>{v}<HiddenTag hidden={r.hidden} /></> },
                    { title: '日期', dataIndex: 'date' },
                    { title: '摘要', dataIndex: 'summary', ellipsis: true },
                    { title: '对方户名', dataIndex: 'counterparty', ellipsis: true },
                    { title: '经济分类', dataIndex: 'econCode', width: 90 },
                    { title: '项目', dataIndex: 'projectName', ellipsis: true },
                    {
                      title: '分类规则',
                      key: 'rule',
                      width: 260,
                      render: (_: unknown, r) =>
                        r.kind !== 'ledger' || r.direction === 'in' ? (
                          ''
                        ) : r.rule ? (
                          <Typography.Text style={{ fontSize: 12 }} data-testid="preview-rule">
                            {r.rule}
                          </Typography.Text>
                        ) : r.category === 'unclassified' ? (
                          <Tag color="orange" data-testid="preview-unclassified">
                            未分类
                          </Tag>
                        ) : (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            按文件中的分类
                          </Typography.Text>
                        ),
                    },
                    { title: '方向', dataIndex: 'direction', width: 60, render: (d: string) => (d === 'out' ? '支出' : '收入') },
                    { title: '金额（元）', dataIndex: 'amountFen', align: 'right' as const, render: (v: number) => formatYuan(v) },
                  ]
                : [
                    { title: '行', dataIndex: 'row', width: 120, render: (v: number, r) => <>{v}<HiddenTag hidden={r.hidden} /></> },
                    { title: '功能分类', dataIndex: 'funcCode' },
                    { title: '经济分类', dataIndex: 'econCode' },
                    { title: '项目', dataIndex: 'projectName', ellipsis: true },
                    { title: '年初预算（元）', dataIndex: 'initialFen', align: 'right' as const, render: (v: number) => formatYuan(v) },
                    { title: '调整数（元）', dataIndex: 'adjustmentFen', align: 'right' as const, render: (v: number) => formatYuan(v) },
                  ]
            }
          />
          <Flex gap={12} align="center" style={{ marginTop: 12 }}>
            <Button
              type="primary"
              disabled={locked || busy || job !== null || preview.accounting.rowsImported + accepted.length === 0 || preview.alreadyImported !== null}
              onClick={start}
              data-testid="import-commit"
            >
              导入 {preview.accounting.rowsImported + accepted.length} 行
            </Button>
            {job && (
              <>
                <Progress percent={Math.floor(job.percent)} style={{ width: 300 }} />
                <Typography.Text>已处理 {job.rows} 行</Typography.Text>
                <Button onClick={() => void api!.call('import.cancel', { jobId: job.jobId })}>取消</Button>
              </>
            )}
          </Flex>
        </Card>
      )}

      {result && (
        <Card size="small" title={`导入完成（批次 ${result.batchId}）`} data-testid="import-result">
          <Accounting r={result} />
          {result.yearSource && <Typography.Paragraph style={{ marginTop: 8 }}>{result.yearSource.text}</Typography.Paragraph>}
          <TotalMismatches r={result} />
          {result.projectsCreated.length > 0 && <Typography.Paragraph>新建项目：{result.projectsCreated.join('、')}</Typography.Paragraph>}
          <Typography.Paragraph type="secondary">如发现导入有误，可在下方“导入记录”中撤销整批。</Typography.Paragraph>
        </Card>
      )}
      <BatchList key={batchKey} yearId={year.id} onUndone={() => setResult(null)} />
    </Space>
  );
}
