import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  label: ReactNode;
  value: string;
  unit?: string;
  sub?: ReactNode;
  onClick?(): void;
  testId?: string;
}

/** One headline figure; clickable when it has transactions behind it. */
export function FigureCard({ label, value, unit, sub, onClick, testId }: Props) {
  const clickable = onClick !== undefined;
  return (
    <Card
      size="small"
      hoverable={clickable}
      onClick={onClick}
      onKeyDown={(e) => {
        if (clickable && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onClick();
        }
      }}
      role={clickable ? 'button' : undefined}
      tabIndex={clickable ? 0 : undefined}
      data-testid={testId}
      style={{ flex: '1 1 170px', minWidth: 170 }}
    >
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600, lineHeight: '36px', whiteSpace: 'nowrap' }}>
        <span className="figure-value">{value}</span>
        {unit && <span style={{ fontSize: 13, fontWeight: 400, marginLeft: 4 }}>{unit}</span>}
      </div>
      {sub && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{sub}</div>}
    </Card>
  );
}
