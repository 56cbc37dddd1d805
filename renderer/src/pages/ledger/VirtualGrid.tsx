// biome-ignore-all lint/a11y/useSemanticElements: virtualised rows are absolutely positioned divs; a <table> cannot lay them out
// biome-ignore-all lint/a11y/useFocusableInteractive: ARIA grid with aria-activedescendant: the grid holds focus, not its rows
import { type CSSProperties, type KeyboardEvent, type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

export interface GridColumn<T> {
  key: string;
  title: ReactNode;
  width: number;
  align?: 'left' | 'right' | 'center';
  render(row: T, index: number): ReactNode;
}

interface Props<T> {
  columns: GridColumn<T>[];
  rowCount: number;
  rowAt(index: number): T | undefined;
  rowKey(row: T): string | number;
  onVisibleRange(first: number, last: number): void;
  height: CSSProperties['height'];
  /** Changing it scrolls back to the top (a new filter). */
  resetKey?: string;
  selectedKey?: string | number | null;
  onRowClick?(row: T, index: number): void;
  onRowDoubleClick?(row: T, index: number): void;
  rowHeight?: number;
  testId?: string;
  emptyText?: ReactNode;
  ariaLabel?: string;
  className?: string;
}

const HEADER_HEIGHT = 36;
const OVERSCAN = 8;
// Browsers cap an element's height (Chromium near 33 M px); past this the scroll bar maps onto the
// rows proportionally, so a year of a million rows still scrolls end to end.
const MAX_SCROLL_PX = 8_000_000;

const cellStyle = (width: number, align: GridColumn<unknown>['align'], height: number): CSSProperties => ({
  width,
  flex: '0 0 auto',
  padding: '0 8px',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  lineHeight: `${height}px`,
  textAlign: align ?? 'left',
  boxSizing: 'border-box',
});

/**
 * A fixed-row-height grid (click or arrow keys select a row, double click or Enter opens it) that renders only the rows in view. Rows come from `rowAt` (undefined
 * = not loaded yet, drawn as a placeholder); the grid reports which rows it shows so the caller
 * can fetch them.
 */
export function VirtualGrid<T>(props: Props<T>) {
  const { columns, rowCount, rowAt, rowKey, onVisibleRange, height, resetKey, selectedKey, onRowClick, onRowDoubleClick, testId, emptyText, ariaLabel, className } = props;
  const rowHeight = props.rowHeight ?? 34;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const activeIndex = useRef(-1);
  const width = columns.reduce((s, c) => s + c.width, 0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(Math.max(0, el.clientHeight - HEADER_HEIGHT));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger, not a value used
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
    activeIndex.current = -1;
  }, [resetKey]);

  const fullHeight = rowCount * rowHeight;
  const spacerHeight = Math.min(fullHeight, MAX_SCROLL_PX);
  const maxScroll = Math.max(0, spacerHeight - viewport);
  const maxOffset = Math.max(0, fullHeight - viewport);
  const clampedTop = Math.min(scrollTop, maxScroll);
  const offset = maxScroll > 0 ? (clampedTop / maxScroll) * maxOffset : 0;
  const first = Math.max(0, Math.floor(offset / rowHeight) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((offset + viewport) / rowHeight) + OVERSCAN);

  useEffect(() => {
    if (rowCount > 0) onVisibleRange(first, last);
  }, [first, last, rowCount, onVisibleRange]);

  const indexOf = (target: EventTarget): number | null => {
    const el = (target as HTMLElement).closest?.('[data-index]');
    return el ? Number(el.getAttribute('data-index')) : null;
  };
  const activate = (i: number, row: T) => {
    activeIndex.current = i;
    onRowClick?.(row, i);
  };
  // Arrow keys move the selection and keep it in view; Enter opens it, like a double click.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scroller.current;
    if (!el || rowCount === 0 || (e.target as HTMLElement) !== el) return;
    if (e.key === 'Enter') {
      const row = rowAt(activeIndex.current);
      if (row) onRowDoubleClick?.(row, activeIndex.current);
      return;
    }
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const i = Math.min(rowCount - 1, Math.max(0, activeIndex.current + step));
    const row = rowAt(i);
    if (row) activate(i, row);
    else activeIndex.current = i;
    const rowTop = (i * rowHeight - offset) + clampedTop;
    if (rowTop < clampedTop) el.scrollTop = maxOffset > 0 ? ((i * rowHeight) / maxOffset) * maxScroll : 0;
    else if (rowTop + rowHeight > clampedTop + viewport) el.scrollTop = maxOffset > 0 ? (((i + 1) * rowHeight - viewport) / maxOffset) * maxScroll : 0;
  };

  const idPrefix = useId();
  const activeId = activeIndex.current >= first && activeIndex.current <= last && rowAt(activeIndex.current) ? `${idPrefix}-${activeIndex.current}` : undefined;
  const rows: ReactNode[] = [];
  for (let i = first; i <= last && rowCount > 0; i++) {
    const row = rowAt(i);
    const top = clampedTop + i * rowHeight - offset;
    const key = row ? rowKey(row) : `pending-${i}`;
    const selected = row !== undefined && selectedKey !== undefined && selectedKey !== null && rowKey(row) === selectedKey;
    rows.push(
      <div
        key={key}
        role="row"
        id={row ? `${idPrefix}-${i}` : undefined}
        aria-rowindex={i + 2}
        aria-selected={selected}
        data-index={i}
        data-testid={row ? 'grid-row' : 'grid-row-pending'}
        data-key={row ? String(key) : undefined}
        data-selected={selected ? 'true' : undefined}
        style={{
          position: 'absolute',
          top,
          left: 0,
          width,
          height: rowHeight,
          display: 'flex',
          borderBottom: '1px solid #f0f0f0',
          background: selected ? '#e6f4ff' : i % 2 === 1 ? '#fcfcfc' : '#fff',
          cursor: onRowClick ? 'pointer' : undefined,
        }}
      >
        {row
          ? columns.map((c) => (
              <div key={c.key} role="gridcell" style={cellStyle(c.width, c.align, rowHeight)}>
                {c.render(row, i)}
              </div>
            ))
          : (
              <div role="gridcell" style={{ ...cellStyle(width, 'left', rowHeight), color: '#bbb' }}>
                第 {i + 1} 行 · 加载中…
              </div>
            )}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      role="grid"
      aria-rowcount={rowCount + 1}
      aria-activedescendant={activeId}
      tabIndex={0}
      data-testid={testId}
      aria-label={ariaLabel}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onClick={(e) => {
        const i = indexOf(e.target);
        const row = i === null ? undefined : rowAt(i);
        if (i !== null && row) activate(i, row);
      }}
      onDoubleClick={(e) => {
        const i = indexOf(e.target);
        const row = i === null ? undefined : rowAt(i);
        if (i !== null && row) onRowDoubleClick?.(row, i);
      }}
      onKeyDown={onKeyDown}
      className={className}
      style={{ height, overflow: 'auto', position: 'relative', border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff' }}
    >
      <div
        role="row"
        aria-rowindex={1}
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 2,
          display: 'flex',
          width,
          height: HEADER_HEIGHT,
          background: '#fafafa',
          borderBottom: '1px solid #f0f0f0',
          fontWeight: 600,
        }}
      >
        {columns.map((c) => (
          <div key={c.key} role="columnheader" style={cellStyle(c.width, c.align, HEADER_HEIGHT)}>
            {c.title}
          </div>
        ))}
      </div>
      <div style={{ position: 'relative', height: Math.max(spacerHeight, rowCount === 0 ? 80 : 0), width }}>
        {rowCount === 0 ? <div style={{ padding: 24, color: '#999', textAlign: 'center', position: 'sticky', left: 0, width: 'min(100%, 600px)' }}>{emptyText}</div> : rows}
      </div>
    </div>
  );
}
