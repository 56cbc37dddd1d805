import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { openTestApp } from '../temp-db.ts';

describe('project indicators', () => {
  it('saves, lists, validates, undoes and deletes a project’s 产出/效益/满意度 indicators', async () => {
    const app = openTestApp();
    const api = createClient({ invoke: app.dispatch });
    await api.call('example.load', {});
    const [project] = await api.call('projects.list', { yearId: 1 });
    const saved = await api.call('projects.saveIndicator', {
      projectId: project!.id,
      kind: 'output',
      name: '平台可用率',
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
});
