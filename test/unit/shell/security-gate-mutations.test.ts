import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkShellStructure } from '../../../scripts/shell-structure-check.ts';

// Each insecure variant of the shell, made by editing a copy of electron/shell (and its CSP), must
// fail the structural checks that `npm run security:electron` runs beside Electronegativity.

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the shell and its CSP module, laid out as in the repository. */
function copyShell(): string {
  const root = mkdtempSync(join(tmpdir(), 'selfeval-shell-'));
  dirs.push(root);
  cpSync('electron/shell', join(root, 'shell'), { recursive: true });
  mkdirSync(join(root, 'server'));
  cpSync('electron/server/security-headers.ts', join(root, 'server', 'security-headers.ts'));
  return join(root, 'shell');
}

interface Mutation {
  name: string;
  file: string;
  from: string | RegExp;
  to: string;
  /** A word the failure message must contain. */
  expect: RegExp;
}

const MUTATIONS: Mutation[] = [
  { name: 'context isolation off', file: 'shell/window-options.ts', from: 'contextIsolation: true', to: 'contextIsolation: false', expect: /contextIsolation/ },
  { name: 'sandbox off', file: 'shell/window-options.ts', from: 'sandbox: true', to: 'sandbox: false', expect: /sandbox/ },
  { name: 'nodeIntegration on', file: 'shell/window-options.ts', from: 'nodeIntegration: false,', to: 'nodeIntegration: true,', expect: /nodeIntegration/ },
  { name: 'nodeIntegration option removed', file: 'shell/window-options.ts', from: /\n\s*nodeIntegration: false,/, to: '', expect: /nodeIntegration/ },
  { name: 'webSecurity off', file: 'shell/window-options.ts', from: 'webSecurity: true', to: 'webSecurity: false', expect: /webSecurity/ },
  { name: 'insecure content allowed', file: 'shell/window-options.ts', from: 'allowRunningInsecureContent: false', to: 'allowRunningInsecureContent: true', expect: /allowRunningInsecureContent/ },
  { name: 'devTools always on', file: 'shell/window-options.ts', from: 'devTools: opts.devTools ?? false', to: 'devTools: true', expect: /devTools/ },
  { name: 'no window-open handler', file: 'shell/main.ts', from: /\n\s*contents\.setWindowOpenHandler\([^\n]*\n/, to: '\n', expect: /setWindowOpenHandler/ },
  { name: 'window-open handler allows', file: 'shell/main.ts', from: "action: 'deny'", to: "action: 'allow'", expect: /setWindowOpenHandler/ },
  { name: 'no navigation guard', file: 'shell/main.ts', from: /contents\.on\('will-navigate', \(e, url\) => \{\n\s*if \(!isAppUrl\(url\)\) e\.preventDefault\(\);\n\s*\}\);/, to: '', expect: /will-navigate/ },
  { name: 'navigation guard that never prevents', file: 'shell/main.ts', from: /(will-navigate[^\n]*\n\s*)if \(!isAppUrl\(url\)\) e\.preventDefault\(\);/, to: '$1void url;', expect: /will-navigate/ },
  { name: 'no redirect guard', file: 'shell/main.ts', from: /contents\.on\('will-redirect', \(e, url\) => \{\n\s*if \(!isAppUrl\(url\)\) e\.preventDefault\(\);\n\s*\}\);/, to: '', expect: /will-redirect/ },
  { name: 'webview allowed', file: 'shell/main.ts', from: /\n\s*contents\.on\('will-attach-webview'[^\n]*\n/, to: '\n', expect: /will-attach-webview/ },
  { name: 'no permission request handler', file: 'shell/main.ts', from: /\n\s*ses\.setPermissionRequestHandler\([^\n]*\n/, to: '\n', expect: /setPermissionRequestHandler/ },
  { name: 'permission request granted', file: 'shell/main.ts', from: 'callback(false)', to: 'callback(true)', expect: /setPermissionRequestHandler/ },
  { name: 'no permission check handler', file: 'shell/main.ts', from: /\n\s*ses\.setPermissionCheckHandler\([^\n]*\n/, to: '\n', expect: /setPermissionCheckHandler/ },
  { name: 'remote page loaded', file: 'shell/main.ts', from: 'loadURL(APP_URL)', to: "loadURL('https://example.com/')", expect: /APP_URL/ },
  { name: 'dev hooks kept in a packaged app', file: 'shell/main.ts', from: /\nif \(app\.isPackaged\) dropDevHooks\(process\.env\);/, to: '', expect: /development hooks/ },
  {
    name: 'IPC sender not checked',
    file: 'shell/ipc.ts',
    from: /if \(!isTrustedSender\(event\)\) \{\n[^\n]*\n\s*\}/,
    to: '',
    expect: /isTrustedSender/,
  },
  { name: 'IPC sender check ignores sub-frames', file: 'shell/ipc.ts', from: ' && frame.parent === null', to: '', expect: /isTrustedSender/ },
  { name: 'IPC sender check accepts any URL', file: 'shell/ipc.ts', from: 'isAppUrl(frame.url)', to: 'frame.url.length > 0', expect: /isTrustedSender/ },
  { name: 'CSP allows inline script', file: 'server/security-headers.ts', from: `"script-src 'self'"`, to: `"script-src 'self' 'unsafe-inline'"`, expect: /script-src/ },
  { name: 'CSP allows eval', file: 'server/security-headers.ts', from: `"script-src 'self'"`, to: `"script-src 'self' 'unsafe-eval'"`, expect: /script-src/ },
  { name: 'CSP default opened up', file: 'server/security-headers.ts', from: `"default-src 'none'"`, to: `"default-src *"`, expect: /default-src/ },
  { name: 'CSP connects anywhere', file: 'server/security-headers.ts', from: `"connect-src 'self'"`, to: `"connect-src 'self' https:"`, expect: /connect-src/ },
  { name: 'CSP lets others frame the app', file: 'server/security-headers.ts', from: /\n\s*"frame-ancestors 'none'",/, to: '', expect: /frame-ancestors/ },
];

describe('Electron security gate: structural checks', () => {
  it('finds every guard in place in the real shell', () => {
    expect(checkShellStructure('electron/shell')).toEqual([]);
  });

  it('finds every guard in place in an unchanged copy (the copying itself breaks nothing)', () => {
    expect(checkShellStructure(copyShell())).toEqual([]);
  });

  for (const m of MUTATIONS) {
    it(`fails when the shell is changed: ${m.name}`, () => {
      const shellDir = copyShell();
      const target = join(shellDir, '..', m.file);
      const before = readFileSync(target, 'utf8');
      const after = before.replace(m.from, m.to);
      expect(after, `mutation "${m.name}" did not apply to ${m.file}`).not.toBe(before);
      writeFileSync(target, after);
      const failures = checkShellStructure(shellDir);
      expect(failures.length, `no structural check failed for "${m.name}"`).toBeGreaterThan(0);
      expect(failures.join('\n')).toMatch(m.expect);
    });
  }
});
