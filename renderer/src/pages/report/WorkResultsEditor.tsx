import { App as AntApp, Button, Card, Empty, Flex, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { WorkResultsDraft } from '../../../../shared/report/api-schemas.ts';
import { api } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { applyError } from '../../components/apply-error.ts';
import { useDirtyFlag } from '../../state/dirty-guard.tsx';
import { ReferenceValues } from './ReferenceValues.tsx';

// 主要工作情况及成效: one text per work area, printed under the area's sub-heading. 生成 writes it
// from the area's key tasks and their measured results against targets; the office then edits it.

type Placeholder = { key: string; label: string; value: string; group: string };

function AreaEditor({
  draft,
  yearId,
  locked,
  placeholders,
  onSaved,
}: {
  draft: WorkResultsDraft;
  yearId: number;
  locked: boolean;
  placeholders: Placeholder[];
  onSaved(): void;
}) {
  const { message, modal } = AntApp.useApp();
  const [body, setBody] = useState(draft.summary);
  useEffect(() => setBody(draft.summary), [draft.summary]);
  const dirty = body !== draft.summary;
  useDirtyFlag(`work-results:${draft.areaId}`, dirty);
  const generate = () => {
    if (body.trim() === '' || body === draft.generated) {
      setBody(draft.generated);
      return;
    }
    modal.confirm({
      title: `用生成的文字替换“${draft.title}”现有内容？`,
      content: '编辑框中现有的文字将被替换（保存前仍可撤回：不保存即可）。',
      okText: '替换',
      cancelText: '取消',
      onOk: () => setBody(draft.generated),
    });
  };
  const save = async () => {
    try {
      await api!.call('work.saveArea', { id: draft.areaId, yearId, title: draft.title, summary: body });
      message.success('已保存');
      onSaved();
    } catch (err) {
      applyError(err, message.error);
    }
  };
  return (
    <div data-testid={`work-results-${draft.areaId}`} style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{draft.title}</Typography.Text>
        <Space>
          <Button
            size="small"
            disabled={locked || draft.generated === ''}
            title={draft.generated === '' ? '该工作领域还没有工作任务' : '根据工作任务及其成果指标（目标值、实际值）生成'}
            onClick={generate}
            data-testid="work-results-generate"
          >
            生成
          </Button>
          <Button size="small" type={dirty ? 'primary' : 'default'} disabled={locked || !dirty} onClick={save} data-testid="work-results-save">
            保存
          </Button>
        </Space>
      </Flex>
      <Input.TextArea
        value={body}
        disabled={locked}
        onChange={(e) => setBody(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 10 }}
        placeholder="尚未填写。可点“生成”根据工作任务和成果指标写出初稿，再修改。"
        data-testid="work-results-text"
      />
      <ReferenceValues body={body} placeholders={placeholders} testId={`work-results-refs-${draft.areaId}`} />
    </div>
  );
}

export function WorkResultsEditor({ yearId, locked, placeholders, onSaved }: { yearId: number; locked: boolean; placeholders: Placeholder[]; onSaved(): void }) {
  const drafts = useQuery('report.workResults', { yearId });
  const saved = async () => {
    await drafts.reload();
    onSaved();
  };
  return (
    <Card size="small" title="主要工作情况及成效（每个工作领域一段）" data-testid="section-card-work_results">
      {drafts.error && <Typography.Text type="danger">{drafts.error}</Typography.Text>}
      {(drafts.data ?? []).length === 0 && !drafts.error && <Empty description="还没有工作领域：请先在“年度工作”页录入工作领域和任务。" />}
      {(drafts.data ?? []).map((d) => (
        <AreaEditor key={d.areaId} draft={d} yearId={yearId} locked={locked} placeholders={placeholders} onSaved={() => void saved()} />
      ))}
    </Card>
  );
}
