import { Alert, Button, Card, Collapse, Empty, Flex, Space, Tag, Typography } from 'antd';
import type { CheckRun, Finding, JumpTarget } from '../../../../shared/checks/schemas.ts';
import { formatWan } from '../../../../shared/money/fen.ts';
import { ExplanationEditor } from './ExplanationEditor.tsx';

interface Props {
  yearId: number;
  run: CheckRun | null;
  loading: boolean;
  error: string | null;
  readOnly: boolean;
  onRerun(): void;
  onChanged(): void;
  onJump(target: JumpTarget): void;
}

const SEVERITY = {
  mandatory: { color: 'red', label: '强制', hint: '必须改正数据后才能定稿' },
  advisory: { color: 'orange', label: '提示', hint: '请核实；确属正常的，填写出错说明后可定稿' },
} as const;

// A check with a handful of findings opens by itself; a long list stays folded under its title.
const OPEN_UP_TO = 5;

function groupByCheck(findings: Finding[]): Array<{ checkId: string; title: string; findings: Finding[] }> {
  const groups = new Map<string, { checkId: string; title: string; findings: Finding[] }>();
  for (const f of findings) {
    const g = groups.get(f.checkId) ?? { checkId: f.checkId, title: f.title, findings: [] };
    g.findings.push(f);
    groups.set(f.checkId, g);
  }
  return [...groups.values()];
}

function FindingItem({ f, yearId, readOnly, onChanged, onJump }: { f: Finding } & Omit<Props, 'run' | 'loading' | 'error' | 'onRerun'>) {
  return (
    <div
      className="finding"
      data-testid={`finding-${f.checkId}`}
      data-subject={f.subjectKey}
      style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <Flex gap={8} align="start" justify="space-between">
        <div style={{ flex: 1 }}>
          <div data-testid="finding-message">
            {f.message}
            {f.amountFen !== null && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                （{formatWan(f.amountFen)} 万元）
              </Typography.Text>
            )}
          </div>
        </div>
        <Button size="small" onClick={() => onJump(f.jump)} data-testid="finding-jump">
          {f.jump.kind === 'page' && f.jump.page === 'codes' ? '填写名称' : f.jump.kind === 'report' ? '去填写' : '定位'}
        </Button>
      </Flex>
      {f.severity === 'advisory' && (
        <div style={{ marginTop: 6 }}>
          <ExplanationEditor yearId={yearId} finding={f} readOnly={readOnly} onChanged={onChanged} />
        </div>
      )}
    </div>
  );
}

/** 审核 results: 强制 findings in red, 提示 findings in orange with their 出错说明. */
export function ChecksPanel(props: Props) {
  const { run, loading, error, onRerun } = props;
  const mandatory = run?.findings.filter((f) => f.severity === 'mandatory') ?? [];
  const advisory = run?.findings.filter((f) => f.severity === 'advisory') ?? [];
  const summary = run?.summary;
  return (
    <Card
      size="small"
      title="审核"
      data-testid="checks-panel"
      extra={
        <Space>
          {summary && (
            <>
              <Tag color={summary.mandatory > 0 ? 'red' : 'default'} data-testid="checks-mandatory-count">
                强制 {summary.mandatory}
              </Tag>
              <Tag color={summary.advisoryUnexplained > 0 ? 'orange' : 'default'} data-testid="checks-advisory-count">
                提示 {summary.advisory}（已说明 {summary.advisoryExplained}）
              </Tag>
              {summary.canFinalize ? <Tag color="green">可以定稿</Tag> : <Tag>暂不能定稿</Tag>}
            </>
          )}
          <Button size="small" onClick={onRerun} loading={loading} data-testid="checks-rerun">
            重新审核
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" title={error} style={{ marginBottom: 8 }} />}
      {run && run.findings.length === 0 && <Empty description="审核通过，没有发现问题" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {(['mandatory', 'advisory'] as const).map((sev) => {
        const list = sev === 'mandatory' ? mandatory : advisory;
        if (list.length === 0) return null;
        const groups = groupByCheck(list);
        return (
          <div key={sev} data-testid={`checks-${sev}`} style={{ marginBottom: 12 }}>
            <Typography.Paragraph type={sev === 'mandatory' ? 'danger' : 'warning'} strong style={{ marginBottom: 6 }}>
              {SEVERITY[sev].label}性审核（{list.length} 条）：{SEVERITY[sev].hint}
            </Typography.Paragraph>
            <Collapse
              size="small"
              defaultActiveKey={groups.filter((g) => sev === 'mandatory' || g.findings.length <= OPEN_UP_TO).map((g) => g.checkId)}
              items={groups.map((g) => {
                const unexplained = g.findings.filter((f) => f.explanation === null).length;
                return {
                  key: g.checkId,
                  label: (
                    <Space size={6} wrap>
                      <Tag color={SEVERITY[sev].color}>{SEVERITY[sev].label}</Tag>
                      <Typography.Text strong>{g.title}</Typography.Text>
                      <Typography.Text type="secondary">
                        {g.findings.length} 条{sev === 'advisory' && unexplained > 0 ? `，${unexplained} 条未填说明` : ''}
                      </Typography.Text>
                    </Space>
                  ),
                  children: g.findings.map((f) => <FindingItem key={`${f.checkId}|${f.subjectKey}`} f={f} {...props} />),
                };
              })}
            />
          </div>
        );
      })}
      {run && run.staleExplanations.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'stale',
              label: `已不再触发的出错说明（${run.staleExplanations.length} 条，报告中不列示）`,
              children: run.staleExplanations.map((e) => (
                <div key={`${e.checkId}|${e.subjectKey}`} style={{ opacity: 0.6, padding: '4px 0' }}>
                  <ExplanationEditor yearId={props.yearId} finding={e} readOnly={props.readOnly} onChanged={props.onChanged} />
                </div>
              )),
            },
          ]}
        />
      )}
    </Card>
  );
}
