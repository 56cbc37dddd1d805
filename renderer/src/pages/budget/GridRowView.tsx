import { ExclamationCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Dropdown, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { type KeyboardEvent, memo } from 'react';
import type { BudgetLineExecutionRow } from '../../../../shared/budget/schemas.ts';
import { type AmountUnit, formatWan, parseAmountInUnit } from '../../../../shared/money/fen.ts';
import { percentText } from '../execution/figures.ts';
import { AMOUNT_COLUMNS, CHOICE_COLUMNS, COLUMN_TITLES, type ColumnKey, EDIT_COLUMNS } from './grid-columns.ts';
import { type GridRow, hasErrors, isDirty } from './grid-rows.ts';
import { codeWarnings } from './normalize-line-cells.ts';

export interface RowHandlers {
  edit(key: string, column: ColumnKey, text: string): void;
  keyDown(e: KeyboardEvent<HTMLInputElement>, key: string, column: ColumnKey): void;
  register(key: string, column: ColumnKey, el: HTMLInputElement | null): void;
  pick(key: string, column: ColumnKey, text: string): void;
  remove(row: GridRow): void;
  history(row: GridRow): void;
}

interface Props {
  row: GridRow;
  index: number;
  readOnly: boolean;
  exec: BudgetLineExecutionRow | undefined;
  amountUnit: AmountUnit;
  highlighted: boolean;
  choices: Record<'unit' | 'fundingSource' | 'category', string[]>;
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

/** One budget line as a row of in-place editable cells. */
export const GridRowView = memo(function GridRowView({ row, index, readOnly, exec, amountUnit, highlighted, choices, handlers }: Props) {
  const st = status(row);
  const warnings = codeWarnings(row.cells);
  const errorCount = Object.keys(row.errors).length;
  return (
    <tr data-testid="budget-row" data-id={row.id ?? ''} data-status={st} className={highlighted ? 'row-highlight' : undefined}>
      <td className="row-head">
        <Space size={2}>
          <span>{index + 1}</span>
          {st === 'saving' && <LoadingOutlined />}
          {st === 'dirty' && (
            <Tooltip title="尚未保存：离开本行时自动保存">
              <span style={{ color: '#1677ff' }}>●</span>
            </Tooltip>
          )}
          {st === 'error' && (
            <Tooltip title={row.rowError ?? `本行有 ${errorCount} 处需要改正（标红的单元格），改正后离开本行即自动保存`}>
              <ExclamationCircleFilled style={{ color: '#ff4d4f' }} data-testid="row-error" />
            </Tooltip>
          )}
        </Space>
      </td>
      {EDIT_COLUMNS.map((col) => {
        const error = row.errors[col];
        const warning = warnings[col];
        const message = error ?? warning;
        const input = (
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
            data-warning={!error ? warning : undefined}
            ref={(el) => handlers.register(row.key, col, el)}
            onChange={(e) => handlers.edit(row.key, col, e.target.value)}
            onKeyDown={(e) => handlers.keyDown(e, row.key, col)}
            onFocus={(e) => e.currentTarget.select()}
          />
        );
        const choice = CHOICE_COLUMNS.has(col) && !readOnly ? choices[col as keyof Props['choices']] : null;
        return (
          <td key={col} className={error ? 'cell-error' : warning ? 'cell-warning' : undefined}>
            <Tooltip title={message} open={message ? undefined : false} color={error ? '#cf1322' : '#d48806'} mouseEnterDelay={0.2}>
              <div className="cell-box">
                {input}
                {choice && (
                  <Dropdown
                    trigger={['click']}
                    menu={{ items: choice.map((c) => ({ key: c, label: c })), onClick: (e) => handlers.pick(row.key, col, e.key) }}
                  >
                    <button type="button" tabIndex={-1} className="cell-pick" aria-label={`选择${COLUMN_TITLES[col]}`}>
                      ▾
                    </button>
                  </Dropdown>
                )}
              </div>
            </Tooltip>
          </td>
        );
      })}
      <td className="computed" data-col="final">
        {finalText(row, amountUnit)}
      </td>
      <td className="computed" data-col="actual">
        {exec ? formatWan(exec.actualFen) : ''}
      </td>
      <td className="computed" data-col="rate">
        {exec ? percentText(exec.executionRate) : ''}
      </td>
      <td style={{ padding: '0 8px', whiteSpace: 'nowrap' }}>
        <Space size={8}>
          {row.id !== null && <Typography.Link onClick={() => handlers.history(row)}>历史</Typography.Link>}
          {!readOnly && (
            <Popconfirm title={`删除第 ${index + 1} 行？`} okText="删除" cancelText="取消" onConfirm={() => handlers.remove(row)}>
              <Typography.Link type="danger" data-testid="row-delete">
                删除
              </Typography.Link>
            </Popconfirm>
          )}
        </Space>
      </td>
    </tr>
  );
});
