import { Alert, App as AntApp, Button, Card, Drawer, Flex, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BudgetLine } from '../../../../shared/domain/budget-line.ts';
import { FUNDING_SOURCE_LABELS } from '../../../../shared/domain/enums.ts';
import type { AmountUnit } from '../../../../shared/money/fen.ts';
import { api } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { AmountUnitSwitch, useAmountUnit } from '../../components/amount-unit.tsx';
import { applyError } from '../../components/apply-error.ts';
import { HistoryList } from '../../components/HistoryList.tsx';
import { useDirtyFlag } from '../../state/dirty-guard.tsx';
import type { FiscalYear } from '../../../../shared/domain/organization.ts';
import { useCurrentYear, useSession } from '../../state/session.tsx';
import { useJump } from '../execution/use-jump.ts';
import { BudgetGrid, type GridHandle } from './BudgetGrid.tsx';
import { CategoryTotalsCard } from './CategoryTotalsCard.tsx';
import { CopyLastYearModal } from './CopyLastYearModal.tsx';
import { ColumnChooser, useShownColumns } from './ColumnChooser.tsx';
import { type CellTexts, COLUMN_TITLES, type ColumnKey, columnLayout, EDIT_COLUMNS, EMPTY_CELLS } from './grid-columns.ts';
import { type GridRow, hasErrors, isDirty, newRow } from './grid-rows.ts';
import { lineToCells } from './line-cells.ts';
import { filtersLines, lineMatches } from './line-filter.ts';
import { checkRow } from './normalize-line-cells.ts';
import { useLineSaver } from './use-line-saver.ts';
import { isBlock, pastedRows } from './paste-block.ts';
import { useGridRows } from './use-grid-rows.ts';

const PASTE_ORDER = EDIT_COLUMNS.map((c) => COLUMN_TITLES[c]).join('、');

let newKeySeq = 0;
const nextNewKey = () => `new:${++newKeySeq}`;

/** 预算: category totals and the year's budget lines as an in-place editable grid. */
export function BudgetPage() {
  const year = useCurrentYear();
  if (!year) return <Alert type="info" title="请先在“单位与年度”页创建或选择一个年度。" />;
  // Rows being typed belong to one year: another year starts with its own grid.
  return <YearBudget key={year.id} year={year} />;
}

