import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OWNER_FILE_MODE } from '../db/owner-only.ts';

// The browser is opened on a page only this user can read, which forwards to the tokened address.
// The token never appears on a command line (any local account can list those) nor in a child's
// environment: the opener gets the page's path. mkdtemp makes the folder 0700.

export interface LaunchPage {
  /** The page's file:// address (holds no token). */
  url: string;
  file: string;
  remove(): void;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function writeLaunchPage(appUrl: string, parent = tmpdir()): LaunchPage {
  const dir = mkdtempSync(join(parent, 'selfeval-launch-'));
  const file = join(dir, 'open-selfeval.html');
  const target = escapeHtml(appUrl);
  writeFileSync(
    file,
    [
      '<!doctype html>',
      '<html lang="zh-CN"><head><meta charset="utf-8">',
      '<meta name="referrer" content="no-referrer">',
      `<meta http-equiv="refresh" content="0;url=${target}">`,
      '<title>部门整体支出绩效自评</title></head>',
      `<body><p>正在打开部门整体支出绩效自评……如果没有自动跳转，请<a href="${target}">点此打开</a>。</p></body></html>`,
      '',
    ].join('\n'),
    { mode: OWNER_FILE_MODE, flag: 'wx' },
  );
  return {
    url: pathToFileURL(file).href,
    file,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
