import { Alert, Card, Typography } from 'antd';
import type { RevenueExpenditureText } from '../../../../shared/budget/schemas.ts';

/** The generated 部门整体收支情况 paragraph, as the report will print it. */
export function ParagraphCard({ text, error }: { text: RevenueExpenditureText | null; error: string | null }) {
  return (
    <Card size="small" title="部门整体收支情况（自动生成，供报告使用）">
      {error && <Alert type="error" title={error} />}
      <Typography.Paragraph copyable={text ? { text: text.text, tooltips: ['复制', '已复制'] } : false} style={{ marginBottom: 0 }}>
        <span data-testid="revenue-paragraph">{text?.text ?? ''}</span>
      </Typography.Paragraph>
    </Card>
  );
}
