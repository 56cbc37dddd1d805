import { Alert, App as AntApp, Button, Card, Descriptions, Flex, Layout, Popconfirm, Result, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { BACKUP_REASON_LABELS } from '../../../shared/backup/schemas.ts';
import type { AppState, RecoveryBackup, RecoveryRestoreResult } from '../../../shared/recovery/schemas.ts';
import { api } from '../api/client.ts';
import { applyError } from '../components/apply-error.ts';

// The start screen for a data file the app could not open: damaged (choose a backup to restore),
// from a newer version (refusal; a restore only on explicit request), missing while its backups
// are there (restore one, or explicitly start a new empty file), held by another writer (who, and
// 重试), or otherwise unusable. It talks to the main process only through app.state and recovery.*.

const localTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
const fileName = (path: string) => path.split(/[/\\]/).pop() ?? path;

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface Props {
  state: AppState;
  onState(state: AppState): void;
  onRestored(result: RecoveryRestoreResult): void;
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', padding: '0 20px' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          部门整体支出绩效自评 · 数据恢复
        </Typography.Text>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, width: '100%', maxWidth: 1080, margin: '0 auto' }} data-testid="recovery-screen">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {children}
        </Space>
      </Layout.Content>
    </Layout>
  );
}

function RetryButton({ onState, primary = false }: { onState: Props['onState']; primary?: boolean }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    try {
      const next = await api!.call('recovery.retry', {});
      if (next.status === 'ready' || next.status === 'read-only') message.success('数据文件已可以使用');
      else message.info('情况没有变化');
      onState(next);
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type={primary ? 'primary' : 'default'} loading={busy} onClick={retry} data-testid="recovery-retry">
      {primary ? '重试' : '重新检查'}
    </Button>
  );
}

function FileFacts({ state }: { state: AppState }) {
  return (
    <Card size="small" title="数据文件">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'file', label: '位置', children: <Typography.Text copyable>{state.dataFile}</Typography.Text> },
          { key: 'found', label: '检查结果', children: state.problem?.message },
          { key: 'dir', label: '备份文件夹', children: state.backupDir },
        ]}
      />
    </Card>
  );
}

// What happens to the file now at the data file's place, in the chooser's words.
function keptNote(status: AppState['status'], replaceNewer: boolean): { paragraph: string; confirm: string } {
  if (replaceNewer) {
    return {
      paragraph: '恢复后，更新版本程序的数据文件会原样另存为“恢复前副本”，不会被删除或修改；但本程序之后只使用备份中的数据。',
      confirm: '更新版本程序的数据文件会原样另存，不会删除。',
    };
  }
  if (status === 'missing') {
    return {
      paragraph: '所选备份校验后复制到数据文件的位置，备份本身保留在备份文件夹中，不会被移动或修改。',
      confirm: '备份复制到数据文件的位置，备份本身保留不动。',
    };
  }
  return {
    paragraph: '恢复时，损坏的数据文件会原样另存为“恢复前副本”，不会被删除或修改；恢复完成后会显示它的位置。',
    confirm: '损坏的数据文件会原样另存，不会删除。',
  };
}

