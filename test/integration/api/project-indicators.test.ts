import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import type { FrameworkDoc } from '../../../shared/scoring/framework-doc.ts';
import { openTestApp, tempPath } from '../temp-db.ts';

async function exampleApi() {
  const app = openTestApp();
  const api = createClient({ invoke: app.dispatch });
  await api.call('example.load', {});
  const [project] = await api.call('projects.list', { yearId: 1 });
  return { app, api, projectId: project!.id };
}

describe('project indicators', () => {
  it('saves, lists, validates, undoes and deletes a project’s 产出/效益/满意度 indicators', async () => {
    const { api, projectId } = await exampleApi();
    const saved = await api.call('projects.saveIndicator', {
      projectId,
      kind: 'output',
      name: '平台可用率',
      direction: 'higher',
      unit: '%',
      targetValue: '99',
      actualValue: '99.6',
    });
    // The example year ships its own project indicators; the new one is among them.
    expect(await api.call('projects.indicators', { yearId: 1 })).toContainEqual(saved);
    await expect(api.call('projects.saveIndicator', { ...saved, actualValue: '九十九' })).rejects.toThrow('实际完成值必须是数字');
    await api.call('projects.saveIndicator', { ...saved, actualValue: '98.2' });
    const [last] = await api.call('audit.history', { yearId: 1, entity: 'project_indicator', entityId: String(saved.id), limit: 1 });
    await api.call('audit.undo', { auditId: last!.id });
    expect((await api.call('projects.indicators', { yearId: 1 })).find((i) => i.id === saved.id)!.actualValue).toBe('99.6');
    await api.call('projects.deleteIndicator', { id: saved.id });
    expect((await api.call('projects.indicators', { yearId: 1 })).some((i) => i.id === saved.id)).toBe(false);
  });

  it('stores a 反向 (lower is better) indicator, refuses an unknown direction, and undoes a direction change', async () => {
    const { api, projectId } = await exampleApi();
    const base = { projectId, kind: 'output' as const, name: '工单办结时限', unit: '个工作日', targetValue: '15', actualValue: '12' };
    const saved = await api.call('projects.saveIndicator', { ...base, direction: 'lower' });
    expect(saved).toMatchObject({ direction: 'lower', targetValue: '15', actualValue: '12' });
    expect((await api.call('projects.indicators', { yearId: 1 })).find((i) => i.id === saved.id)!.direction).toBe('lower');

    const bad = { ...base, direction: 'down' } as unknown as Parameters<typeof api.call<'projects.saveIndicator'>>[1];
    await expect(api.call('projects.saveIndicator', bad)).rejects.toThrow('指标方向必须是“正向”（higher）或“反向”（lower）');
    const missing = { ...base } as unknown as Parameters<typeof api.call<'projects.saveIndicator'>>[1];
    await expect(api.call('projects.saveIndicator', missing)).rejects.toThrow('指标方向必须是');

    await api.call('projects.saveIndicator', { ...saved, direction: 'higher' });
    const [last] = await api.call('audit.history', { yearId: 1, entity: 'project_indicator', entityId: String(saved.id), limit: 1 });
    await api.call('audit.undo', { auditId: last!.id });
    expect((await api.call('projects.indicators', { yearId: 1 })).find((i) => i.id === saved.id)!.direction).toBe('lower');
  });

  it('undoes a change recorded before schema 4, whose snapshots have no direction, back to 正向', async () => {
    const { app, api, projectId } = await exampleApi();
    const saved = await api.call('projects.saveIndicator', {
      projectId,
      kind: 'output',
      name: '系统可用率',
      direction: 'higher',
      unit: '%',
      targetValue: '99',
      actualValue: '99.6',
    });
    const { direction: _, ...old } = saved;
    app.db
      .prepare("INSERT INTO audit_log (action, entity, entity_id, year_id, before_json, after_json) VALUES ('update', 'project_indicator', ?, 1, ?, ?)")
      .run(String(saved.id), JSON.stringify({ ...old, actualValue: '98' }), JSON.stringify(old));
    const [last] = await api.call('audit.history', { yearId: 1, entity: 'project_indicator', entityId: String(saved.id), limit: 1 });
    await api.call('audit.undo', { auditId: last!.id });
    expect((await api.call('projects.indicators', { yearId: 1 })).find((i) => i.id === saved.id)).toEqual({ ...saved, actualValue: '98' });
  });

  it('judges a 反向 indicator met at or below its target, in the score source and the report annex', async () => {
    const { api, projectId } = await exampleApi();
    // A framework that scores 项目绩效目标完成率 (5 分, 正向 to 100 %) from the projects' indicators.
    const sheet = await api.call('score.sheet', { yearId: 1 });
    const doc: FrameworkDoc = await api.call('framework.get', { frameworkId: sheet.frameworkId });
    const duties = doc.indicators[1]!.children![0]!;
    duties.children = [
      { ...duties.children![0]!, weight: duties.children![0]!.weight - 5 },
      { code: '2.1.9', name: '项目绩效目标完成率', weight: 5, rule: { type: 'positive', target: '100', unit: '%' }, valueSource: 'project_indicators' },
    ];
    await api.call('framework.saveYear', { yearId: 1, doc });
    const scored = async () => (await api.call('score.sheet', { yearId: 1 })).rows.find((r) => r.code === '2.1.9')!;
    // The example's five indicators (one of them 反向) all meet their targets.
    expect(await scored()).toMatchObject({ actualText: '100%', scoreCenti: 500 });

    // 12 working days against 15: missed as 正向 (5 of 6 met), met as 反向 (6 of 6).
    const added = await api.call('projects.saveIndicator', {
      projectId,
      kind: 'output',
      name: '工单办结时限',
      direction: 'higher',
      unit: '个工作日',
      targetValue: '15',
      actualValue: '12',
    });
    expect(await scored()).toMatchObject({ actualText: '83.33%', scoreCenti: 417 });
    await api.call('projects.saveIndicator', { ...added, direction: 'lower' });
    expect(await scored()).toMatchObject({ actualText: '100%', scoreCenti: 500 });
    // 18 days misses a ≤15 target.
    await api.call('projects.saveIndicator', { ...added, direction: 'lower', actualValue: '18' });
    expect(await scored()).toMatchObject({ actualText: '83.33%', scoreCenti: 417 });

    const pdf = await api.call('report.render', { yearId: 1, format: 'pdf' });
    const file = tempPath('annex.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const line = (name: string) => text.split('\n').find((l) => l.includes(name))!.replace(/\s+/g, ' ').trim();
    expect(line('工单办结时限')).toBe('产出指标 工单办结时限 个工作日 ≤15 18 80.00% 否');
    expect(line('平台故障平均修复时长')).toBe('产出指标 平台故障平均修复时长 小时 ≤4 2.5 100.00% 是');
    expect(line('热线工单按时办结率')).toBe('产出指标 热线工单按时办结率 % ≥95 98.6 103.79% 是');
    expect(line('项目绩效目标完成率')).toContain('83.33% 5/6 项');
  });
});
