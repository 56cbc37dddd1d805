import { App as AntApp, Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { applyError } from '../components/apply-error.ts';

/** 填报人: the name every change is recorded under in the 修改记录 (instead of the PC's account). */
export function PreparerCard() {
  const { message } = AntApp.useApp();
  const [name, setName] = useState('');
  useEffect(() => {
    void api?.call('settings.get', { key: 'preparerName' }).then((v) => setName(typeof v === 'string' ? v : ''));
  }, []);
  const save = async () => {
    try {
      await api!.call('settings.set', { key: 'preparerName', value: name.trim() });
      message.success(name.trim() ? `已保存，之后的修改记为“${name.trim()}”` : '已清除，之后的修改记为本机系统账户');
    } catch (err) {
      applyError(err, message.error);
    }
  };
  return (
    <Card title="填报人" size="small">
      <Space>
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={50} placeholder="如：张三（财务科）" style={{ width: 240 }} data-testid="preparer-name" />
        <Button onClick={save} data-testid="preparer-save">
          保存
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        修改记录中的“修改人”记为此处填写的姓名；未填写时记为本机的系统账户名。
      </Typography.Paragraph>
    </Card>
  );
}
