import { Input } from 'antd';
import { type CSSProperties, useEffect, useRef, useState } from 'react';

interface Props {
  value: string;
  onCommit(value: string): void;
  placeholder?: string;
  style?: CSSProperties;
  /** Text that is not acceptable yet is kept in the box, marked, and not committed. */
  valid?(value: string): boolean;
  testId?: string;
  allowClear?: boolean;
}

/** A text filter that applies itself a moment after typing stops (or at once on Enter). */
export function DebouncedInput({ value, onCommit, placeholder, style, valid, testId, allowClear }: Props) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  useEffect(() => setText(value), [value]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const ok = (t: string) => valid === undefined || valid(t);
  const commit = (t: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (ok(t) && t !== value) commitRef.current(t);
  };
  return (
    <Input
      value={text}
      placeholder={placeholder}
      style={style}
      allowClear={allowClear}
      status={ok(text) ? undefined : 'error'}
      data-testid={testId}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(t), 350);
      }}
      onPressEnter={() => commit(text)}
    />
  );
}
