import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

// Structural checks of the Electron shell's guards, read from the source itself. Electronegativity
// cannot follow secureWindowOptions() into another file and does not look for the window-open,
// navigation, permission or IPC-sender guards at all, so removing any of them passed its gate. Each
// check here names the guard it found missing; the gate fails on any of them.

interface Source {
  file: string;
  sf: ts.SourceFile;
}

function load(file: string): Source | string {
  try {
    return { file, sf: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true) };
  } catch (err) {
    return `cannot read ${file}: ${(err as Error).message}`;
  }
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

function findAll<T extends ts.Node>(root: ts.Node, test: (n: ts.Node) => n is T): T[] {
  const out: T[] = [];
  walk(root, (n) => {
    if (test(n)) out.push(n);
  });
  return out;
}

const propName = (n: ts.ObjectLiteralElementLike): string | null =>
  n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) ? n.name.text : null;

/** Calls `<anything>.name(...)`. */
function methodCalls(root: ts.Node, name: string): ts.CallExpression[] {
  return findAll(root, ts.isCallExpression).filter((c) => ts.isPropertyAccessExpression(c.expression) && c.expression.name.text === name);
}

/** `x.on('event', handler)` calls for one event name. */
function eventHandlers(root: ts.Node, event: string): ts.Expression[] {
  return methodCalls(root, 'on')
    .filter((c) => c.arguments[0] && ts.isStringLiteral(c.arguments[0]) && c.arguments[0].text === event)
    .map((c) => c.arguments[1])
    .filter((a): a is ts.Expression => a !== undefined);
}

const isFunction = (n: ts.Node): n is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(n) || ts.isFunctionExpression(n);

/** Whether the handler calls its first parameter's preventDefault() (unconditionally or behind a check). */
function callsPreventDefault(handler: ts.Expression): boolean {
  if (!isFunction(handler)) return false;
  const first = handler.parameters[0]?.name;
  if (!first || !ts.isIdentifier(first)) return false;
  return methodCalls(handler.body, 'preventDefault').some(
    (c) => ts.isPropertyAccessExpression(c.expression) && ts.isIdentifier(c.expression.expression) && c.expression.expression.text === first.text,
  );
}

/** The literal true/false a property is set to in the object literal named `webPreferences`, or undefined. */
function webPreference(src: Source, key: string): string | undefined {
  const prefs = findAll(src.sf, ts.isPropertyAssignment).find((p) => propName(p) === 'webPreferences');
  if (!prefs || !ts.isObjectLiteralExpression(prefs.initializer)) return undefined;
  const prop = prefs.initializer.properties.find((p) => propName(p) === key);
  if (!prop || !ts.isPropertyAssignment(prop)) return undefined;
  return prop.initializer.getText(src.sf);
}

function checkWindowOptions(src: Source): string[] {
  const failures: string[] = [];
  const required: Array<[string, string]> = [
    ['contextIsolation', 'true'],
    ['sandbox', 'true'],
    ['nodeIntegration', 'false'],
    ['nodeIntegrationInWorker', 'false'],
    ['nodeIntegrationInSubFrames', 'false'],
    ['webSecurity', 'true'],
    ['allowRunningInsecureContent', 'false'],
    ['experimentalFeatures', 'false'],
    ['webviewTag', 'false'],
  ];
  for (const [key, value] of required) {
    const got = webPreference(src, key);
    if (got !== value) failures.push(`${src.file}: webPreferences.${key} must be ${value} (found ${got ?? 'nothing'})`);
  }
  const devTools = webPreference(src, 'devTools');
  if (devTools === 'true') failures.push(`${src.file}: webPreferences.devTools must not be always on`);
  return failures;
}

