import { ExclamationCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { type KeyboardEvent, memo } from 'react';
import { type AmountUnit, formatWan, parseAmountInUnit } from '../../../../shared/money/fen.ts';
import { AMOUNT_COLUMNS, CHOICE_COLUMNS, COLUMN_TITLES, type ColumnKey, type ColumnLayout, frozenLeft } from './grid-columns.ts';
import { type GridRow, hasErrors, isDirty } from './grid-rows.ts';
import { codeWarnings } from './normalize-line-cells.ts';

export interface RowHandlers {
  edit(key: string, column: ColumnKey, text: string): void;
  keyDown(e: KeyboardEvent<HTMLInputElement>, key: string, column: ColumnKey): void;
  register(key: string, column: ColumnKey, el: HTMLInputElement | null): void;
  openPicker(key: string, column: ColumnKey, anchor: HTMLElement): void;
  remove(row: GridRow, index: number): void;
  history(row: GridRow): void;
}

interface Props {
  row: GridRow;
  index: number;
  readOnly: boolean;
  /** 支出数 and 执行率 of the saved line (万元, percent text), '' when unknown. */
  actualText: string;
  rateText: string;
  amountUnit: AmountUnit;
  layout: ColumnLayout;
  highlighted: boolean;
  handlers: RowHandlers;
}

function status(row: GridRow): 'saving' | 'error' | 'dirty' | 'saved' {
  if (row.saving) return 'saving';
  if (hasErrors(row)) return 'error';
  if (isDirty(row)) return 'dirty';
  return 'saved';
}

/** 调整后预算 from what is typed now (万元), or '' while an amount cannot be read. */
function finalText(row: GridRow, unit: AmountUnit): string {
  const initial = parseAmountInUnit(row.cells.initial || '0', unit);
  const adjustment = parseAmountInUnit(row.cells.adjustment || '0', unit);
  return initial === null || adjustment === null ? '' : formatWan(initial + adjustment);
}

// Plain elements only: a year can have hundreds of lines × 12 cells, and a component per cell
// (tooltip, dropdown) makes typing and moving visibly slow. Messages show in the grid's one
// shared tooltip, read from data-tip.

/** One budget line as a row of in-place editable cells. */
export const GridRowView = memo(function GridRowView({ row, index, readOnly, actualText, rateText, amountUnit, layout, highlighted, handlers }: Props) {
  const st = status(row);
  const warnings = codeWarnings(row.cells);
  const errorCount = Object.keys(row.errors).length;
  const rowTip =
    st === 'error'
      ? (row.rowError ?? `本行有 ${errorCount} 处需要改正（标红的单元格），改正后离开本行即自动保存`)
      : st === 'dirty'
        ? '尚未保存：离开本行时自动保存'
        : undefined;
  return (
    <tr data-testid="budget-row" data-id={row.id ?? ''} data-status={st} className={highlighted ? 'row-highlight' : undefined}>
      <td className="row-head frozen" style={{ left: 0 }} data-tip={rowTip} data-tip-kind={st === 'error' ? 'error' : 'info'}>
        <span>{index + 1}</span>
        {st === 'saving' && <LoadingOutlined style={{ marginLeft: 3 }} />}
        {st === 'dirty' && <span style={{ color: '#1677ff', marginLeft: 3 }}>●</span>}
        {st === 'error' && <ExclamationCircleFilled style={{ color: '#ff4d4f', marginLeft: 3 }} data-testid="row-error" />}
      </td>
      {layout.edit.map((col) => {
        const error = row.errors[col];
        const warning = error ? undefined : warnings[col];
        const choice = CHOICE_COLUMNS.has(col) && !readOnly;
        const left = frozenLeft(layout, col);
        const classes = [error ? 'cell-error' : warning ? 'cell-warning' : '', left === null ? '' : 'frozen'].filter(Boolean).join(' ');
        return (
          <td key={col} className={classes || undefined} style={left === null ? undefined : { left }}>
            <div className="cell-box">
              <input
                className={AMOUNT_COLUMNS.has(col) ? 'cell-input amount' : 'cell-input'}
                value={row.cells[col]}
                readOnly={readOnly}
                data-row={index}
                data-col={col}
                data-row-key={row.key}
                aria-label={`第 ${index + 1} 行 ${COLUMN_TITLES[col]}`}
                aria-invalid={error ? true : undefined}
                data-error={error}
                data-warning={warning}
                data-tip={error ?? warning}
                data-tip-kind={error ? 'error' : 'warning'}
                ref={(el) => handlers.register(row.key, col, el)}
                onChange={(e) => handlers.edit(row.key, col, e.target.value)}
                onKeyDown={(e) => handlers.keyDown(e, row.key, col)}
                onFocus={(e) => e.currentTarget.select()}
              />
              {choice && (
                <button
                  type="button"
                  tabIndex={-1}
                  className="cell-pick"
                  aria-label={`选择${COLUMN_TITLES[col]}`}
                  onClick={(e) => handlers.openPicker(row.key, col, e.currentTarget)}
                >
                  ▾
                </button>
              )}
            </div>
          </td>
        );
      })}
      {layout.computed.map((c) => (
        <td key={c} className="computed" data-col={c}>
          {c === 'final' ? finalText(row, amountUnit) : c === 'actual' ? actualText : rateText}
        </td>
      ))}
      <td className="row-actions">
        {row.id !== null && (
          <button type="button" className="link-btn" onClick={() => handlers.history(row)}>
            历史
          </button>
        )}
        {!readOnly && (
          <button type="button" className="link-btn danger" onClick={() => handlers.remove(row, index)} data-testid="row-delete">
            删除
          </button>
        )}
      </td>
    </tr>
  );
});
