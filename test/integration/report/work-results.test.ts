import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { openTestApp, tempPath } from '../temp-db.ts';

async function exampleApp() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('example.load', {});
  return { app, api };
}

function pdfText(base64: string): string {
  const file = tempPath('r.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('主要工作情况及成效 generated from the key tasks', () => {
  it('offers each area’s text from its tasks and measures; saved, the report prints it with the figures and stays consistent', async () => {
    const { api } = await exampleApp();
    const drafts = await api.call('report.workResults', { yearId: 1 });
    expect(drafts.map((d) => d.title)).toEqual(['参谋辅政', '综合协调与城市运行', '专项工作']);
    const first = drafts[0]!;
    expect(first.generated).toMatch(/^我办围绕参谋辅政确定重点工作任务四项，均已完成。办文办会：收编号文件\{\{measure\.docs_received\}\}份，/);
    expect(first.summary).not.toBe(first.generated);
    for (const d of drafts) await api.call('work.saveArea', { id: d.areaId, yearId: 1, title: d.title, summary: d.generated });
    const preview = await api.call('report.preview', { yearId: 1 });
    expect(preview.findings).toEqual([]);
    expect(preview.unknownPlaceholders).toEqual([]);
    expect(preview.blockers).toEqual([]);
    const text = pdfText((await api.call('report.render', { yearId: 1, format: 'pdf' })).base64);
    expect(text).toContain('我办围绕参谋辅政确定重点工作任务四项，均已完成。办文办会：收编号文件21609份，发出文件1258份');
  });

  it('compares results with targets, and speaks as the department does (我局 for a 局)', async () => {
    const { api } = await exampleApp();
    const dept = (await api.call('setup.state', {})).department!;
    await api.call('department.save', { name: '某县财政局', code: dept.code, selfName: '' });
    const area = (await api.call('work.get', { yearId: 1 }))[1]!;
    const task = area.tasks[0]!;
    const m = task.measures[0]!;
    await api.call('work.saveMeasure', { ...m, targetValue: '4', actualValue: '5' });
    const draft = (await api.call('report.workResults', { yearId: 1 })).find((d) => d.areaId === area.id)!;
    expect(draft.generated.startsWith(`我局围绕${area.title}确定重点工作任务`)).toBe(true);
    expect(draft.generated).toContain(`${m.name}{{measure.${m.key}}}${m.unit}（目标{{measure.${m.key}.target}}${m.unit}），超额完成`);
    expect(draft.generated).toMatch(/设定目标值的一项指标达到目标。$/);
    // Saved with a second target elsewhere, the report's figures and the data still agree.
    const other = (await api.call('work.get', { yearId: 1 }))[0]!.tasks[0]!.measures[0]!;
    await api.call('work.saveMeasure', { ...other, targetValue: '20000' });
    for (const d of await api.call('report.workResults', { yearId: 1 })) await api.call('work.saveArea', { id: d.areaId, yearId: 1, title: d.title, summary: d.generated });
    expect((await api.call('report.preview', { yearId: 1 })).findings).toEqual([]);
  });
});
