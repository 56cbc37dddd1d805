import { App as AntApp, Button, Empty, Flex, Space, Tag, Typography } from 'antd';
import { AUDIT_ACTION_LABELS, type AuditEntry } from '../../../shared/domain/audit.ts';
import { describeAuditSubject } from '../../../shared/domain/audit-subject.ts';
import { describeChange } from '../../../shared/domain/audit-diff.ts';
import { api } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { applyError } from './apply-error.ts';

function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The recorded changes of a year, or of one entity, newest first, each undoable when it is the latest. */
export function HistoryList({ yearId, entity, entityId, onUndone }: { yearId: number; entity?: string; entityId?: string; onUndone?(): void }) {
  const { message } = AntApp.useApp();
  const entries = useQuery('audit.history', { yearId, entity: entity ?? null, entityId: entityId ?? null, limit: 100 });
  const undo = async (e: AuditEntry) => {
    try {
      await api!.call('audit.undo', { auditId: e.id });
      message.success('已撤销');
      await entries.reload();
      onUndone?.();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  if (entries.data?.length === 0) return <Empty description="暂无修改记录" />;
  return (
    <div data-testid="history-list" style={{ maxHeight: 560, overflowY: 'auto' }}>
      {(entries.data ?? []).map((e) => {
        const changes = describeChange(e.before, e.after);
        return (
          <Flex key={e.id} className="history-item" justify="space-between" align="start" gap={12} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
            <div>
              <Space>
                <Tag>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</Tag>
                <span>{describeAuditSubject(e.entity, e.entityId)}</span>
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {when(e.at)} · {e.actor || '未知用户'}
                </Typography.Text>
              </div>
              {changes.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                  {changes.slice(0, 6).map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
            </div>
            {e.undoable && (
              <Button size="small" onClick={() => undo(e)}>
                撤销
              </Button>
            )}
          </Flex>
        );
      })}
    </div>
  );
}
