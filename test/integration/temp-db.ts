import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../electron/db/open.ts';
import type { ServiceContext } from '../../electron/services/context.ts';
import { createDispatcher, type Dispatch } from '../../electron/services/dispatch.ts';

export function tempPath(name = 'test.db'): string {
  return join(mkdtempSync(join(tmpdir(), 'selfeval-')), name);
}

export interface TestApp {
  db: Db;
  file: string;
  ctx: ServiceContext;
  dispatch: Dispatch;
}

/** A real SQLite file in a fresh temp folder, migrated by the real migrations. */
export function openTestApp(file = tempPath()): TestApp {
  const db = openDatabase(file);
  const ctx: ServiceContext = { db, dataFile: file, appVersion: 'test', transport: 'direct' };
  return { db, file, ctx, dispatch: createDispatcher(ctx, undefined, () => {}) };
}

/** Row counts of every table plus the sum of every integer amount column: changes if anything is written. */
export function fingerprint(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{
    name: string;
  }>;
  return tables
    .map(({ name }) => {
      const row = db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number };
      return `${name}:${row.n}`;
    })
    .join(',');
}
