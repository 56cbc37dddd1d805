import { Alert, Drawer, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import type { IndicatorDoc } from '../../../../shared/scoring/framework-doc.ts';
import { cleanRule, defaultRule } from '../../../../shared/scoring/framework-edit.ts';
import { isNumericRule, RULE_TYPE_LABELS, RULE_TYPES, type RuleSpec, type RuleType } from '../../../../shared/scoring/rule-spec.ts';
import { BandsEditor } from './BandsEditor.tsx';
import { VALUE_SOURCE_LABELS, VALUE_SOURCES, type ValueSource } from '../../../../shared/scoring/value-sources.ts';

// Edits one indicator of the draft in place: every change goes straight into the draft, so the
// live weight check and the 保存 button always see what is on screen.

const LEAF_RULES = RULE_TYPES.filter((t) => t !== 'none');

interface Props {
  item: IndicatorDoc | null;
  hasChildren: boolean;
  issues: string[];
  disabled: boolean;
  onChange(patch: Partial<IndicatorDoc>): void;
  onClose(): void;
}

/** The rule as a loose record, for the per-type parameter fields. */
type RuleFields = Record<string, string | undefined>;

export function IndicatorDrawer({ item, hasChildren, issues, disabled, onChange, onClose }: Props) {
  if (!item) return null;
  const rule: RuleSpec = item.rule ?? (hasChildren || item.selfScored === false ? { type: 'none' } : { type: 'manual' });
  const fields = rule as unknown as RuleFields;
  const setRule = (next: RuleSpec) => {
    const cleaned = cleanRule(next);
    onChange({ rule: cleaned, ...(isNumericRule(cleaned) ? {} : { valueSource: undefined }) });
  };
  const setParam = (key: string, value: string | undefined) => setRule({ ...rule, [key]: value } as RuleSpec);
  const text = (key: string, label: string, placeholder?: string) => (
    <Form.Item label={label} style={{ flex: 1 }}>
      <Input value={fields[key] ?? ''} placeholder={placeholder} disabled={disabled} onChange={(e) => setParam(key, e.target.value)} data-testid={`rule-${key}`} />
    </Form.Item>
  );
  return (
    <Drawer open title={`编辑指标：${item.code} ${item.name}`} onClose={onClose} size={560} destroyOnHidden>
      {issues.length > 0 && <Alert type="error" style={{ marginBottom: 12 }} message={issues.join('；')} />}
      <Form layout="vertical">
        <Flex gap={12}>
          <Form.Item label="编号" style={{ width: 140 }} extra="评分记录按编号对应">
            <Input value={item.code} disabled={disabled} onChange={(e) => onChange({ code: e.target.value })} />
          </Form.Item>
          <Form.Item label="指标名称" style={{ flex: 1 }}>
            <Input value={item.name} disabled={disabled} onChange={(e) => onChange({ name: e.target.value })} data-testid="indicator-name" />
          </Form.Item>
        </Flex>
        <Flex gap={12} align="end">
          <Form.Item label={hasChildren ? '满分（权重）' : '权重（分值）'} style={{ width: 160 }}>
            <InputNumber
              value={Number.isFinite(item.weight) ? item.weight : null}
              min={0}
              step={0.1}
              precision={2}
              disabled={disabled}
              onChange={(v) => onChange({ weight: v ?? Number.NaN })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label="属于自评范围">
            <Switch checked={item.selfScored !== false} disabled={disabled} onChange={(v) => onChange({ selfScored: v ? undefined : false })} />
          </Form.Item>
        </Flex>
        {hasChildren ? (
          <Form.Item label="满分时自评综述的说明（可选）" extra="本项得满分时，自评综述打印这句话，而不是逐项列出下级指标得分">
            <Input.TextArea
              value={rule.type === 'none' ? (rule.summaryWhenFull ?? '') : ''}
              autoSize={{ minRows: 2 }}
              maxLength={200}
              disabled={disabled}
              onChange={(e) => setRule({ type: 'none', summaryWhenFull: e.target.value })}
            />
          </Form.Item>
        ) : (
          <>
            <Flex gap={12}>
              <Form.Item label="计分方法" style={{ flex: 1 }}>
                <Select<RuleType>
                  value={rule.type}
                  disabled={disabled}
                  data-testid="rule-type"
                  options={LEAF_RULES.map((t) => ({ value: t, label: RULE_TYPE_LABELS[t] }))}
                  onChange={(t) => setRule(defaultRule(t, rule))}
                />
              </Form.Item>
              {isNumericRule(rule) && (
                <Form.Item label="取值来源" style={{ flex: 1 }}>
                  <Select<ValueSource>
                    value={item.valueSource ?? 'manual'}
                    disabled={disabled}
                    options={VALUE_SOURCES.map((s) => ({ value: s, label: VALUE_SOURCE_LABELS[s] }))}
                    onChange={(s) => onChange({ valueSource: s === 'manual' ? undefined : s })}
                  />
                </Form.Item>
              )}
            </Flex>
            {rule.type === 'bands' && (
              <>
                {text('unit', '单位', '%')}
                <BandsEditor bands={rule.bands} disabled={disabled} onChange={(bands) => setRule({ ...rule, bands })} />
              </>
            )}
            {isNumericRule(rule) && rule.type !== 'bands' && (
              <Flex gap={12}>
                {text('target', '目标值（年度填报可改）', '100')}
                {text('unit', '单位', '%')}
                {rule.type === 'reverse' && text('explainAbove', '超过此值须说明原因', '30')}
              </Flex>
            )}
            {rule.type === 'steps' && (
              <Flex gap={12}>
                <Form.Item label="扣分方向" style={{ flex: 1 }}>
                  <Select
                    value={rule.direction}
                    disabled={disabled}
                    options={[
                      { value: 'below', label: '低于目标时扣分' },
                      { value: 'above', label: '超过目标时扣分' },
                    ]}
                    onChange={(v) => setParam('direction', v)}
                  />
                </Form.Item>
                {text('step', '每档大小', '1')}
                {text('pointsPerStep', '每档扣分', '0.1')}
                <Form.Item label="计档方式" style={{ flex: 1 }}>
                  <Select
                    value={rule.counting}
                    disabled={disabled}
                    options={[
                      { value: 'proportional', label: '按比例' },
                      { value: 'whole', label: '只计整档' },
                    ]}
                    onChange={(v) => setParam('counting', v)}
                  />
                </Form.Item>
              </Flex>
            )}
            {rule.type === 'checklist' && (
              <>
                {text('question', '判断问题', '例如：是否按规定公开预决算信息？')}
                {text('failReason', '回答“否”时的扣分原因', '例如：未按规定公开预决算信息')}
              </>
            )}
            {rule.type === 'qualitative' && (
              <Typography.Paragraph type="secondary">
                填报时选择评价等级：达成年度指标（80%–100%）、部分达成（60%–80%）、未达成（0–60%），再在等级内给分。
              </Typography.Paragraph>
            )}
          </>
        )}
        <Form.Item label="指标解释">
          <Input.TextArea value={item.definition ?? ''} autoSize={{ minRows: 2 }} maxLength={2000} disabled={disabled} onChange={(e) => onChange({ definition: e.target.value || undefined })} />
        </Form.Item>
        <Form.Item label="评分标准">
          <Input.TextArea value={item.criteria ?? ''} autoSize={{ minRows: 2 }} maxLength={2000} disabled={disabled} onChange={(e) => onChange({ criteria: e.target.value || undefined })} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
