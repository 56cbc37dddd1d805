import { Tooltip } from 'antd';
import { type Ref, useImperativeHandle, useLayoutEffect, useState } from 'react';

export interface Anchor {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where `el` sits inside the scrolling grid, so a popup anchored there scrolls with it. */
export function anchorOf(el: HTMLElement, grid: HTMLElement): Anchor {
  const r = el.getBoundingClientRect();
  const g = grid.getBoundingClientRect();
  return { left: r.left - g.left + grid.scrollLeft, top: r.top - g.top + grid.scrollTop, width: r.width, height: r.height };
}

export const anchorStyle = (a: Anchor) => ({ position: 'absolute' as const, left: a.left, top: a.top, width: a.width, height: a.height, pointerEvents: 'none' as const });

export interface GridTipHandle {
  /** Shows the data-tip of this element (or nothing). */
  show(el: HTMLElement | null): void;
}

interface Tip extends Anchor {
  text: string;
  kind: string;
}

const COLORS: Record<string, string | undefined> = { error: '#cf1322', warning: '#d48806' };

/**
 * The grid's one tooltip: the message (data-tip) of the hovered or focused cell. It has its own
 * state, so hovering and moving the cursor do not re-render the grid's rows.
 */
export function GridTip({ grid, version, ref }: { grid: HTMLElement | null; version: unknown; ref?: Ref<GridTipHandle> }) {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  useImperativeHandle(ref, () => ({ show: setEl }), []);
  // The message can change under the same element (an error fixed, a save refused), so it is
  // read again whenever the rows change (`version`).
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger
  useLayoutEffect(() => {
    const text = el?.isConnected ? el.dataset.tip : undefined;
    const next = grid && el && text ? { ...anchorOf(el, grid), text, kind: el.dataset.tipKind ?? 'info' } : null;
    setTip((prev) => (next?.text === prev?.text && next?.top === prev?.top && next?.left === prev?.left ? prev : next));
  }, [el, grid, version]);
  if (!tip) return null;
  return (
    <Tooltip open title={<span data-testid="grid-tip">{tip.text}</span>} color={COLORS[tip.kind]}>
      <span style={anchorStyle(tip)} />
    </Tooltip>
  );
}
