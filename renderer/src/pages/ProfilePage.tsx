import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { organizationSentence } from '../../../shared/domain/organization-text.ts';
import type { Profile } from '../../../shared/domain/profile.ts';
import { api } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { applyError } from '../components/apply-error.ts';
import { useDirtyFlag } from '../state/dirty-guard.tsx';
import { useCurrentYear, useSession } from '../state/session.tsx';

type FormValues = Omit<Profile, 'yearId'>;

export function ProfilePage() {
  const year = useCurrentYear();
  const { setup } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const profile = useQuery('profile.get', year ? { yearId: year.id } : null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  useDirtyFlag('profile', dirty);
  const offices = Form.useWatch('internalOffices', form) ?? [];

  useEffect(() => {
    if (!profile.data) return;
    const { yearId: _y, ...values } = profile.data;
    form.resetFields();
    form.setFieldsValue(values);
    setDirty(false);
  }, [profile.data, form]);

  if (!year) return <Alert type="info" message="请先在“单位与年度”页创建或选择一个年度。" />;

  const save = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      message.error('有未填写完整的内容，请按红色提示修改后再保存。');
      return;
    }
    setSaving(true);
    try {
      const saved = await api!.call('profile.save', {
        yearId: year.id,
        duties: (v.duties ?? []).map((d) => d.trim()).filter(Boolean),
        internalOffices: (v.internalOffices ?? []).map((d) => d.trim()).filter(Boolean),
        staffAuthorized: v.staffAuthorized ?? null,
        staffActual: v.staffActual ?? null,
        overallGoal: v.overallGoal ?? '',
      });
      const { yearId: _y, ...values } = saved;
      form.setFieldsValue(values);
      setDirty(false);
      message.success('部门概况已保存');
    } catch (err) {
      applyError(err, message.error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onValuesChange={() => setDirty(true)} disabled={year.status === 'final'}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {year.year} 年度部门概况
          </Typography.Title>
          <Space>
            {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
            <Button type="primary" onClick={save} loading={saving} data-testid="profile-save">
              保存
            </Button>
          </Space>
        </Flex>
        {profile.error && <Alert type="error" message={profile.error} />}
        <Card title="1. 部门主要职责" size="small">
          <Form.List name="duties">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Typography.Text style={{ width: 36, paddingTop: 6 }}>（{i + 1}）</Typography.Text>
                    <Form.Item name={field.name} style={{ flex: 1, marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: '职责内容不能为空，不需要请删除此条' }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid={`duty-${i}`} />
                    </Form.Item>
                    <MinusCircleOutlined style={{ paddingTop: 8 }} onClick={() => remove(field.name)} aria-label="删除此条职责" />
                  </Flex>
                ))}
                <Button type="dashed" onClick={() => add('')} icon={<PlusOutlined />} data-testid="duty-add">
                  增加一条职责
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title="2. 机构设置" size="small">
          <Form.Item label="内设科室（按顺序）">
            <Form.List name="internalOffices">
              {(fields, { add, remove }) => (
                <Flex wrap gap={8}>
                  {fields.map((field, i) => (
                    <Space.Compact key={field.key}>
                      <Form.Item name={field.name} noStyle rules={[{ required: true, whitespace: true, message: '科室名称不能为空' }]}>
                        <Input style={{ width: 180 }} data-testid={`office-${i}`} />
                      </Form.Item>
                      <Button onClick={() => remove(field.name)} aria-label="删除科室">
                        ×
                      </Button>
                    </Space.Compact>
                  ))}
                  <Button type="dashed" onClick={() => add('')} icon={<PlusOutlined />} data-testid="office-add">
                    增加科室
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Flex gap={24}>
            <Form.Item name="staffAuthorized" label="编制人数">
              <InputNumber min={0} precision={0} style={{ width: 140 }} data-testid="staff-authorized" />
            </Form.Item>
            <Form.Item name="staffActual" label="实有人数">
              <InputNumber min={0} precision={0} style={{ width: 140 }} />
            </Form.Item>
          </Flex>
          <Typography.Paragraph type="secondary" data-testid="org-sentence">
            报告中将写作：
            {organizationSentence(setup?.department?.name ?? '', setup?.units ?? [], offices.filter((o): o is string => Boolean(o?.trim())))}
          </Typography.Paragraph>
        </Card>
        <Card title="年度总体工作目标" size="small">
          <Form.Item name="overallGoal">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount data-testid="overall-goal" />
          </Form.Item>
        </Card>
      </Space>
    </Form>
  );
}
