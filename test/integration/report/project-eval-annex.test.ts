import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { buildReportInput } from '../../../electron/services/report-service.ts';
import { buildReportModel } from '../../../shared/report/build-report-model.ts';
import { formatCellText } from '../../../shared/report/table-model.ts';
import { openTestApp, tempPath } from '../temp-db.ts';

async function exampleApp() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('example.load', {});
  const projects = await api.call('projects.list', { yearId: 1 });
  const projectId = (name: string) => projects.find((p) => p.name === name)!.id;
  return { app, api, projectId };
}

function pdfText(base64: string): string {
  const file = tempPath('r.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('项目绩效指标 annex: 定性 indicators', () => {
  it('prints a graded 定性 indicator with its grade (not 未填报), an ungraded one as 未填报', async () => {
    const { app, api, projectId } = await exampleApp();
    const platform = projectId('城市运行指挥平台运行维护');
    // Nothing else in the example's PDF says 部分完成.
    expect(pdfText((await api.call('report.render', { yearId: 1, format: 'pdf' })).base64)).not.toContain('部分完成');
    const base = { projectId: platform, unit: '', targetValue: null, actualValue: null, direction: 'higher' as const, nature: 'qualitative' as const };
    await api.call('projects.saveIndicator', { ...base, kind: 'satisfaction', name: '使用部门满意度', targetText: '使用部门总体满意', grade: 'partial' });
    await api.call('projects.saveIndicator', { ...base, kind: 'outcome', name: '协同效率', targetText: '跨部门协同效率提升' });
    const model = buildReportModel(buildReportInput(app.db, 1));
    const annex = model.blocks.find((b) => b.kind === 'annex' && b.key === 'project_indicator_table');
    if (annex?.kind !== 'annex') throw new Error('项目绩效指标 annex missing');
    const rows = annex.table.rows.map((r) => r.cells.map(formatCellText).join('|'));
    expect(rows).toContain('满意度指标|使用部门满意度||使用部门总体满意|部分达成年度指标并具有一定效果|—|部分完成');
    expect(rows).toContain('效益指标|协同效率||跨部门协同效率提升|—|—|未填报');
    const text = pdfText((await api.call('report.render', { yearId: 1, format: 'pdf' })).base64);
    expect(text).toContain('部分完成');
    expect(text).toContain('使用部门满意度');
  });
});
