import { type ClipboardEvent, type FocusEvent, type KeyboardEvent, type Ref, useCallback, useImperativeHandle, useMemo, useRef } from 'react';
import type { BudgetLineExecutionRow } from '../../../../shared/budget/schemas.ts';
import { CATEGORY_LABELS, CATEGORIES, FUNDING_SOURCE_LABELS, FUNDING_SOURCES } from '../../../../shared/domain/enums.ts';
import type { Unit } from '../../../../shared/domain/organization.ts';
import type { AmountUnit } from '../../../../shared/money/fen.ts';
import './budget-grid.css';
import { AMOUNT_COLUMNS, COLUMN_TITLES, COLUMN_WIDTHS, type ColumnKey, EDIT_COLUMNS } from './grid-columns.ts';
import type { GridRow } from './grid-rows.ts';
import { GridRowView, type RowHandlers } from './GridRowView.tsx';
import { isBlock } from './paste-block.ts';

interface Props {
  rows: GridRow[];
  units: readonly Unit[];
  readOnly: boolean;
  amountUnit: AmountUnit;
  execution: ReadonlyMap<number, BudgetLineExecutionRow>;
  isHighlighted(row: GridRow): boolean;
  onEdit(key: string, column: ColumnKey, text: string): void;
  /** Focus left this row (to another row or out of the grid), or Enter/Tab went past the last row: time to save it. */
  onRowLeave(key: string): void;
  onPasteBlock(text: string): void;
  onDelete(row: GridRow): void;
  onHistory(row: GridRow): void;
}

export interface GridHandle {
  focusCell(key: string, column: ColumnKey): void;
}

type Move = 'left' | 'right' | 'up' | 'down' | 'next' | 'prev';

const cellId = (key: string, column: ColumnKey) => `${key}|${column}`;

/**
 * The budget lines as a spreadsheet: every cell edits in place; Tab/Shift+Tab move across (wrapping
 * to the next row), Enter/Shift+Enter down and up, arrow keys between cells (left/right once the
 * caret is at the edge of the text), Esc restores the cell. A row is handed to `onRowLeave` when
 * focus leaves it, and a tab-separated block pasted anywhere becomes new rows.
 */
export function BudgetGrid(props: Props & { ref?: Ref<GridHandle> }) {
  const { rows, units, readOnly, amountUnit, execution, isHighlighted, onRowLeave, onPasteBlock, ref } = props;
  const cells = useRef(new Map<string, HTMLInputElement>());
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const currentRow = useRef<string | null>(null);
  const focusValue = useRef<string>('');
  const latest = useRef(props);
  latest.current = props;

  const focusCell = useCallback((key: string, column: ColumnKey) => {
    const el = cells.current.get(cellId(key, column));
    if (!el) return;
    el.focus();
    el.select();
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, []);
  useImperativeHandle(ref, () => ({ focusCell }), [focusCell]);

  const move = useCallback(
    (key: string, column: ColumnKey, dir: Move) => {
      const list = rowsRef.current;
      const r = list.findIndex((x) => x.key === key);
      const c = EDIT_COLUMNS.indexOf(column);
      if (r < 0 || c < 0) return;
      let nr = r;
      let nc = c;
      if (dir === 'up') nr = r - 1;
      else if (dir === 'down') nr = r + 1;
      else if (dir === 'left') nc = c - 1;
      else if (dir === 'right') nc = c + 1;
      else if (dir === 'next') {
        nc = c + 1;
        if (nc >= EDIT_COLUMNS.length) {
          nc = 0;
          nr = r + 1;
        }
      } else if (dir === 'prev') {
        nc = c - 1;
        if (nc < 0) {
          nc = EDIT_COLUMNS.length - 1;
          nr = r - 1;
        }
      }
      const target = list[nr];
      const col = EDIT_COLUMNS[nc];
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
      pick: (key, column, text) => {
        latest.current.onEdit(key, column, text);
        focusCell(key, column);
      },
      register: (key, column, el) => {
        if (el) cells.current.set(cellId(key, column), el);
        else cells.current.delete(cellId(key, column));
      },
      remove: (row) => latest.current.onDelete(row),
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
    [focusCell, move],
  );

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
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
    if (prev !== null) onRowLeave(prev);
  };
  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (readOnly) return;
    const text = e.clipboardData.getData('text/plain');
    if (!isBlock(text)) return;
    e.preventDefault();
    onPasteBlock(text);
  };

  const choices = useMemo(
    () => ({
      unit: units.map((u) => u.name),
      fundingSource: FUNDING_SOURCES.map((f) => FUNDING_SOURCE_LABELS[f]),
      category: CATEGORIES.map((c) => CATEGORY_LABELS[c]),
    }),
    [units],
  );
  const unitLabel = amountUnit === 'wan' ? '万元' : '元';

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus and paste events bubble up from the cell inputs
    <div className="budget-grid" data-testid="budget-grid" onFocus={onFocus} onBlur={onBlur} onPaste={onPaste}>
      <table style={{ width: 56 + EDIT_COLUMNS.reduce((s, c) => s + COLUMN_WIDTHS[c], 0) + 132 * 2 + 90 + 100 }}>
        <colgroup>
          <col style={{ width: 56 }} />
          {EDIT_COLUMNS.map((c) => (
            <col key={c} style={{ width: COLUMN_WIDTHS[c] }} />
          ))}
          <col style={{ width: 132 }} />
          <col style={{ width: 132 }} />
          <col style={{ width: 90 }} />
          <col style={{ width: 100 }} />
        </colgroup>
        <thead>
          <tr>
            <th className="row-head">行</th>
            {EDIT_COLUMNS.map((c) => (
              <th key={c} style={AMOUNT_COLUMNS.has(c) ? { textAlign: 'right' } : undefined}>
                {COLUMN_TITLES[c]}
                {AMOUNT_COLUMNS.has(c) ? `（${unitLabel}）` : ''}
              </th>
            ))}
            <th style={{ textAlign: 'right' }}>调整后预算（万元）</th>
            <th style={{ textAlign: 'right' }}>支出数（万元）</th>
            <th style={{ textAlign: 'right' }}>执行率</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <GridRowView
              key={row.key}
              row={row}
              index={i}
              readOnly={readOnly}
              exec={row.id === null ? undefined : execution.get(row.id)}
              amountUnit={amountUnit}
              highlighted={isHighlighted(row)}
              choices={choices}
              handlers={handlers}
            />
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={EDIT_COLUMNS.length + 5} style={{ padding: 24, textAlign: 'center', color: '#999' }}>
                尚无预算指标。点“新增行”逐条录入，或从 Excel 复制一块单元格后在表格中粘贴（Ctrl+V）。
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
