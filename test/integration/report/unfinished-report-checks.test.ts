import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { openTestApp } from '../temp-db.ts';

async function exampleApp() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('example.load', {});
  return { app, api };
}

describe('审核 findings for an unfinished report', () => {
  it('the example year as loaded has none open: its sections are written and its untargeted key tasks are explained', async () => {
    const { api } = await exampleApp();
    const run = await api.call('checks.run', { yearId: 1 });
    expect(run.findings.filter((f) => f.checkId === 'report.unwritten')).toEqual([]);
    const untargeted = run.findings.filter((f) => f.checkId === 'scoring.untargeted-full');
    expect(untargeted).toHaveLength(1);
    expect(untargeted[0]).toMatchObject({ severity: 'advisory', jump: { kind: 'work' } });
    expect(untargeted[0]!.message).toMatch(/^指标“2\.1\.1 重点工作任务完成率”得满分 30 分，但“办文办会”、“督查督办”、“综合文稿”等 \d+ 项工作任务（共 \d+ 项）未设目标值/);
    expect(untargeted[0]!.explanation).not.toBeNull();
    expect(run.summary.canFinalize).toBe(true);
  });

  it('an empty narrative section is one 强制 finding each, leading to that section on the report page; filled, it is gone', async () => {
    const { api } = await exampleApp();
    await api.call('report.saveSection', { yearId: 1, key: 'problems', body: '  ' });
    await api.call('report.saveSection', { yearId: 1, key: 'improvements', body: '' });
    const outline = (await api.call('outline.get', { yearId: 1 })).doc;
    // An own section left empty counts; an optional one (无内容时省略) does not.
    outline.sections.push({ heading: '其他需要说明的情况', content: [{ text: '' }] });
    outline.sections.push({ heading: '附注', omitWhenEmpty: true, content: [{ text: '' }] });
    await api.call('outline.save', { yearId: 1, doc: outline });
    const run = await api.call('checks.run', { yearId: 1 });
    const unwritten = run.findings.filter((f) => f.checkId === 'report.unwritten');
    expect(unwritten.map((f) => [f.severity, f.message, f.jump])).toEqual([
      ['mandatory', '报告“存在的主要问题”尚未填写。请在“报告”页填写这一部分后再定稿。', { kind: 'report', section: 'problems' }],
      ['mandatory', '报告“下一步改进措施”尚未填写。请在“报告”页填写这一部分后再定稿。', { kind: 'report', section: 'improvements' }],
      ['mandatory', '报告“其他需要说明的情况”尚未填写。请在“报告”页填写这一部分后再定稿。', { kind: 'report', section: 'outline' }],
    ]);
    expect(run.summary.canFinalize).toBe(false);
    await api.call('report.saveSection', { yearId: 1, key: 'problems', body: '部分项目支出进度偏慢。' });
    const after = await api.call('checks.run', { yearId: 1 });
    expect(after.findings.filter((f) => f.checkId === 'report.unwritten')).toHaveLength(2);
  });

  it('full marks on the key-task indicator with untargeted tasks is a 提示; once every task has a target it is gone', async () => {
    const { api } = await exampleApp();
    const areas = await api.call('work.get', { yearId: 1 });
    const tasks = areas.flatMap((a) => a.tasks);
    for (const t of tasks.slice(0, -1)) {
      const m = t.measures[0]!;
      await api.call('work.saveMeasure', { ...m, targetValue: m.actualValue });
    }
    const one = (await api.call('checks.run', { yearId: 1 })).findings.find((f) => f.checkId === 'scoring.untargeted-full')!;
    expect(one.message).toContain(`但“${tasks.at(-1)!.title}” 1 项工作任务（共 ${tasks.length} 项）未设目标值`);
    const last = tasks.at(-1)!;
    await api.call('work.saveMeasure', { ...last.measures[0]!, targetValue: last.measures[0]!.actualValue });
    expect((await api.call('checks.run', { yearId: 1 })).findings.filter((f) => f.checkId === 'scoring.untargeted-full')).toEqual([]);
  });
});