function BackupChooser({ state, replaceNewer, onRestored, onState }: Props & { replaceNewer: boolean }) {
  const { message } = AntApp.useApp();
  const firstGood = state.backups.find((b) => b.verified)?.name ?? null;
  const [chosen, setChosen] = useState<string | null>(firstGood);
  const [busy, setBusy] = useState(false);
  const picked = state.backups.find((b) => b.name === chosen) ?? null;
  const note = keptNote(state.status, replaceNewer);
  const restore = async () => {
    if (!picked) return;
    setBusy(true);
    try {
      onRestored(await api!.call('recovery.restore', { name: picked.name, ...(replaceNewer ? { replaceNewer: true } : {}) }));
    } catch (err) {
      applyError(err, message.error);
      // The file may have changed meanwhile: show its state as it is now.
      api!.call('app.state', {}).then(onState, () => {});
    } finally {
      setBusy(false);
    }
  };
  if (state.backups.length === 0) {
    return (
      <Alert
        type="warning"
        showIcon
        title="没有找到这个数据文件的备份"
        description={`备份文件夹 ${state.backupDir} 中没有它的备份。数据文件保持原样，没有被修改。如有其他位置的备份（例如 U 盘中的副本），可用命令行 selfeval restore --db 数据文件 --from 备份文件 恢复，或请单位的信息技术人员协助。`}
        data-testid="recovery-no-backups"
      />
    );
  }
  return (
    <Card size="small" title="选择一份备份恢复（最新的在最前）">
      <Typography.Paragraph type="secondary">
        {note.paragraph}
        只能选择校验通过的备份。
      </Typography.Paragraph>
      <Table<RecoveryBackup>
        size="small"
        rowKey="name"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={state.backups}
        data-testid="recovery-backups"
        rowSelection={{
          type: 'radio',
          selectedRowKeys: chosen ? [chosen] : [],
          onChange: (keys) => setChosen((keys[0] as string | undefined) ?? null),
          getCheckboxProps: (b) => ({ disabled: !b.verified }),
        }}
        onRow={(b) => ({ onClick: () => b.verified && setChosen(b.name) })}
        columns={[
          { title: '备份时间', dataIndex: 'takenAt', render: localTime },
          { title: '原因', dataIndex: 'reason', render: (r: RecoveryBackup['reason']) => BACKUP_REASON_LABELS[r] },
          { title: '大小', dataIndex: 'sizeBytes', render: formatSize },
          { title: '数据版本', dataIndex: 'schemaVersion', render: (v: number | null) => v ?? '—' },
          {
            title: '校验',
            render: (_, b) =>
              b.verified ? (
                <Tag color="green">校验通过</Tag>
              ) : (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  <Tag color="red">未通过</Tag>
                  {b.problem}
                </Typography.Text>
              ),
          },
        ]}
      />
      <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
        <RetryButton onState={onState} />
        <Popconfirm
          title={picked ? `用 ${localTime(picked.takenAt)} 的备份恢复？` : '请先选择备份'}
          description={note.confirm}
          okText="恢复"
          cancelText="取消"
          disabled={!picked}
          onConfirm={restore}
        >
          <Button type="primary" danger={replaceNewer} disabled={!picked} loading={busy} data-testid="recovery-restore">
            用所选备份恢复
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
}

function Damaged(props: Props) {
  return (
    <Frame>
      <Typography.Title level={3} style={{ margin: 0 }}>
        数据恢复
      </Typography.Title>
      <Alert type="error" showIcon title="数据文件已损坏，程序没有打开它，也没有修改它。请从备份恢复。" />
      <FileFacts state={props.state} />
      <BackupChooser {...props} replaceNewer={false} />
    </Frame>
  );
}

function Newer(props: Props) {
  const [wantsRestore, setWantsRestore] = useState(false);
  return (
    <Frame>
      <Result
        status="warning"
        title="数据文件来自更新版本的程序"
        subTitle="为保护数据，本程序不会打开或修改这个文件。请安装新版本的程序后再打开它。"
        extra={<RetryButton onState={props.onState} primary />}
      />
      <FileFacts state={props.state} />
      {wantsRestore ? (
        <BackupChooser {...props} replaceNewer />
      ) : (
        <Flex justify="center">
          <Button type="link" danger onClick={() => setWantsRestore(true)} data-testid="recovery-show-backups">
            仍用备份替换这个文件…
          </Button>
        </Flex>
      )}
    </Frame>
  );
}

function CreateNewFile({ state, onState }: Props) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      const next = await api!.call('recovery.createNew', {});
      if (next.status === 'ready') message.success('已新建空白数据文件');
      onState(next);
    } catch (err) {
      applyError(err, message.error);
      api!.call('app.state', {}).then(onState, () => {});
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="或者：从空白开始">
      <Flex gap={16} align="center" justify="space-between">
        <Typography.Text type="secondary">
          只在确定要从空白开始、暂不使用原来的数据时选择。这些备份仍留在备份文件夹中，以后可在“备份与设置”中恢复。
        </Typography.Text>
        <Popconfirm
          title="新建空白数据文件？"
          description={
            <Typography.Paragraph style={{ maxWidth: 360, margin: 0 }}>
              将在 {state.dataFile} 新建一个空白数据文件。备份文件夹中的 {state.backups.length} 个备份保持原样，不会被删除或修改。
            </Typography.Paragraph>
          }
          okText="新建"
          cancelText="取消"
          onConfirm={create}
        >
          <Button loading={busy} data-testid="recovery-create-new">
            新建空白数据文件
          </Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
}

