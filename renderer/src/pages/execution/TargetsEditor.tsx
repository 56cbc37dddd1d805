import { Alert, App as AntApp, Button, Flex, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { decimalTextToScaledInt } from '../../../../shared/money/fen.ts';
import { formatPercent } from '../../../../shared/money/rate.ts';
import { api } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { applyError } from '../../components/apply-error.ts';

const QUARTER_NAMES = ['第一季度末', '第二季度末', '第三季度末', '第四季度末'];

interface Props {
  yearId: number;
  readOnly: boolean;
  onSaved(): void;
}

const bpText = (bp: number) => formatPercent({ num: bp, den: 10000 });

/** The cumulative execution target at each quarter end, in percent with 2 decimals. */
export function TargetsEditor({ yearId, readOnly, onSaved }: Props) {
  const { message } = AntApp.useApp();
  const targets = useQuery('execution.targets', { yearId });
  const [texts, setTexts] = useState<string[]>(['', '', '', '']);
  const [errors, setErrors] = useState<Array<string | null>>([null, null, null, null]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!targets.data) return;
    setTexts([1, 2, 3, 4].map((q) => bpText(targets.data!.targets.find((t) => t.quarter === q)?.targetBp ?? 0)));
    setErrors([null, null, null, null]);
  }, [targets.data]);

  const save = async () => {
    const bps = texts.map((t) => decimalTextToScaledInt(t.replace(/[%％\s]/g, ''), 2));
    const errs = bps.map((bp, i) =>
      bp === null ? `${QUARTER_NAMES[i]}的目标应为数字（如 25 或 25.5）` : bp < 0 || bp > 10000 ? `${QUARTER_NAMES[i]}的目标应在 0 至 100 之间` : null,
    );
    setErrors(errs);
    if (errs.some((e) => e !== null)) return;
    setSaving(true);
    try {
      await api!.call('execution.saveTargets', { yearId, targets: bps.map((bp, i) => ({ quarter: i + 1, targetBp: bp! })) });
      message.success('季度进度目标已保存');
      await targets.reload();
      onSaved();
    } catch (err) {
      applyError(err, message.error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div data-testid="targets-editor">
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>季度累计进度目标</Typography.Text>
        {targets.data?.isDefault && <Tag>默认值</Tag>}
        <Typography.Text type="secondary">累计支出占调整后预算的百分比</Typography.Text>
      </Flex>
      <Flex gap={12} wrap align="start">
        {QUARTER_NAMES.map((name, i) => (
          <div key={name}>
            <Space.Compact>
              <Space.Addon>{name}</Space.Addon>
              <Input
                style={{ width: 90 }}
                value={texts[i]}
                disabled={readOnly}
                status={errors[i] ? 'error' : undefined}
                onChange={(e) => setTexts((prev) => prev.map((t, j) => (j === i ? e.target.value : t)))}
                data-testid={`target-q${i + 1}`}
              />
              <Space.Addon>%</Space.Addon>
            </Space.Compact>
          </div>
        ))}
        <Button type="primary" onClick={save} loading={saving} disabled={readOnly} data-testid="targets-save">
          保存目标
        </Button>
      </Flex>
      {errors.some((e) => e) && <Alert type="error" style={{ marginTop: 8 }} title={errors.filter(Boolean).join('；')} />}
      {targets.error && <Alert type="error" style={{ marginTop: 8 }} title={targets.error} />}
    </div>
  );
}
