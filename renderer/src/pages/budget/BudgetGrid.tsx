import { Dropdown } from 'antd';
import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { BudgetLineExecutionRow } from '../../../../shared/budget/schemas.ts';
import { BUDGET_FUNDING_SOURCES, CATEGORIES, CATEGORY_LABELS, FUNDING_SOURCE_LABELS } from '../../../../shared/domain/enums.ts';
import type { Unit } from '../../../../shared/domain/organization.ts';
import { type AmountUnit, formatWan } from '../../../../shared/money/fen.ts';
import { percentText } from '../execution/figures.ts';
import './budget-grid.css';
import {
  ACTIONS_WIDTH,
  AMOUNT_COLUMNS,
  COLUMN_TITLES,
  COLUMN_WIDTHS,
  COMPUTED_TITLES,
  COMPUTED_WIDTHS,
  type ColumnKey,
  HEADER_TITLES,
  type ColumnLayout,
  frozenLeft,
  layoutWidth,
  ROW_HEAD_WIDTH,
} from './grid-columns.ts';
import type { GridRow } from './grid-rows.ts';
import { GridRowView, type RowHandlers } from './GridRowView.tsx';
import { type Anchor, anchorOf, anchorStyle, GridTip, type GridTipHandle } from './GridTip.tsx';

interface Props {
  rows: GridRow[];
  units: readonly Unit[];
  readOnly: boolean;
  amountUnit: AmountUnit;
  execution: ReadonlyMap<number, BudgetLineExecutionRow>;
  /** Which columns show (列设置, plus any holding an error); Tab and the arrows move over these. */
  layout: ColumnLayout;
  isHighlighted(row: GridRow): boolean;
  onEdit(key: string, column: ColumnKey, text: string): void;
  /** Focus left this row (to another row or out of the grid), or Enter/Tab went past the last row: time to save it. */
  onRowLeave(key: string): void;
  onDelete(row: GridRow, index: number): void;
  onHistory(row: GridRow): void;
}

export interface GridHandle {
  focusCell(key: string, column: ColumnKey): void;
}

type Move = 'left' | 'right' | 'up' | 'down' | 'next' | 'prev';

// Rows are windowed: only those near the view are in the DOM. A few hundred rows of 12 inputs
// each made every keystroke and cursor move spend ~100 ms in Chromium's layer and paint work.
const ROW_HEIGHT = 32;
const OVERSCAN = 12;

const cellId = (key: string, column: ColumnKey) => `${key}|${column}`;

/**
 * The budget lines as a spreadsheet: every cell edits in place; Tab/Shift+Tab move across (wrapping
 * to the next row), Enter/Shift+Enter down and up, arrow keys between cells (left/right once the
 * caret is at the edge of the text), Esc restores the cell. A row is handed to `onRowLeave` when
 * focus leaves it. Pasted blocks are handled by the page (BudgetPage), once per paste.
 */