function Missing(props: Props) {
  const n = props.state.backups.length;
  return (
    <Frame>
      <Typography.Title level={3} style={{ margin: 0 }}>
        数据恢复
      </Typography.Title>
      <Alert
        type="warning"
        showIcon
        title={`找不到数据文件，但备份文件夹中有 ${n} 个备份`}
        description="数据文件可能被移动、删除，或在系统还原时丢失。为保护备份中的数据，程序没有新建空白的数据文件。请从下面选择一份备份恢复；如果只是把文件移到了别处，也可以把它放回原位置，再点“重新检查”。"
        data-testid="recovery-missing"
      />
      <FileFacts state={props.state} />
      <BackupChooser {...props} replaceNewer={false} />
      <CreateNewFile {...props} />
    </Frame>
  );
}

function Locked({ state, onState }: Props) {
  const h = state.lockHolder;
  return (
    <Frame>
      <Result
        status="info"
        title="数据文件正被其他程序使用"
        subTitle={state.problem?.message}
        extra={<RetryButton onState={onState} primary />}
      />
      {h && (
        <Card size="small" title="正在使用的程序">
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'tool', label: '程序', children: h.tool },
              { key: 'pid', label: '进程号', children: h.pid },
              { key: 'host', label: '计算机', children: h.sameComputer ? `${h.host}（本机）` : h.host },
              { key: 'since', label: '开始时间', children: localTime(h.startedAt) },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            同一数据文件同时只允许一个程序修改。请关闭另一个窗口，或等命令行结束，然后点“重试”。
          </Typography.Paragraph>
        </Card>
      )}
    </Frame>
  );
}

function Unavailable({ state, onState }: Props) {
  return (
    <Frame>
      <Result status="error" title="无法打开数据文件" subTitle={state.problem?.message} extra={<RetryButton onState={onState} primary />} />
      <FileFacts state={state} />
    </Frame>
  );
}

export function RecoveryScreen(props: Props) {
  switch (props.state.status) {
    case 'damaged':
      return <Damaged {...props} />;
    case 'newer':
      return <Newer {...props} />;
    case 'missing':
      return <Missing {...props} />;
    case 'locked':
      return <Locked {...props} />;
    default:
      return <Unavailable {...props} />;
  }
}

export function RestoredScreen({ result, onContinue }: { result: RecoveryRestoreResult; onContinue(): void }) {
  return (
    <Frame>
      <Result
        status="success"
        title="已从备份恢复"
        subTitle="数据已恢复到备份时的状态，可以继续使用。"
        extra={
          <Button type="primary" onClick={onContinue} data-testid="recovery-continue">
            进入程序
          </Button>
        }
      />
      <Card size="small" title="恢复情况">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'from', label: '所用备份', children: fileName(result.restoredFrom) },
            {
              key: 'kept',
              label: '原数据文件另存为',
              children: result.preRestoreFile ? <Typography.Text copyable>{result.preRestoreFile}</Typography.Text> : '（原位置没有数据文件）',
            },
            { key: 'file', label: '数据文件', children: result.state.dataFile },
          ]}
        />
      </Card>
    </Frame>
  );
}
