import { z } from 'zod';

// The settings the renderer may read and write through the API. Everything else in app_setting
// (the backup policy, the keep-before mark, the report's own name…) is written only by its own
// service; `settings.set` with any other key is refused, so the window cannot rewrite internals.
// Adding a user setting means adding its key and value schema here.

export const USER_SETTINGS = {
  /** 元/万元 choice for typing amounts. */
  amountUnit: z.enum(['yuan', 'wan'], { error: '录入单位只能是“元”或“万元”' }),
  /** Who is entering the data: recorded as the 修改人 of every change (empty: the system account). */
  preparerName: z.string({ error: '填报人必须是文字' }).trim().max(50, { error: '填报人不能超过 50 个字' }),
} as const;

export type UserSettingKey = keyof typeof USER_SETTINGS;

const keys = Object.keys(USER_SETTINGS) as [UserSettingKey, ...UserSettingKey[]];

export const UserSettingKey = z.enum(keys, { error: (i) => `设置项“${String(i.input)}”不存在或不能在界面中修改` });

export const SettingsGetInput = z.object({ key: UserSettingKey }).strict();

const notUserSetting = (input: unknown) => `设置项“${String((input as { key?: unknown } | null)?.key ?? input ?? '')}”不存在或不能在界面中修改`;

// One branch per key of USER_SETTINGS (a test checks they match).
export const SettingsSetInput = z.discriminatedUnion(
  'key',
  [
    z.object({ key: z.literal('amountUnit'), value: USER_SETTINGS.amountUnit }).strict(),
    z.object({ key: z.literal('preparerName'), value: USER_SETTINGS.preparerName }).strict(),
  ],
  {
    error: (i) => notUserSetting(i.input),
  },
);
export type SettingsSetInput = z.infer<typeof SettingsSetInput>;
