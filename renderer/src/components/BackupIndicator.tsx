import { LoadingOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { BACKUP_PHASE_LABELS, BACKUP_REASON_LABELS, type BackupStatus } from '../../../shared/backup/schemas.ts';
import { api } from '../api/client.ts';

const POLL_MS = 1500;

/** backup.status, polled: backups run in the background, so the window shows when one is under way. */
export function useBackupStatus(): BackupStatus | null {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    if (!api) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async () => {
      try {
        const s = await api!.call('backup.status', {});
        if (!stopped) setStatus(s);
      } catch {
        // The next poll tries again (e.g. while a restore swaps the connection).
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, []);
  return status;
}

export function backupRunningText(s: BackupStatus): string | null {
  if (!s.running) return null;
  return `备份中…（${BACKUP_REASON_LABELS[s.running.reason]}，${BACKUP_PHASE_LABELS[s.running.phase]}${s.running.phase === 'copy' ? ` ${s.running.percent}%` : ''}）`;
}

/** In the header: 备份中… while a backup runs; a failed last backup stays visible with its reason. */
export function BackupIndicator() {
  const status = useBackupStatus();
  if (!status) return null;
  const running = backupRunningText(status);
  if (running) {
    return (
      <Tag icon={<LoadingOutlined />} color="processing" data-testid="backup-running">
        {running}
      </Tag>
    );
  }
  if (status.last && !status.last.ok) {
    return (
      <Tooltip title={status.last.message}>
        <Tag color="error" data-testid="backup-failed">
          上次备份失败
        </Tag>
      </Tooltip>
    );
  }
  return null;
}
