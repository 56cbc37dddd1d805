import { Typography } from 'antd';
import { placeholderKeysIn } from '../../../../shared/report/placeholders.ts';
import type { PlaceholderInfo } from '../../../../shared/report/api-schemas.ts';
import type { z } from 'zod';

type Placeholder = z.infer<typeof PlaceholderInfo>;

/**
 * The current value of every {{reference}} a section's text uses, under its editor, so the
 * writer sees what the report will print while typing (the text being edited, not the saved one).
 */
export function ReferenceValues({ body, placeholders, testId }: { body: string; placeholders: readonly Placeholder[]; testId: string }) {
  const keys = [...new Set(placeholderKeysIn(body))];
  if (keys.length === 0) return null;
  const byKey = new Map(placeholders.map((p) => [p.key, p]));
  return (
    <ul className="reference-values" data-testid={testId} aria-label="数据引用的当前数值" style={{ margin: '6px 0 0', paddingLeft: 18 }}>
      {keys.map((key) => {
        const p = byKey.get(key);
        return (
          <li key={key} data-key={key}>
            <Typography.Text code>{`{{${key}}}`}</Typography.Text>
            {p ? (
              <Typography.Text>
                {' '}
                = <Typography.Text strong>{p.value}</Typography.Text>
                <Typography.Text type="secondary">（{p.label}）</Typography.Text>
              </Typography.Text>
            ) : (
              <Typography.Text type="danger"> 无法识别的数据引用，报告中将原样显示</Typography.Text>
            )}
          </li>
        );
      })}
    </ul>
  );
}
