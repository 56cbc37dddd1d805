import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/app-error.ts';
import type { Migration } from './migrations.ts';

// A data file or backup of schema version N must hold exactly the tables, indexes, triggers and
// views that migrations 1..N create: integrity_check, application_id and user_version say nothing
// about an added trigger, which could silently change every later write (e.g. double amounts).
// The expected schema is made by applying the migrations to an in-memory database and compared
// object by object (type, name, table, SQL with whitespace normalised).

export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

type Reader = Pick<Database.Database, 'prepare'>;

const TYPE_LABEL: Record<string, string> = { table: '表', index: '索引', trigger: '触发器', view: '视图' };
const label = (type: string) => TYPE_LABEL[type] ?? type;

// sqlite_stat* tables appear after ANALYZE and hold only planner statistics.
export function readSchema(db: Reader): SchemaObject[] {
  return db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY type, name")
    .all() as SchemaObject[];
}

const normalized = (sql: string | null) => (sql === null ? null : sql.replace(/\s+/g, ' ').replace(/\s*([(),;])\s*/g, '$1').trim());

const cache = new Map<string, SchemaObject[]>();

/** The schema migrations 1..version produce (cached by the migrations' content). */
export function expectedSchema(migrations: Migration[], version: number): SchemaObject[] {
  const used = migrations.slice(0, version);
  const key = createHash('sha256')
    .update(used.map((m) => `${m.version}\0${m.sql}`).join('\0\0'))
    .digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  const nativeBinding = process.env.SELFEVAL_SQLITE_BINDING;
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    for (const m of used) db.exec(m.sql);
    const schema = readSchema(db);
    cache.set(key, schema);
    return schema;
  } finally {
    db.close();
  }
}

/** What differs, in Chinese (多出触发器 x / 缺少索引 y / 表 z 的定义不同); empty when equal. */
export function schemaDifferences(actual: SchemaObject[], expected: SchemaObject[]): string[] {
  const id = (o: SchemaObject) => `${o.type}\0${o.name}`;
  const want = new Map(expected.map((o) => [id(o), o]));
  const have = new Map(actual.map((o) => [id(o), o]));
  const out: string[] = [];
  for (const o of actual) if (!want.has(id(o))) out.push(`多出${label(o.type)} ${o.name}`);
  for (const o of expected) if (!have.has(id(o))) out.push(`缺少${label(o.type)} ${o.name}`);
  for (const o of actual) {
    const w = want.get(id(o));
    if (!w) continue;
    if (w.tbl_name !== o.tbl_name || normalized(w.sql) !== normalized(o.sql)) out.push(`${label(o.type)} ${o.name} 的定义与本程序不同`);
  }
  return out;
}

/**
 * Throws DB_CORRUPT naming the differences when `db`'s schema is not what migrations 1..version
 * create. `what` starts the message (e.g. 数据文件 or 所选备份).
 */
export function verifySchema(db: Reader, migrations: Migration[], version: number, what: string, file: string): void {
  if (version === 0) return;
  const diff = schemaDifferences(readSchema(db), expectedSchema(migrations, version));
  if (diff.length === 0) return;
  const shown = diff.slice(0, 6).join('；') + (diff.length > 6 ? `；等共 ${diff.length} 处` : '');
  throw new AppError(
    'DB_CORRUPT',
    `${what}的数据库结构与本程序数据版本 ${version} 应有的结构不一致（${shown}），可能被其他程序修改过。为保护数据，本程序不会使用它：${file}`,
  );
}
