import { App as AntApp, Button, Flex, Input, Popconfirm, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Finding } from '../../../../shared/checks/schemas.ts';
import { api } from '../../api/client.ts';
import { applyError } from '../../components/apply-error.ts';

interface Props {
  yearId: number;
  finding: Pick<Finding, 'checkId' | 'subjectKey' | 'explanation'>;
  readOnly: boolean;
  onChanged(): void;
}

/** The 出错说明 of one 提示 finding: written, changed or removed in place. */
export function ExplanationEditor({ yearId, finding, readOnly, onChanged }: Props) {
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState(finding.explanation === null);
  const [text, setText] = useState(finding.explanation ?? '');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setText(finding.explanation ?? '');
    setEditing(finding.explanation === null);
  }, [finding.explanation]);

  const save = async () => {
    if (text.trim() === '') {
      message.error('出错说明不能为空；不需要说明请删除。');
      return;
    }
    setBusy(true);
    try {
      await api!.call('checks.explain', { yearId, checkId: finding.checkId, subjectKey: finding.subjectKey, explanation: text.trim() });
      message.success('出错说明已保存');
      setEditing(false);
      onChanged();
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await api!.call('checks.deleteExplanation', { yearId, checkId: finding.checkId, subjectKey: finding.subjectKey });
      message.success('出错说明已删除');
      onChanged();
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setBusy(false);
    }
  };

  if (!editing && finding.explanation !== null) {
    return (
      <Flex gap={8} align="start" data-testid="explanation">
        <Typography.Text style={{ flex: 1 }}>
          <Typography.Text type="secondary">出错说明：</Typography.Text>
          <span data-testid="explanation-text">{finding.explanation}</span>
        </Typography.Text>
        {!readOnly && (
          <>
            <Typography.Link onClick={() => setEditing(true)}>修改</Typography.Link>
            <Popconfirm title="删除这条出错说明？" okText="删除" cancelText="取消" onConfirm={remove}>
              <Typography.Link type="danger">删除</Typography.Link>
            </Popconfirm>
          </>
        )}
      </Flex>
    );
  }
  if (readOnly) return <Typography.Text type="warning">尚未填写出错说明</Typography.Text>;
  return (
    <Flex gap={8} align="start" data-testid="explanation-editor">
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="说明原因（如：年中追加项目经费，年底前未完成支付），报告中将与审核结果一同列示"
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={2000}
        style={{ flex: 1 }}
        data-testid="explanation-input"
      />
      <Button size="small" type="primary" onClick={save} loading={busy} data-testid="explanation-save">
        保存说明
      </Button>
      {finding.explanation !== null && (
        <Button size="small" onClick={() => setEditing(false)}>
          取消
        </Button>
      )}
    </Flex>
  );
}
