import { describe, expect, it } from 'vitest';
import { setAuditActor } from '../../../electron/db/repositories/audit-repo.ts';
import { getSetting } from '../../../electron/db/repositories/settings-repo.ts';
import { backupPolicy } from '../../../electron/services/backup-service.ts';
import { SettingsSetInput, USER_SETTINGS } from '../../../shared/settings/user-settings.ts';
import { openTestApp } from '../temp-db.ts';

// settings.set writes only the user settings of the allow-list, and every change is audited.

const auditRows = (app: ReturnType<typeof openTestApp>) =>
  app.db.prepare("SELECT action, entity, entity_id, before_json, after_json, actor FROM audit_log WHERE entity = 'app_setting' ORDER BY id").all();

describe('settings through the API', () => {
  it('refuses internal keys and unknown keys with a Chinese message, writing nothing', async () => {
    const app = openTestApp();
    try {
      const policy = backupPolicy(app.db);
      for (const key of ['backup.policy', 'backup.keepBefore', 'report.selfName', 'anything', '']) {
        const r = await app.dispatch('settings.set', { key, value: { keepLast: 0, keepDays: 0, keepMonths: 0 } });
        expect(r.ok, key).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('VALIDATION');
          expect(r.error.message).toContain('不存在或不能在界面中修改');
        }
        const g = await app.dispatch('settings.get', { key });
        expect(g.ok, key).toBe(false);
      }
      expect(backupPolicy(app.db)).toEqual(policy);
      expect(getSetting(app.db, 'anything')).toBeNull();
      expect(auditRows(app)).toEqual([]);
    } finally {
      app.db.close();
    }
  });

  it('refuses a value of the wrong kind for a user setting', async () => {
    const app = openTestApp();
    try {
      const r = await app.dispatch('settings.set', { key: 'amountUnit', value: 'dollars' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('录入单位只能是“元”或“万元”');
      expect(getSetting(app.db, 'amountUnit')).toBeNull();
    } finally {
      app.db.close();
    }
  });

  it('writes a user setting and records each change with its old and new value', async () => {
    const app = openTestApp();
    try {
      expect(await app.dispatch('settings.set', { key: 'amountUnit', value: 'yuan' })).toEqual({ ok: true, data: { ok: true } });
      expect(await app.dispatch('settings.set', { key: 'amountUnit', value: 'yuan' })).toEqual({ ok: true, data: { ok: true } });
      expect(await app.dispatch('settings.set', { key: 'amountUnit', value: 'wan' })).toEqual({ ok: true, data: { ok: true } });
      expect(await app.dispatch('settings.get', { key: 'amountUnit' })).toEqual({ ok: true, data: 'wan' });
      expect(auditRows(app)).toMatchObject([
        { action: 'update', entity: 'app_setting', entity_id: 'amountUnit', before_json: 'null', after_json: '"yuan"' },
        { action: 'update', entity: 'app_setting', entity_id: 'amountUnit', before_json: '"yuan"', after_json: '"wan"' },
      ]);
    } finally {
      app.db.close();
    }
  });

  it('has one set-schema branch per allow-listed key', () => {
    for (const key of Object.keys(USER_SETTINGS)) {
      expect(SettingsSetInput.options.some((o) => o.shape.key.value === key), key).toBe(true);
    }
    expect(SettingsSetInput.options.length).toBe(Object.keys(USER_SETTINGS).length);
  });

  it('records changes under the 填报人 once one is set, else under the system account', async () => {
    const app = openTestApp();
    try {
      setAuditActor('clerkpc');
      await app.dispatch('settings.set', { key: 'amountUnit', value: 'yuan' });
      expect(await app.dispatch('settings.set', { key: 'preparerName', value: '  张三（财务科）  ' })).toEqual({ ok: true, data: { ok: true } });
      await app.dispatch('settings.set', { key: 'amountUnit', value: 'wan' });
      const actors = (app.db.prepare('SELECT actor FROM audit_log ORDER BY id').all() as Array<{ actor: string }>).map((r) => r.actor);
      // Setting the name is itself the first change recorded under it.
      expect(actors).toEqual(['系统账户 clerkpc', '张三（财务科）', '张三（财务科）']);
      const tooLong = await app.dispatch('settings.set', { key: 'preparerName', value: '名'.repeat(51) });
      expect(tooLong.ok).toBe(false);
      if (!tooLong.ok) expect(tooLong.error.message).toContain('填报人不能超过 50 个字');
    } finally {
      setAuditActor('');
      app.db.close();
    }
  });
});
