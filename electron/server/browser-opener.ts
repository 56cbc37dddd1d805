// Whether browser mode can open the user's default browser, and with what. Windows and macOS
// always have a desktop; elsewhere only a DISPLAY (X11) or WAYLAND_DISPLAY does — on a server or
// in a container xdg-open would fail or start a text browser, so the address is printed instead.

export interface OpenerInput {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** `--no-open` was given. */
  noOpen: boolean;
}

export type OpenerDecision = { open: true; command: string; args: (file: string) => string[] } | { open: false; reason: string };

export function browserOpener({ platform, env, noOpen }: OpenerInput): OpenerDecision {
  if (noOpen) return { open: false, reason: '已指定 --no-open' };
  if (env.CI) return { open: false, reason: '在自动化环境（CI）中运行' };
  // explorer hands the page to the default browser without a console window or cmd's quoting.
  if (platform === 'win32') return { open: true, command: 'explorer', args: (file) => [file] };
  if (platform === 'darwin') return { open: true, command: 'open', args: (file) => [file] };
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { open: true, command: 'xdg-open', args: (file) => [file] };
  return { open: false, reason: '没有检测到图形桌面（DISPLAY、WAYLAND_DISPLAY 均未设置）' };
}
