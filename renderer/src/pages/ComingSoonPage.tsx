import { Result } from 'antd';

export function ComingSoonPage({ title, description }: { title: string; description: string }) {
  return <Result status="info" title={`${title}（建设中）`} subTitle={description} />;
}
