import { Button, Checkbox, Flex, Input, Typography } from 'antd';
import type { ScoreBand } from '../../../../shared/scoring/rule-spec.ts';

// 区间计分 ranges: each row a lower and an upper end (empty = open-ended), whether each end belongs
// to the range, and the points. The framework check refuses overlaps and empty ranges.

type End = 'from' | 'to';

export function BandsEditor({ bands, disabled, onChange }: { bands: ScoreBand[]; disabled: boolean; onChange(next: ScoreBand[]): void }) {
  const set = (i: number, next: ScoreBand) => onChange(bands.map((b, j) => (j === i ? next : b)));
  const setEnd = (i: number, end: End, value: string, inclusive: boolean) => {
    const { [end]: _old, ...rest } = bands[i]!;
    set(i, value.trim() === '' ? (rest as ScoreBand) : { ...rest, [end]: { value: value.trim(), inclusive } });
  };
  const endInput = (b: ScoreBand, i: number, end: End, label: string) => (
    <Flex gap={4} align="center">
      <Input
        size="small"
        style={{ width: 70 }}
        placeholder={label}
        value={b[end]?.value ?? ''}
        disabled={disabled}
        onChange={(e) => setEnd(i, end, e.target.value, b[end]?.inclusive ?? true)}
        data-testid={`band-${i}-${end}`}
      />
      <Checkbox checked={b[end]?.inclusive ?? false} disabled={disabled || !b[end]} onChange={(e) => setEnd(i, end, b[end]?.value ?? '', e.target.checked)}>
        含
      </Checkbox>
    </Flex>
  );
  return (
    <Flex vertical gap={6} data-testid="bands-editor">
      <Typography.Text type="secondary">区间计分：数值落在哪个区间得哪一档分。下限、上限留空表示不设限；勾选“含”表示端点属于该区间。</Typography.Text>
      {bands.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a range has no identity but its place in the list
        <Flex key={i} gap={8} align="center" wrap>
          {endInput(b, i, 'from', '下限')}
          <Typography.Text>至</Typography.Text>
          {endInput(b, i, 'to', '上限')}
          <Typography.Text>得</Typography.Text>
          <Input size="small" style={{ width: 70 }} value={b.points} disabled={disabled} onChange={(e) => set(i, { ...b, points: e.target.value })} />
          <Typography.Text>分</Typography.Text>
          <Button size="small" disabled={disabled || bands.length === 1} onClick={() => onChange(bands.filter((_, j) => j !== i))}>
            删除
          </Button>
        </Flex>
      ))}
      <Button size="small" disabled={disabled} onClick={() => onChange([...bands, { points: '0' }])} style={{ alignSelf: 'flex-start' }}>
        添加区间
      </Button>
    </Flex>
  );
}