function checkMain(src: Source): string[] {
  const failures: string[] = [];
  const openHandlers = methodCalls(src.sf, 'setWindowOpenHandler');
  const denies = (c: ts.CallExpression) => {
    const text = c.arguments[0]?.getText(src.sf) ?? '';
    return /action\s*:\s*['"]deny['"]/.test(text) && !/['"]allow['"]/.test(text);
  };
  if (openHandlers.length === 0 || !openHandlers.every(denies)) failures.push(`${src.file}: no setWindowOpenHandler that denies every new window`);
  for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
    const handlers = eventHandlers(src.sf, event);
    if (handlers.length === 0 || !handlers.every(callsPreventDefault)) failures.push(`${src.file}: no '${event}' guard calling preventDefault()`);
    // Navigation may stay inside the app; anything else must be judged by isAppUrl (parsed, not a prefix test).
    const judged = (h: ts.Expression) => event === 'will-attach-webview' || /isAppUrl\(/.test(h.getText(src.sf));
    if (!handlers.every(judged)) failures.push(`${src.file}: '${event}' guard does not judge the URL with isAppUrl()`);
  }
  // Both must be registered inside the web-contents-created handler so every webContents gets them.
  const created = eventHandlers(src.sf, 'web-contents-created');
  if (!created.some((h) => methodCalls(h, 'setWindowOpenHandler').length > 0)) failures.push(`${src.file}: setWindowOpenHandler is not registered in 'web-contents-created'`);
  for (const ev of ['will-navigate', 'will-redirect']) {
    if (!created.some((h) => eventHandlers(h, ev).length > 0)) failures.push(`${src.file}: '${ev}' guard is not registered in 'web-contents-created'`);
  }

  const request = methodCalls(src.sf, 'setPermissionRequestHandler');
  const deniesRequest = (c: ts.CallExpression) => {
    const h = c.arguments[0];
    if (!h || !isFunction(h)) return false;
    const cb = h.parameters[2]?.name;
    if (!cb || !ts.isIdentifier(cb)) return false;
    const calls = findAll(h.body, ts.isCallExpression).filter((x) => ts.isIdentifier(x.expression) && x.expression.text === cb.text);
    return calls.length > 0 && calls.every((x) => x.arguments[0]?.kind === ts.SyntaxKind.FalseKeyword);
  };
  if (request.length === 0 || !request.every(deniesRequest)) failures.push(`${src.file}: no setPermissionRequestHandler that answers callback(false)`);
  const check = methodCalls(src.sf, 'setPermissionCheckHandler');
  const deniesCheck = (c: ts.CallExpression) => {
    const h = c.arguments[0];
    return !!h && isFunction(h) && h.body.kind === ts.SyntaxKind.FalseKeyword;
  };
  if (check.length === 0 || !check.every(deniesCheck)) failures.push(`${src.file}: no setPermissionCheckHandler returning false`);

  const drops = findAll(src.sf, ts.isIfStatement).some(
    (i) => i.expression.getText(src.sf) === 'app.isPackaged' && /^\{?\s*dropDevHooks\(process\.env\);?\s*\}?$/.test(i.thenStatement.getText(src.sf)) && i.parent === src.sf,
  );
  if (!drops) failures.push(`${src.file}: development hooks are not dropped at top level when app.isPackaged`);

  const load = methodCalls(src.sf, 'loadURL');
  if (load.some((c) => !/^APP_URL$/.test(c.arguments[0]?.getText(src.sf) ?? ''))) failures.push(`${src.file}: a window loads something other than APP_URL`);
  if (methodCalls(src.sf, 'loadFile').length > 0) failures.push(`${src.file}: a window loads a file:// page`);
  return failures;
}

/** The sender check must be the first statement of every IPC handler and must test the frame. */
function checkIpc(src: Source): string[] {
  const failures: string[] = [];
  const fn = findAll(src.sf, ts.isFunctionDeclaration).find((f) => f.name?.text === 'isTrustedSender');
  const body = fn?.body?.getText(src.sf).replace(/\s+/g, ' ') ?? '';
  if (!/isAppUrl\(frame\.url\)/.test(body) || !/frame\.parent === null/.test(body) || !/frame !== null/.test(body)) {
    failures.push(`${src.file}: isTrustedSender no longer checks the top-level frame's URL against the app origin`);
  }
  const handlers = [...methodCalls(src.sf, 'handle'), ...methodCalls(src.sf, 'on'), ...methodCalls(src.sf, 'handleOnce'), ...methodCalls(src.sf, 'once')].filter(
    (c) => ts.isPropertyAccessExpression(c.expression) && c.expression.expression.getText(src.sf) === 'ipcMain',
  );
  if (handlers.length === 0) failures.push(`${src.file}: no ipcMain handler found`);
  for (const h of handlers) {
    const cb = h.arguments[1];
    const ok =
      !!cb &&
      isFunction(cb) &&
      ts.isBlock(cb.body) &&
      (() => {
        const first = (cb.body as ts.Block).statements[0];
        const ev = cb.parameters[0]?.name;
        if (!first || !ts.isIfStatement(first) || !ev || !ts.isIdentifier(ev)) return false;
        const cond = first.expression.getText(src.sf).replace(/\s+/g, '');
        const returns = ts.isReturnStatement(first.thenStatement) || (ts.isBlock(first.thenStatement) && first.thenStatement.statements.some(ts.isReturnStatement));
        return cond === `!isTrustedSender(${ev.text})` && returns;
      })();
    if (!ok) failures.push(`${src.file}:${src.sf.getLineAndCharacterOfPosition(h.getStart()).line + 1}: ipcMain handler does not begin with if (!isTrustedSender(event)) return …`);
  }
  return failures;
}

/** Directives of the CSP array literal assigned to CONTENT_SECURITY_POLICY. */
function cspDirectives(src: Source): string[] | null {
  const decl = findAll(src.sf, ts.isVariableDeclaration).find((d) => ts.isIdentifier(d.name) && d.name.text === 'CONTENT_SECURITY_POLICY');
  if (!decl?.initializer) return null;
  const arrays = findAll(decl.initializer, ts.isArrayLiteralExpression);
  if (arrays.length !== 1) return null;
  const items = arrays[0]!.elements;
  if (!items.every((e) => ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e))) return null;
  return items.map((e) => (e as ts.StringLiteral).text.trim());
}