function YearBudget({ year }: { year: FiscalYear }) {
  const { setup } = useSession();
  const { message, modal } = AntApp.useApp();
  const [amountUnit, setAmountUnit] = useAmountUnit();
  const jump = useJump('budget');
  const [jumpFilter, setJumpFilter] = useState(jump && filtersLines(jump.filter) ? jump.filter : null);
  const [rows, dispatch, rowsRef] = useGridRows();
  const [historyOf, setHistoryOf] = useState<GridRow | null>(null);
  const [copyOpen, setCopyOpen] = useState(false);
  const [linesById, setLinesById] = useState<ReadonlyMap<number, BudgetLine>>(new Map());
  const [loadError, setLoadError] = useState<string | null>(null);
  const grid = useRef<GridHandle>(null);
  const [shownColumns, setShownColumns] = useShownColumns();
  const errorColumns = useMemo(() => new Set(rows.flatMap((r) => Object.keys(r.errors) as ColumnKey[])), [rows]);
  const errorKey = [...errorColumns].sort().join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new layout only when the set of error columns changes, not on every row edit
  const layout = useMemo(() => columnLayout(shownColumns, errorColumns), [shownColumns, errorKey]);
  const yearId = year.id;
  const units = useMemo(() => setup?.units ?? [], [setup?.units]);
  const totals = useQuery('budget.categoryTotals', { yearId });
  const execLines = useQuery('execution.lines', { yearId });
  const execution = useMemo(() => new Map((execLines.data ?? []).map((l) => [l.budgetLineId, l])), [execLines.data]);
  const unitRef = useRef<AmountUnit>(amountUnit);
  const unitsRef = useRef(units);
  unitsRef.current = units;
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const focusAfterLoad = useRef(jump !== null);
  const readOnly = year.status === 'final';

  useDirtyFlag('budget-grid', rows.some((r) => r.saving || (hasErrors(r) && isDirty(r))));

  const { reload: reloadTotals } = totals;
  const { reload: reloadExec } = execLines;
  const scheduleReload = useCallback(() => {
    if (reloadTimer.current) clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(() => {
      void reloadTotals();
      void reloadExec();
    }, 250);
  }, [reloadTotals, reloadExec]);
  useEffect(() => () => {
    if (reloadTimer.current) clearTimeout(reloadTimer.current);
  }, []);

  const loadLines = useCallback(async () => {
    if (!api) return;
    try {
      const lines = await api.call('budget.lines', { yearId });
      setLinesById(new Map(lines.map((l) => [l.id, l])));
      dispatch({
        type: 'load',
        rows: lines.map((l) => {
          const cells = lineToCells(l, unitsRef.current, unitRef.current);
          return newRow(`line:${l.id}`, cells, cells, l.id);
        }),
      });
      setLoadError(null);
    } catch (err) {
      setLoadError(err instanceof Error ? err.message : String(err));
    }
  }, [yearId, dispatch]);

  useEffect(() => {
    void loadLines();
  }, [loadLines]);

  // The 元/万元 choice arrives from settings after the first render; amounts already shown follow it.
  useEffect(() => {
    if (unitRef.current === amountUnit) return;
    dispatch({ type: 'unit', from: unitRef.current, to: amountUnit });
    unitRef.current = amountUnit;
  }, [amountUnit, dispatch]);

  // A jump from 审核 or 预算执行: put the cursor on the first line it names.
  useEffect(() => {
    if (!focusAfterLoad.current || !jumpFilter || linesById.size === 0) return;
    focusAfterLoad.current = false;
    const first = rowsRef.current.find((r) => r.id !== null && linesById.has(r.id) && lineMatches(linesById.get(r.id)!, jumpFilter));
    if (first) requestAnimationFrame(() => grid.current?.focusCell(first.key, 'initial'));
  }, [linesById, jumpFilter, rowsRef]);

  const { saveRow, idOf } = useLineSaver({
    yearId,
    rowsRef,
    dispatch,
    context: () => ({ units: unitsRef.current, amountUnit: unitRef.current }),
    onSaved: (line) => {
      setLinesById((m) => new Map(m).set(line.id, line));
      scheduleReload();
    },
  });

  const onEdit = useCallback((key: string, column: ColumnKey, text: string) => dispatch({ type: 'edit', key, column, text }), [dispatch]);

  const addRow = () => {
    const primary = units.find((u) => u.isPrimary) ?? units[0];
    const template: CellTexts = { ...EMPTY_CELLS, unit: primary?.name ?? '', fundingSource: FUNDING_SOURCE_LABELS.general_budget };
    const key = nextNewKey();
    dispatch({ type: 'append', rows: [newRow(key, template, template)] });
    requestAnimationFrame(() => grid.current?.focusCell(key, EDIT_COLUMNS[0]));
  };

  const onPasteBlock = useCallback(
    async (text: string) => {
      const { rows: pasted, header, ignoredColumns } = pastedRows(text);
      if (pasted.length === 0) return;
      const ctx = { units: unitsRef.current, amountUnit: unitRef.current };
      const made = pasted.map((cells) => {
        const check = checkRow(cells, ctx);
        const row = newRow(nextNewKey(), check.cells, EMPTY_CELLS);
        return { ...row, errors: check.errors };
      });
      dispatch({ type: 'append', rows: made });
      const bad = made.filter((r) => Object.keys(r.errors).length > 0);
      const firstBad = bad[0];
      requestAnimationFrame(() => {
        if (firstBad) grid.current?.focusCell(firstBad.key, EDIT_COLUMNS.find((c) => firstBad.errors[c]) ?? 'unit');
      });
      await Promise.all(made.filter((r) => !bad.includes(r)).map((r) => saveRow(r.key)));
      const failed = rowsRef.current.filter((r) => made.some((m) => m.key === r.key) && hasErrors(r)).length;
      const note = `${header ? '（首行作为列标题）' : ''}${ignoredColumns > 0 ? `，${ignoredColumns} 列无法对应到表格列，已忽略` : ''}`;
      if (failed === 0) message.success(`已粘贴 ${made.length} 行并保存${note}。`);
      else message.warning(`已粘贴 ${made.length} 行，其中 ${failed} 行有错误（标红的单元格，鼠标移上可看原因），改正后离开该行即自动保存${note}。`);
    },
    [dispatch, saveRow, rowsRef, message],
  );

  // The page's one paste handler, so a paste is inserted once whatever has focus (Chromium aims a
  // paste with nothing focused at the element last clicked, which may sit inside the grid).
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('.ant-modal, .ant-drawer, .ant-select')) return;
      const inGrid = target?.closest('.budget-grid') != null;
      const field = target?.closest('input, textarea, [contenteditable="true"]') != null;
      if (field && !inGrid) return;
      if (!isBlock(text)) {
        // One value: the focused cell takes it; with no cell focused there is nowhere to put it.
        if (field) return;
        e.preventDefault();
        message.info('要粘贴一个数值，请先点击要填写的单元格；要新增多行，请在 Excel 中复制多行多列的区域后粘贴。');
        return;
      }
      e.preventDefault();
      if (readOnly) {
        message.warning('本年度已定稿，数据只读，不能粘贴新增预算指标。');
        return;
      }
      void onPasteBlock(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onPasteBlock, readOnly, message]);

  const onDelete = useCallback(
    (row: GridRow, index: number) => {
      const describe = [row.cells.projectName, row.cells.econCode, row.cells.econName].filter(Boolean).join(' ');
      modal.confirm({
        title: `删除第 ${index + 1} 行${describe ? `（${describe}）` : ''}？`,
        content: idOf(row) === null ? '该行尚未保存，删除后不可恢复。' : '删除后可在“修改记录”中撤销。',
        okText: '删除',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: async () => {
          const id = idOf(row);
          try {
            if (id !== null) await api!.call('budget.deleteLine', { id });
            dispatch({ type: 'remove', key: row.key });
            message.success('已删除');
            scheduleReload();
          } catch (err) {
            applyError(err, message.error);
          }
        },
      });
    },
    [dispatch, message, modal, scheduleReload, idOf],
  );

  const isHighlighted = useCallback(
    (r: GridRow) => jumpFilter !== null && r.id !== null && linesById.has(r.id) && lineMatches(linesById.get(r.id)!, jumpFilter),
    [jumpFilter, linesById],
  );

  const previous = [...(setup?.years ?? [])].filter((y) => y.year < year.year).sort((a, b) => b.year - a.year)[0] ?? null;
  const highlighted = jumpFilter ? rows.filter(isHighlighted).length : 0;
  const unsaved = rows.filter((r) => hasErrors(r)).length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {year.year} 年度预算
        </Typography.Title>
        <AmountUnitSwitch value={amountUnit} onChange={setAmountUnit} />
      </Flex>
      {(totals.error || loadError) && <Alert type="error" title={totals.error ?? loadError} />}
      <CategoryTotalsCard totals={totals.data} />
      <Card
        title="预算指标明细"
        size="small"
        extra={
          <Space>
            <Button type="primary" onClick={addRow} disabled={readOnly || units.length === 0} data-testid="line-add">
              新增行
            </Button>
            <ColumnChooser shown={shownColumns} onChange={setShownColumns} />
            <Button onClick={() => setCopyOpen(true)} disabled={readOnly || previous === null} data-testid="copy-last-year">
              {previous ? `从 ${previous.year} 年度复制` : '从上年复制'}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            单元格可直接修改：Tab / Shift+Tab 左右移动，Enter 下移，方向键在单元格间移动，Esc 撤销本格修改；离开一行时自动保存。可从 Excel
            复制多行多列后在表格中粘贴（带标题行时按标题对应；不带时按 {PASTE_ORDER} 的顺序），每行成为一条新指标。年初预算、调整数按{amountUnit === 'wan' ? '万元' : '元'}填写，调整后预算和支出数以万元显示。
          </Typography.Text>
          {jumpFilter && (
            <Alert
              type="info"
              showIcon
              title={`已用黄色标出 ${highlighted} 条与定位条件相符的预算指标。`}
              action={
                <Typography.Link onClick={() => setJumpFilter(null)} data-testid="jump-clear">
                  取消标出
                </Typography.Link>
              }
            />
          )}
          {unsaved > 0 && <Alert type="warning" showIcon title={`有 ${unsaved} 行因内容有误尚未保存（行首红色标记）。改正标红的单元格后离开该行即自动保存。`} />}
          <BudgetGrid
            ref={grid}
            rows={rows}
            units={units}
            readOnly={readOnly}
            amountUnit={amountUnit}
            execution={execution}
            layout={layout}
            isHighlighted={isHighlighted}
            onEdit={onEdit}
            onRowLeave={(key) => void saveRow(key)}
            onDelete={onDelete}
            onHistory={setHistoryOf}
          />
        </Space>
      </Card>
      <Drawer open={historyOf !== null} onClose={() => setHistoryOf(null)} title="预算指标修改记录" size={520} destroyOnHidden>
        {historyOf?.id != null && (
          <HistoryList
            yearId={yearId}
            entity="budget_line"
            entityId={String(historyOf.id)}
            onUndone={() => {
              void loadLines();
              scheduleReload();
            }}
          />
        )}
      </Drawer>
      <CopyLastYearModal
        open={copyOpen}
        from={previous}
        toYearId={yearId}
        onClose={(copied) => {
          setCopyOpen(false);
          if (copied) {
            void loadLines();
            scheduleReload();
          }
        }}
      />
    </Space>
  );
}
