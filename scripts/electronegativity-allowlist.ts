import { CONTENT_SECURITY_POLICY } from '../electron/server/security-headers.ts';
import { secureWindowOptions } from '../electron/shell/window-options.ts';

// Electronegativity findings on electron/shell that were reviewed and accepted. Each entry says
// why. A HIGH finding is never accepted on words alone: its entry must carry a `verify` check that
// proves the finding wrong on the real code, and the gate fails if that check fails. Entries match
// on check id and file (relative to the scanned folder), not on line numbers, so edits elsewhere in
// a file do not churn this list; `verify` also looks at the flagged source line, so a new window
// created some other way in the same file is not covered by an old entry.

export interface AllowEntry {
  check: string;
  /** Path relative to the scanned folder, or 'N/A' for global checks. */
  file: string;
  why: string;
  /** Given the flagged source line ('' for global checks): null when the reason holds, else what no longer holds. */
  verify?: (sourceLine: string) => string | null;
}

const prefs = () => secureWindowOptions('/preload.cjs').webPreferences ?? {};

// The one BrowserWindow of the app is built from secureWindowOptions(); the scanner cannot follow
// the call, so it reports the options as missing.
const WINDOW_FROM_SECURE_OPTIONS = /new BrowserWindow\(secureWindowOptions\(/;
const fromSecureOptions = (line: string, ok: boolean, what: string) =>
  !WINDOW_FROM_SECURE_OPTIONS.test(line) ? `flagged line is not new BrowserWindow(secureWindowOptions(…)): ${line.trim()}` : ok ? null : what;

export const ELECTRONEGATIVITY_ALLOWLIST: AllowEntry[] = [
  {
    // The scanner only sees CSPs set in HTML or in onHeadersReceived literals. Ours is sent as a
    // response header on every app:// response (electron/server/security-headers.ts, main.ts).
    check: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    why: 'CSP is set as a response header by the app:// protocol handler from CONTENT_SECURITY_POLICY',
    verify: () =>
      ["default-src 'none'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"].every((d) => CONTENT_SECURITY_POLICY.includes(d)) &&
      !CONTENT_SECURITY_POLICY.includes('unsafe-eval')
        ? null
        : 'CONTENT_SECURITY_POLICY no longer has the strict script/object/frame directives',
  },
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main.ts',
    why: 'contextIsolation: true comes from secureWindowOptions() (window-options.ts)',
    verify: (line) => fromSecureOptions(line, prefs().contextIsolation === true, 'secureWindowOptions() no longer sets contextIsolation: true'),
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'main.ts',
    why: 'sandbox: true comes from secureWindowOptions() (window-options.ts)',
    verify: (line) =>
      fromSecureOptions(line, prefs().sandbox === true && prefs().nodeIntegration === false, 'secureWindowOptions() no longer sets sandbox: true, nodeIntegration: false'),
  },
  {
    // Middle-click (auxclick) would open a new window or navigate: main.ts denies every new window
    // (setWindowOpenHandler → deny) and every navigation away from app:// for all web contents.
    check: 'AUXCLICK_JS_CHECK',
    file: 'main.ts',
    why: 'new windows are denied and navigation is limited to app:// in the web-contents-created handler',
    verify: (line) => fromSecureOptions(line, true, ''),
  },
];
