import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  FileTextOutlined,
  ImportOutlined,
  ProfileOutlined,
  QuestionCircleOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  TagsOutlined,
  TableOutlined,
  WalletOutlined,
  ProjectOutlined,
} from '@ant-design/icons';
import { Alert, App as AntApp, Button, Layout, Menu, Result, Select, Space, Tag, Typography } from 'antd';
import { BackupIndicator } from './components/BackupIndicator.tsx';
import { cloneElement, type ReactElement, type ReactNode, useEffect, useState } from 'react';
import { YEAR_STATUS_LABELS } from '../../shared/domain/enums.ts';
import { api } from './api/client.ts';
import { BudgetPage } from './pages/budget/BudgetPage.tsx';
import { HelpPage } from './pages/HelpPage.tsx';
import { ExecutionPage } from './pages/execution/ExecutionPage.tsx';
import { LedgerPage } from './pages/ledger/LedgerPage.tsx';
import { ProcurementPage } from './pages/procurement/ProcurementPage.tsx';
import { ImportPage } from './pages/import/ImportPage.tsx';
import { CodesPage } from './pages/codes/CodesPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { ProjectEvalPage } from './pages/project-eval/ProjectEvalPage.tsx';
import { ReportPage } from './pages/ReportPage.tsx';
import { ScoringPage } from './pages/ScoringPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { NewYearModal, UnitsYearsPage } from './pages/UnitsYearsPage.tsx';
import { WorkPage } from './pages/WorkPage.tsx';
import { useDirtyGuard } from './state/dirty-guard.tsx';
import { useCurrentYear, useSession } from './state/session.tsx';

interface Route {
  key: string;
  label: string;
  icon: ReactElement<{ 'aria-hidden'?: boolean }>;
  render(): ReactNode;
}

const ROUTES: Route[] = [
  { key: 'units', label: '单位与年度', icon: <BankOutlined />, render: () => <UnitsYearsPage /> },
  { key: 'profile', label: '部门概况', icon: <ProfileOutlined />, render: () => <ProfilePage /> },
  { key: 'work', label: '年度工作', icon: <ScheduleOutlined />, render: () => <WorkPage /> },
  { key: 'budget', label: '预算', icon: <WalletOutlined />, render: () => <BudgetPage /> },
  {
    key: 'ledger',
    label: '支出明细',
    icon: <TableOutlined />,
    render: () => <LedgerPage />,
  },
  { key: 'procurement', label: '政府采购', icon: <ShoppingCartOutlined />, render: () => <ProcurementPage /> },
  { key: 'import', label: '导入数据', icon: <ImportOutlined />, render: () => <ImportPage /> },
  { key: 'codes', label: '科目代码', icon: <TagsOutlined />, render: () => <CodesPage /> },
  {
    key: 'execution',
    label: '预算执行',
    icon: <BarChartOutlined />,
    render: () => <ExecutionPage />,
  },
  {
    key: 'scoring',
    label: '绩效评分',
    icon: <AuditOutlined />,
    render: () => <ScoringPage />,
  },
  {
    key: 'project-eval',
    label: '项目自评',
    icon: <ProjectOutlined />,
    render: () => <ProjectEvalPage />,
  },
  {
    key: 'report',
    label: '报告',
    icon: <FileTextOutlined />,
    render: () => <ReportPage />,
  },
  {
    key: 'settings',
    label: '备份与设置',
    icon: <SettingOutlined />,
    render: () => <SettingsPage />,
  },
  { key: 'help', label: '使用说明', icon: <QuestionCircleOutlined />, render: () => <HelpPage /> },
];

function routeFromHash(): string {
  const key = window.location.hash.replace(/^#\/?/, '');
  return ROUTES.some((r) => r.key === key) ? key : 'units';
}

function YearSwitcher() {
  const { setup, yearId, setYearId } = useSession();
  const year = useCurrentYear();
  const [open, setOpen] = useState(false);
  if (!setup?.department) return null;
  return (
    <Space>
      <Typography.Text style={{ color: '#fff' }}>年度</Typography.Text>
      <Select
        style={{ width: 120 }}
        value={yearId ?? undefined}
        placeholder="无年度"
        onChange={(v) => setYearId(v)}
        options={setup.years.map((y) => ({ value: y.id, label: `${y.year} 年` }))}
        data-testid="year-switcher"
      />
      {year && <Tag color={year.status === 'final' ? 'red' : 'default'}>{YEAR_STATUS_LABELS[year.status]}</Tag>}
      <Button size="small" onClick={() => setOpen(true)}>
        新建年度
      </Button>
      <NewYearModal open={open} onClose={() => setOpen(false)} />
    </Space>
  );
}

export function App() {
  const [route, setRoute] = useState(routeFromHash);
  const { setup, error } = useSession();
  const guard = useDirtyGuard();
  const { modal } = AntApp.useApp();

  useEffect(() => {
    const onHash = () => setRoute(routeFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (!api) {
    return (
      <Result
        status="warning"
        title="缺少访问令牌"
        subTitle="请使用程序启动时在命令行中显示的完整地址（含 #token=…）打开本页面。"
      />
    );
  }

  const go = (key: string) => {
    if (key === route) return;
    const navigate = () => {
      window.location.hash = `#/${key}`;
    };
    if (guard.isDirty()) {
      modal.confirm({
        title: '有未保存的修改',
        content: '离开本页将丢弃尚未保存的修改。确定离开吗？',
        okText: '离开',
        cancelText: '留在本页',
        onOk: navigate,
      });
    } else navigate();
  };

  const current = ROUTES.find((r) => r.key === route)!;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 20px' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          部门整体支出绩效自评{setup?.department ? ` · ${setup.department.name}` : ''}
        </Typography.Text>
        <Space>
          <BackupIndicator />
          <YearSwitcher />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[route]}
            onClick={(e) => go(e.key)}
            // Icons are decoration: hidden from assistive technology, so an item is named by its label alone.
            items={ROUTES.map((r) => ({ key: r.key, icon: cloneElement(r.icon, { 'aria-hidden': true }), label: r.label }))}
            style={{ height: '100%' }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20 }} data-testid={`page-${current.key}`}>
          {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
          {current.render()}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
