import type { SettingsSetInput, UserSettingKey } from '../../shared/settings/user-settings.ts';
import type { Db } from '../db/open.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { getSetting, setSetting } from '../db/repositories/settings-repo.ts';
import { inTransaction } from './transaction.ts';

// User settings through the API: only the allow-listed keys (shared/settings/user-settings.ts),
// each change recorded in the audit log with its old and new value, in one transaction.

export function getUserSetting(db: Db, key: UserSettingKey): unknown {
  return getSetting(db, key);
}

export function setUserSetting(db: Db, input: SettingsSetInput): { ok: true } {
  inTransaction(db, () => {
    const before = getSetting(db, input.key);
    if (JSON.stringify(before) === JSON.stringify(input.value)) return;
    setSetting(db, input.key, input.value);
    writeAudit(db, { action: 'update', entity: 'app_setting', entityId: input.key, before, after: input.value });
  });
  return { ok: true };
}
