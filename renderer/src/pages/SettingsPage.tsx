import { Alert, App as AntApp, Button, Card, Descriptions, Flex, InputNumber, Popconfirm, Progress, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { BACKUP_REASON_LABELS, type BackupEntry } from '../../../shared/backup/schemas.ts';
import { api } from '../api/client.ts';
import { applyError } from '../components/apply-error.ts';
import { useQuery } from '../api/use-query.ts';
import { backupRunningText, useBackupStatus } from '../components/BackupIndicator.tsx';
import { HistoryList } from '../components/HistoryList.tsx';
import { PreparerCard } from './PreparerCard.tsx';
import { useCurrentYear, useSession } from '../state/session.tsx';

/** 1234567 → “1.2 MB”. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

const shortTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

function BackupCard() {
  const { message } = AntApp.useApp();
  const { reload } = useSession();
  const list = useQuery('backup.list', {});
  const status = useBackupStatus();
  const [busy, setBusy] = useState(false);
  // The list is read again when a background backup ends (its rotation may have removed old ones).
  const lastEnded = status?.last?.endedAt;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when a backup has ended
  useEffect(() => {
    if (lastEnded) void list.reload();
  }, [lastEnded]);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
      await list.reload();
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(false);
    }
  };
  const policy = list.data?.policy;
  const savePolicy = (patch: Partial<NonNullable<typeof policy>>) =>
    run(async () => {
      await api!.call('backup.settings', patch);
      message.success('备份保留规则已保存');
    });
  return (
    <Card
      title="备份"
      size="small"
      extra={
        <Button type="primary" loading={busy} onClick={() => run(async () => void message.success(`已备份：${(await api!.call('backup.now', {})).name}`))} data-testid="backup-now">
          立即备份
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        程序在升级数据、每次导入和定稿之前自动备份，并每天备份一次；备份在后台进行，不影响继续使用。备份文件夹：{list.data?.dir}
        {list.data?.lastBackupAt ? `；最近一次备份：${shortTime(list.data.lastBackupAt)}` : ''}
      </Typography.Paragraph>
      {status?.running && (
        <Flex gap={12} align="center" style={{ marginBottom: 8 }} data-testid="backup-progress">
          <Typography.Text>{backupRunningText(status)}</Typography.Text>
          <Progress percent={status.running.phase === 'copy' ? status.running.percent : 100} status="active" size="small" style={{ width: 240 }} />
        </Flex>
      )}
      {status?.last && !status.last.ok && !status.running && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title={`上次备份（${shortTime(status.last.endedAt)}）失败：${status.last.message}`} />
      )}
      {list.data && (
        <Typography.Paragraph data-testid="backup-space">
          现有 {list.data.backups.length} 个恢复点
          {list.data.backups.length > 0
            ? `（最早 ${shortTime(list.data.backups[list.data.backups.length - 1]!.takenAt)}，最近 ${shortTime(list.data.backups[0]!.takenAt)}）`
            : ''}
          ，共占用 {formatBytes(list.data.usedBytes)}，空间上限 {formatBytes(list.data.budgetBytes)}（数据文件大小的 {list.data.policy.budgetFactor} 倍）。
          超出上限时，先删除与相邻备份时间最接近的旧备份，恢复点在时间上尽量均匀分布；最近一份始终保留。
        </Typography.Paragraph>
      )}
      {policy && (
        <Flex gap={16} align="center" style={{ marginBottom: 8 }}>
          <span>保留最近</span>
          <InputNumber size="small" min={1} max={1000} value={policy.keepLast} onChange={(v) => v && savePolicy({ keepLast: v })} />
          <span>份，另按日保留</span>
          <InputNumber size="small" min={0} max={3660} value={policy.keepDays} onChange={(v) => v !== null && savePolicy({ keepDays: v })} />
          <span>天、按月保留</span>
          <InputNumber size="small" min={0} max={1200} value={policy.keepMonths} onChange={(v) => v !== null && savePolicy({ keepMonths: v })} />
          <span>个月；全部备份不超过数据文件大小的</span>
          <InputNumber
            size="small"
            min={1}
            max={100}
            value={policy.budgetFactor}
            onChange={(v) => v && savePolicy({ budgetFactor: v })}
            data-testid="backup-budget"
          />
          <span>倍</span>
        </Flex>
      )}
      <Table<BackupEntry>
        size="small"
        rowKey="name"
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        dataSource={list.data?.backups ?? []}
        locale={{ emptyText: '尚无备份' }}
        data-testid="backup-list"
        columns={[
          { title: '时间', dataIndex: 'takenAt', render: (v: string) => shortTime(v) },
          { title: '原因', dataIndex: 'reason', render: (r: BackupEntry['reason']) => BACKUP_REASON_LABELS[r] },
          { title: '大小', dataIndex: 'sizeBytes', render: (b: number) => formatBytes(b) },
          {
            title: '操作',
            render: (_, b) => (
              <Popconfirm
                title="用这份备份替换当前数据？"
                description="当前数据文件会先另存一份（恢复前副本），不会丢失。"
                okText="恢复"
                cancelText="取消"
                onConfirm={() =>
                  run(async () => {
                    const r = await api!.call('backup.restore', { name: b.name });
                    message.success(`已恢复。原数据已另存为 ${r.preRestoreFile ?? '（无）'}`);
                    await reload();
                  })
                }
              >
                <Typography.Link>恢复</Typography.Link>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

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
      <PreparerCard />
      <BackupCard />
      <Card title={year ? `${year.year} 年度修改记录（可撤销每项数据的最近一次修改）` : '修改记录'} size="small">
        {year ? <HistoryList yearId={year.id} onUndone={() => void reload()} /> : <Alert type="info" message="请先选择年度。" />}
      </Card>
    </Space>
  );
}
