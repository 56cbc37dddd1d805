import { describe, expect, it } from 'vitest';
import { browserOpener } from '../../../electron/server/browser-opener.ts';

const decide = (platform: NodeJS.Platform, env: Record<string, string> = {}, noOpen = false) => {
  const d = browserOpener({ platform, env, noOpen });
  return d.open ? [d.command, ...d.args('/tmp/launch.html')] : d.reason;
};

describe('browser mode opens the default browser where a desktop exists', () => {
  it.each([
    ['win32', {}, ['explorer', '/tmp/launch.html']],
    ['darwin', {}, ['open', '/tmp/launch.html']],
    ['linux', { DISPLAY: ':0' }, ['xdg-open', '/tmp/launch.html']],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, ['xdg-open', '/tmp/launch.html']],
    ['freebsd', { DISPLAY: ':1' }, ['xdg-open', '/tmp/launch.html']],
  ] as const)('%s %j → %j', (platform, env, expected) => {
    expect(decide(platform, env)).toEqual(expected);
  });

  it('prints the address instead on a machine without a desktop, in CI, or when told not to', () => {
    expect(decide('linux')).toBe('没有检测到图形桌面（DISPLAY、WAYLAND_DISPLAY 均未设置）');
    expect(decide('linux', { DISPLAY: '' })).toBe('没有检测到图形桌面（DISPLAY、WAYLAND_DISPLAY 均未设置）');
    expect(decide('win32', { CI: 'true' })).toBe('在自动化环境（CI）中运行');
    expect(decide('darwin', {}, true)).toBe('已指定 --no-open');
  });
});
