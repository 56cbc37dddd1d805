import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/app-error.ts';
import { loadMigrations, type Migration } from './migrations.ts';
import { createOwnerOnlyFile, databaseFiles, restrictToOwner } from './owner-only.ts';
import { verifySchema } from './schema-check.ts';
import { toAppError } from './sqlite-errors.ts';

export type Db = Database.Database;

// 'SEDK' — lets the app (and `file`) recognise its own data files.
export const APPLICATION_ID = 0x5345444b;

export interface OpenOptions {
  readonly?: boolean;
  /**
   * Path of a better_sqlite3.node built for the running runtime (Electron needs its own ABI).
   * Defaults to SELFEVAL_SQLITE_BINDING, so every connection in the process (the app's and the
   * importer's own writer) loads the same build.
   */
  nativeBinding?: string;
  /** Called with the file path before pending migrations run on an existing database. */
  beforeMigrate?: (db: Db, fromVersion: number, toVersion: number) => void;
  migrations?: Migration[];
}

export function latestSchemaVersion(migrations = loadMigrations()): number {
  return migrations.length;
}

// Pragmas are asserted on every open: better-sqlite3 reopens WAL files at synchronous=NORMAL.
function applyPragmas(db: Db, readonly: boolean): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Statement journals (the ledger rollup triggers need one per insert) stay in memory, not temp files.
  db.pragma('temp_store = MEMORY');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const readonly = opts.readonly ?? false;
  let db: Db;
  try {
    if (!readonly && file !== ':memory:') createOwnerOnlyFile(file);
    db = new Database(file, {
      readonly,
      fileMustExist: readonly,
      timeout: 5000,
      ...((opts.nativeBinding ?? process.env.SELFEVAL_SQLITE_BINDING) ? { nativeBinding: opts.nativeBinding ?? process.env.SELFEVAL_SQLITE_BINDING } : {}),
    });
  } catch (err) {
    throw toAppError(err, file);
  }
  try {
    // Read and judge the header before any pragma that writes (journal_mode=WAL rewrites it): a
    // file from a newer app, or not ours, must be refused without being touched.
    db.pragma('busy_timeout = 5000');
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n > 0;
    if (hasTables && appId !== APPLICATION_ID) {
      throw new AppError('DB_CORRUPT', `文件不是本程序的数据文件：${file}`);
    }
    const migrations = opts.migrations ?? loadMigrations();
    const latest = migrations.length;
    if (version > latest) {
      throw new AppError(
        'DB_NEWER',
        `数据文件由更新版本的程序创建（数据版本 ${version}，本程序支持到 ${latest}）。为保护数据，本程序不会修改它，请升级程序后再打开：${file}`,
      );
    }
    // Before any write: a file whose tables, indexes, triggers or views are not exactly what its
    // version's migrations make is refused untouched (schema-check.ts).
    if (hasTables) verifySchema(db, migrations, version, '数据文件', file);
    applyPragmas(db, readonly);
    if (!readonly) restrictToOwner(...databaseFiles(file));
    if (version < latest) {
      if (readonly) {
        throw new AppError('DB_READONLY', `数据文件版本较旧（${version}），需要升级，但以只读方式打开：${file}`);
      }
      if (version > 0) opts.beforeMigrate?.(db, version, latest);
      migrate(db, migrations, version);
    }
    return db;
  } catch (err) {
    db.close();
    throw toAppError(err, file);
  }
}

// Each migration runs in its own transaction together with the user_version bump, so a crash
// leaves the file at the old or the new version, never between.
function migrate(db: Db, migrations: Migration[], from: number): void {
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(m.sql);
      if (m.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) throw new AppError('DB_CORRUPT', '数据升级后发现外键不一致，请从备份恢复。');
}
