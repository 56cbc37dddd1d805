import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Space, Steps, Typography } from 'antd';
import type { ImportTarget } from '../../../shared/import/fields.ts';
import { api } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { applyError } from '../components/apply-error.ts';
import { saveFile } from '../components/rendered-file.ts';

// The order a finance section works through a year, each step naming the page it happens on.
const STEPS: Array<{ title: string; description: string }> = [
  { title: '单位与年度', description: '填写部门名称、所属单位（本级及下属单位）和负责人、填报人，新建要自评的年度。' },
  { title: '部门概况', description: '填写部门职责、内设机构、人员编制和年度总体目标，报告第一部分由此生成。' },
  { title: '年度工作', description: '按工作领域列出重点工作任务，给每项成果指标填写目标值和实际完成值。' },
  { title: '预算', description: '录入或导入预算指标：年初预算、年内调整，可从上年复制。' },
  { title: '导入数据 / 支出明细', description: '导入银行流水或财务系统导出的明细账，也可逐笔录入；支出与收入分开合计。' },
  { title: '政府采购', description: '逐项或按合计填写政府采购预算和实际采购金额，政府采购执行率由此计算。' },
  { title: '预算执行', description: '查看预算与支出对比、执行进度，运行审核，对提示性问题填写出错说明。' },
  { title: '绩效评分', description: '逐项填报指标得分；低于满分的须填写扣分原因。计算类指标自动得分。' },
  { title: '报告', description: '编辑各部分文字，预览并导出 PDF、Excel、Word；审核无强制问题后定稿、打印、签章。' },
  { title: '备份与设置', description: '程序每天和每次导入前自动备份，也可手动备份或从备份恢复；可查看和撤销修改记录。' },
];

const TEMPLATES: Array<{ target: ImportTarget | 'procurement'; label: string; hint: string }> = [
  { target: 'budget', label: '预算指标导入模板', hint: '每行一条预算指标；金额单位为元。填好后在“导入数据”中选择“预算指标”导入。' },
  { target: 'ledger', label: '收支明细导入模板', hint: '每行一笔收支；支出和收入分两列，单位为元。填好后在“导入数据”中选择“收支明细”导入。' },
  { target: 'procurement', label: '政府采购导入模板', hint: '每行一个采购项目：名称、类别、政府采购预算和实际采购金额，单位为元。填好后在“政府采购”页点“从表格导入”。' },
];

/** 使用说明: the year's work in order, blank import templates, and where the data lives. */
export function HelpPage() {
  const { message } = AntApp.useApp();
  const info = useQuery('app.info', {});
  const download = async (target: ImportTarget | 'procurement') => {
    try {
      saveFile(await api!.call('import.template', { target }));
    } catch (err) {
      applyError(err, message.error);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        使用说明
      </Typography.Title>
      <Card size="small" title="一年的工作顺序">
        <Steps direction="vertical" size="small" current={-1} items={STEPS.map((s) => ({ ...s, status: 'wait' as const }))} />
      </Card>
      <Card size="small" title="导入模板（空白 Excel，填好后直接导入，无需选择列）">
        <Space direction="vertical">
          {TEMPLATES.map((t) => (
            <Space key={t.target} align="start">
              <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void download(t.target)} data-testid={`template-${t.target}`}>
                {t.label}
              </Button>
              <Typography.Text type="secondary">{t.hint}</Typography.Text>
            </Space>
          ))}
          <Typography.Text type="secondary">其他格式的银行流水和财务系统导出表也可直接导入，导入时会识别表头并让您核对各列的含义。</Typography.Text>
        </Space>
      </Card>
      <Card size="small" title="数据保存在哪里">
        <Typography.Paragraph style={{ margin: 0 }}>
          全部数据保存在本机的一个数据文件中，不需要联网：
          <Typography.Text code data-testid="help-data-file">
            {info.data?.dataFile ?? '正在读取…'}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          卸载或升级程序不会删除它。备份保存在数据文件旁的 backups 文件夹中，可在“备份与设置”中查看和恢复。
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
