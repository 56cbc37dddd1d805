import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { OPTIONAL_COLUMNS, OPTIONAL_TITLES, type OptionalColumn } from './grid-columns.ts';

const STORAGE_KEY = 'selfeval.budgetGrid.columns';

function readShown(): ReadonlySet<OptionalColumn> {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    if (Array.isArray(saved)) return new Set(OPTIONAL_COLUMNS.filter((c) => saved.includes(c)));
  } catch {
    // A damaged setting falls back to the default (no optional column).
  }
  return new Set();
}

/** The optional columns the user chose to show, remembered on this PC. */
export function useShownColumns(): [ReadonlySet<OptionalColumn>, (next: ReadonlySet<OptionalColumn>) => void] {
  const [shown, setShownState] = useState(readShown);
  const setShown = useCallback((next: ReadonlySet<OptionalColumn>) => {
    setShownState(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
  }, []);
  return [shown, setShown];
}

/** 列设置: which optional columns the budget grid shows. */
export function ColumnChooser({ shown, onChange }: { shown: ReadonlySet<OptionalColumn>; onChange(next: ReadonlySet<OptionalColumn>): void }) {
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="显示更多列"
      content={
        <div data-testid="column-chooser" style={{ width: 220 }}>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            value={[...shown]}
            options={OPTIONAL_COLUMNS.map((c) => ({ value: c, label: OPTIONAL_TITLES[c] }))}
            onChange={(values) => onChange(new Set(values as OptionalColumn[]))}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            有错误的列总会显示。粘贴时各列按完整列顺序对应（含未显示的列），或以首行列标题对应。
          </Typography.Paragraph>
        </div>
      }
    >
      <Button icon={<SettingOutlined aria-hidden />} data-testid="column-chooser-open">
        列设置
      </Button>
    </Popover>
  );
}