function checkCsp(src: Source): string[] {
  const directives = cspDirectives(src);
  if (!directives) return [`${src.file}: CONTENT_SECURITY_POLICY is not a literal list of directives`];
  const byName = new Map(directives.map((d) => [d.split(/\s+/)[0]!, d]));
  const failures: string[] = [];
  const exact: Record<string, string> = {
    'default-src': "default-src 'none'",
    'script-src': "script-src 'self'",
    'object-src': "object-src 'none'",
    'base-uri': "base-uri 'none'",
    'form-action': "form-action 'none'",
    'frame-ancestors': "frame-ancestors 'none'",
    'connect-src': "connect-src 'self'",
  };
  for (const [name, want] of Object.entries(exact)) {
    if (byName.get(name) !== want) failures.push(`${src.file}: CSP must have "${want}" (found ${byName.get(name) ?? 'nothing'})`);
  }
  for (const d of directives) {
    const name = d.split(/\s+/)[0]!;
    // antd injects styles at run time (security-headers.ts says why), so only style-src may be inline.
    if (/'unsafe-(eval|hashes|wasm-eval)'/.test(d) || (d.includes("'unsafe-inline'") && name !== 'style-src')) failures.push(`${src.file}: CSP directive loosened: ${d}`);
    if (/(^|\s)(\*|https?:|wss?:|file:|filesystem:)(\s|$)|\/\/|localhost/.test(d)) failures.push(`${src.file}: CSP directive allows remote or file sources: ${d}`);
  }
  return failures;
}

/** Every structural failure of the shell in `shellDir` (its CSP in `<shellDir>/../server/security-headers.ts`); empty when every guard is in place. */
export function checkShellStructure(shellDir: string): string[] {
  const sources = {
    main: load(join(shellDir, 'main.ts')),
    ipc: load(join(shellDir, 'ipc.ts')),
    window: load(join(shellDir, 'window-options.ts')),
    csp: load(join(shellDir, '..', 'server', 'security-headers.ts')),
  };
  const failures: string[] = [];
  for (const s of Object.values(sources)) if (typeof s === 'string') failures.push(s);
  if (typeof sources.window !== 'string') failures.push(...checkWindowOptions(sources.window));
  if (typeof sources.main !== 'string') failures.push(...checkMain(sources.main));
  if (typeof sources.ipc !== 'string') failures.push(...checkIpc(sources.ipc));
  if (typeof sources.csp !== 'string') failures.push(...checkCsp(sources.csp));
  return failures;
}