export function BudgetGrid(props: Props & { ref?: Ref<GridHandle> }) {
  const { rows, units, readOnly, amountUnit, execution, layout, isHighlighted, onRowLeave, ref } = props;
  const cells = useRef(new Map<string, HTMLInputElement>());
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const currentRow = useRef<string | null>(null);
  const focusValue = useRef<string>('');
  const latest = useRef(props);
  latest.current = props;
  const container = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const pendingFocus = useRef<{ key: string; column: ColumnKey } | null>(null);
  // One tooltip and one picker for the whole grid, placed over the cell they belong to.
  const tip = useRef<GridTipHandle>(null);
  const setTipEl = (el: HTMLElement | null) => tip.current?.show(el);
  const [picker, setPicker] = useState<(Anchor & { key: string; column: ColumnKey }) | null>(null);
  const [gridEl, setGridEl] = useState<HTMLDivElement | null>(null);
  const setContainer = useCallback((el: HTMLDivElement | null) => {
    container.current = el;
    setGridEl(el);
  }, []);
  useLayoutEffect(() => {
    if (!gridEl) return;
    const measure = () => setViewport(gridEl.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(gridEl);
    return () => observer.disconnect();
  }, [gridEl]);

  // A cell whose row is outside the window is scrolled to first and focused once it is drawn.
  const focusCell = useCallback((key: string, column: ColumnKey) => {
    const el = cells.current.get(cellId(key, column));
    if (el) {
      pendingFocus.current = null;
      el.focus();
      el.select();
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return;
    }
    const index = rowsRef.current.findIndex((r) => r.key === key);
    const grid = container.current;
    if (index < 0 || !grid) return;
    pendingFocus.current = { key, column };
    grid.scrollTop = Math.max(0, index * ROW_HEIGHT - grid.clientHeight / 2);
    setScrollTop(grid.scrollTop);
  }, []);
  useLayoutEffect(() => {
    const p = pendingFocus.current;
    if (p && cells.current.has(cellId(p.key, p.column))) focusCell(p.key, p.column);
  });
  useImperativeHandle(ref, () => ({ focusCell }), [focusCell]);

  const move = useCallback(
    (key: string, column: ColumnKey, dir: Move) => {
      const list = rowsRef.current;
      const r = list.findIndex((x) => x.key === key);
      const columns = latest.current.layout.edit;
      const c = columns.indexOf(column);
      if (r < 0 || c < 0) return;
      let nr = r;
      let nc = c;
      if (dir === 'up') nr = r - 1;
      else if (dir === 'down') nr = r + 1;
      else if (dir === 'left') nc = c - 1;
      else if (dir === 'right') nc = c + 1;
      else if (dir === 'next') {
        nc = c + 1;
        if (nc >= columns.length) {
          nc = 0;
          nr = r + 1;
        }
      } else if (dir === 'prev') {
        nc = c - 1;
        if (nc < 0) {
          nc = columns.length - 1;
          nr = r - 1;
        }
      }
      const target = list[nr];
      const col = columns[nc];
      if (!target || !col) {
        // Enter or Tab past the last row commits it, as leaving it would.
        if (nr >= list.length) latest.current.onRowLeave(key);
        return;
      }
      focusCell(target.key, col);
    },
    [focusCell],
  );

  const handlers: RowHandlers = useMemo(
    () => ({
      edit: (key, column, text) => latest.current.onEdit(key, column, text),
      register: (key, column, el) => {
        if (el) cells.current.set(cellId(key, column), el);
        else cells.current.delete(cellId(key, column));
      },
      remove: (row, index) => latest.current.onDelete(row, index),
      openPicker: (key, column, el) => {
        if (container.current) setPicker({ ...anchorOf(el, container.current), key, column });
      },
      history: (row) => latest.current.onHistory(row),
      keyDown: (e: KeyboardEvent<HTMLInputElement>, key: string, column: ColumnKey) => {
        const el = e.currentTarget;
        const atStart = el.selectionStart === 0 && el.selectionEnd === 0;
        const atEnd = el.selectionStart === el.value.length && el.selectionEnd === el.value.length;
        const allSelected = el.selectionStart === 0 && el.selectionEnd === el.value.length;
        let dir: Move | null = null;
        if (e.key === 'Tab') dir = e.shiftKey ? 'prev' : 'next';
        else if (e.key === 'Enter') dir = e.shiftKey ? 'up' : 'down';
        else if (e.key === 'ArrowUp') dir = 'up';
        else if (e.key === 'ArrowDown') dir = 'down';
        else if (e.key === 'ArrowLeft' && (atStart || allSelected)) dir = 'left';
        else if (e.key === 'ArrowRight' && (atEnd || allSelected)) dir = 'right';
        else if (e.key === 'Escape') {
          e.preventDefault();
          latest.current.onEdit(key, column, focusValue.current);
          requestAnimationFrame(() => el.select());
          return;
        }
        if (dir === null || e.altKey || e.ctrlKey || e.metaKey) return;
        e.preventDefault();
        move(key, column, dir);
      },
    }),
    [move],
  );

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    setTipEl(target.dataset.rowKey ? target : null);
    const key = target.dataset.rowKey;
    if (!key) return;
    focusValue.current = (target as HTMLInputElement).value;
    const prev = currentRow.current;
    currentRow.current = key;
    if (prev !== null && prev !== key) onRowLeave(prev);
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    const next = e.relatedTarget as Node | null;
    if (next && e.currentTarget.contains(next)) return;
    const prev = currentRow.current;
    currentRow.current = null;
    setTipEl(null);
    if (prev !== null) onRowLeave(prev);
  };
  // Hovering a marked cell shows its message; leaving it goes back to the focused cell's.
  const focusedCell = () => {
    const focused = document.activeElement as HTMLElement | null;
    return focused && container.current?.contains(focused) && focused.dataset.rowKey ? focused : null;
  };
  const onMouseOver = (e: MouseEvent<HTMLDivElement>) => setTipEl((e.target as HTMLElement).closest<HTMLElement>('[data-tip]') ?? focusedCell());
  const onMouseLeave = () => setTipEl(focusedCell());
  const choices = useMemo<Partial<Record<ColumnKey, string[]>>>(
    () => ({
      unit: units.map((u) => u.name),
      fundingSource: BUDGET_FUNDING_SOURCES.map((f) => FUNDING_SOURCE_LABELS[f]),
      category: CATEGORIES.map((c) => CATEGORY_LABELS[c]),
    }),
    [units],
  );
  const execTexts = useMemo(
    () => new Map([...execution].map(([id, l]) => [id, { actual: formatWan(l.actualFen), rate: percentText(l.executionRate) }])),
    [execution],
  );
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length - 1, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const unitLabel = amountUnit === 'wan' ? '万元' : '元';

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus and paste events bubble up from the cell inputs
    <div
      ref={setContainer}
      className="budget-grid"
      data-testid="budget-grid"
      onFocus={onFocus}
      onBlur={onBlur}
      onMouseOver={onMouseOver}
      onMouseLeave={onMouseLeave}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <table style={{ width: layoutWidth(layout) }}>
        <colgroup>
          <col style={{ width: ROW_HEAD_WIDTH }} />
          {layout.edit.map((c) => (
            <col key={c} style={{ width: COLUMN_WIDTHS[c] }} />
          ))}
          {layout.computed.map((c) => (
            <col key={c} style={{ width: COMPUTED_WIDTHS[c] }} />
          ))}
          <col style={{ width: ACTIONS_WIDTH }} />
        </colgroup>
        <thead>
          <tr>
            <th className="row-head frozen" style={{ left: 0 }}>
              行
            </th>
            {layout.edit.map((c) => {
              const left = frozenLeft(layout, c);
              return (
                <th
                  key={c}
                  className={left === null ? undefined : 'frozen'}
                  style={{ ...(AMOUNT_COLUMNS.has(c) ? { textAlign: 'right' } : {}), ...(left === null ? {} : { left }) }}
                  title={`${COLUMN_TITLES[c]}${AMOUNT_COLUMNS.has(c) ? `（${unitLabel}）` : ''}`}
                >
                  {HEADER_TITLES[c] ?? COLUMN_TITLES[c]}
                </th>
              );
            })}
            {layout.computed.map((c) => (
              <th key={c} style={{ textAlign: 'right' }} title={c === 'rate' ? undefined : `${COMPUTED_TITLES[c]}（万元）`}>
                {COMPUTED_TITLES[c]}
              </th>
            ))}
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && <Spacer height={first * ROW_HEIGHT} columns={layout.edit.length + layout.computed.length + 2} />}
          {rows.slice(first, last + 1).map((row, offset) => {
            const i = first + offset;
            const exec = row.id === null ? undefined : execTexts.get(row.id);
            return (
              <GridRowView
                key={row.key}
                row={row}
                index={i}
                readOnly={readOnly}
                actualText={exec?.actual ?? ''}
                rateText={exec?.rate ?? ''}
                amountUnit={amountUnit}
                layout={layout}
                highlighted={isHighlighted(row)}
                handlers={handlers}
              />
            );
          })}
          {last < rows.length - 1 && <Spacer height={(rows.length - 1 - last) * ROW_HEIGHT} columns={layout.edit.length + layout.computed.length + 2} />}
          {rows.length === 0 && (
            <tr>
              <td colSpan={layout.edit.length + layout.computed.length + 2} style={{ padding: 24, textAlign: 'center', color: '#999' }}>
                尚无预算指标。点“新增行”逐条录入，或从 Excel 复制一块单元格后在表格中粘贴（Ctrl+V）。
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <GridTip ref={tip} grid={gridEl} version={rows} />
      {picker && (
        <Dropdown
          open
          trigger={['click']}
          onOpenChange={(open) => {
            if (!open) setPicker(null);
          }}
          menu={{
            items: (choices[picker.column] ?? []).map((c) => ({ key: c, label: c })),
            onClick: (e) => {
              latest.current.onEdit(picker.key, picker.column, e.key);
              setPicker(null);
              focusCell(picker.key, picker.column);
            },
          }}
        >
          <span style={anchorStyle(picker)} />
        </Dropdown>
      )}
    </div>
  );
}

/** Stands in for the rows above or below the window, keeping the scroll height right. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr>
      <td colSpan={columns} style={{ height, padding: 0, border: 'none' }} />
    </tr>
  );
}
