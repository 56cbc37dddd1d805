import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useQuery } from '../api/use-query.ts';
import { HistoryList } from '../components/HistoryList.tsx';
import { useCurrentYear, useSession } from '../state/session.tsx';

export function SettingsPage() {
  const year = useCurrentYear();
  const { reload } = useSession();
  const info = useQuery('app.info', {});
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        备份与设置
      </Typography.Title>
      <Card title="数据文件" size="small">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="位置">{info.data?.dataFile}</Descriptions.Item>
          <Descriptions.Item label="数据版本">{info.data?.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label="程序版本">{info.data?.appVersion}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={year ? `${year.year} 年度修改记录（可撤销每项数据的最近一次修改）` : '修改记录'} size="small">
        {year ? <HistoryList yearId={year.id} onUndone={() => void reload()} /> : <Alert type="info" message="请先选择年度。" />}
      </Card>
    </Space>
  );
}
