import { posix } from 'node:path';
import ts from 'typescript';

// The layer rules of docs/architecture, checked on the source text: every import (package,
// node: builtin or relative path, static or dynamic) and every string that reads as SQL.

export interface SourceFile {
  /** Repository-relative, '/'-separated, e.g. 'electron/services/budget-service.ts'. */
  path: string;
  text: string;
}

export interface Violation {
  path: string;
  rule: string;
  detail: string;
}

const SQL = /^\s*(SELECT\b[\s\S]*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(TEMP\s+|UNIQUE\s+)?(TABLE|INDEX|TRIGGER|VIEW)\b|DROP\s+(TABLE|INDEX|TRIGGER|VIEW)\b|ALTER\s+TABLE\b|WITH\s+(RECURSIVE\s+)?\w+|BEGIN(\s+(IMMEDIATE|EXCLUSIVE|DEFERRED))?\s*;?\s*$|COMMIT\s*;?\s*$|ROLLBACK\b|SAVEPOINT\b|RELEASE\s+\w+|PRAGMA\b|VACUUM\b|ATTACH\b)/i;

function importsOf(file: SourceFile): string[] {
  return ts.preProcessFile(file.text, true, true).importedFiles.map((f) => f.fileName);
}

function stringsOf(file: SourceFile): string[] {
  const src = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false, file.path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push(node.head.text + node.templateSpans.map((s) => ` ? ${s.literal.text}`).join(''));
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

/** Where a relative import lands, repository-relative; null for a package or builtin. */
function target(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(from), spec));
}

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
const isBuiltin = (spec: string) => spec.startsWith('node:');

export function checkLayers(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  const add = (path: string, rule: string, detail: string) => out.push({ path, rule, detail });
  for (const file of files) {
    const p = file.path;
    for (const spec of importsOf(file)) {
      const to = target(p, spec);
      if (under(p, 'shared')) {
        if (isBuiltin(spec)) add(p, 'shared/ is pure logic: no node: modules', spec);
        // Shipped data (resources/*.json: outlines, frameworks) is pure too and bundles with the code.
        const data = to !== null && under(to, 'resources') && to.endsWith('.json');
        if (to && !under(to, 'shared') && !data) add(p, 'shared/ imports only shared/ (and resources/ JSON data)', spec);
        if (spec === 'electron' || spec === 'better-sqlite3') add(p, 'shared/ imports no electron or database package', spec);
      }
      if (under(p, 'renderer')) {
        if (isBuiltin(spec)) add(p, 'renderer/ runs in the browser: no node: modules', spec);
        if (to && !under(to, 'renderer') && !under(to, 'shared')) add(p, 'renderer/ reaches only shared/ (and its own files)', spec);
        if (spec === 'electron' || spec === 'better-sqlite3') add(p, 'renderer/ imports no electron or database package', spec);
      }
      if (spec === 'electron' && !under(p, 'electron/shell')) add(p, "only electron/shell imports 'electron'", spec);
      if (under(p, 'electron/db') && to && under(to, 'electron/services')) add(p, 'electron/db never imports services', spec);
      if (under(p, 'electron') && to && under(to, 'renderer')) add(p, 'electron/ imports nothing from renderer/ (shared types live in shared/)', spec);
    }
    if (!under(p, 'electron/db')) {
      for (const s of stringsOf(file)) {
        if (SQL.test(s)) add(p, 'SQL only under electron/db/', s.trim().slice(0, 80));
      }
    }
  }
  return out;
}
