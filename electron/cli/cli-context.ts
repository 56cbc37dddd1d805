import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import { type ApiClient, createClient } from '../../shared/api/client.ts';
import { APP_VERSION } from '../app-version.ts';
import { type Db, openDatabase } from '../db/open.ts';
import { openDataFile } from '../db/open-data-file.ts';
import { setAuditActor } from '../db/repositories/audit-repo.ts';
import type { ServiceContext } from '../services/context.ts';
import { createDispatcher } from '../services/dispatch.ts';
import type { ParsedArgs } from './command.ts';

/** The flag with which a command that can fill an empty file creates one where a data file with backups is missing. */
export const NEW_FILE_FLAG = '--new-file';

export interface CliSession {
  /** The same dispatcher as IPC and the loopback server: the contract validates, the handlers run. */
  api: ApiClient;
  /** `--db` as an absolute path. */
  dataFile: string;
  /** The id of the year numbered `year`; NOT_FOUND in Chinese when the file has no such year. */
  yearId(year: number): Promise<number>;
  close(): void;
}

export interface CliOpenOptions {
  /** Reads only: no writer lock, so it runs while the app has the file open. */
  readonly?: boolean;
  /** Commands that can start from an empty file pass their args, so `--new-file` creates one. */
  creates?: ParsedArgs;
}

/**
 * A command's way to the data file `--db`. The connection opens on first use, so methods that work
 * on the file itself (backup, restore) never open it. A writer takes the single-writer lock; a
 * missing data file that has backups is refused (a restore is named instead).
 */
export function openCli(dbPath: string, opts: CliOpenOptions = {}): CliSession {
  const dataFile = resolve(dbPath);
  let db: Db | null = null;
  const open = (): Db => {
    if (opts.readonly) return openDatabase(dataFile, { readonly: true });
    setAuditActor(userInfo().username);
    return openDataFile(dataFile, 'cli', {
      createIfMissing: opts.creates?.flags[NEW_FILE_FLAG.slice(2)] === true,
      ...(opts.creates ? { createHint: NEW_FILE_FLAG } : {}),
    });
  };
  const ctx: ServiceContext = {
    get db(): Db {
      db ??= open();
      return db;
    },
    set db(next: Db) {
      db = next;
    },
    dataFile,
    appVersion: APP_VERSION,
    transport: 'cli',
  };
  const api = createClient({ invoke: createDispatcher(ctx) });
  return {
    api,
    dataFile,
    async yearId(year) {
      const found = (await api.call('setup.state', {})).years.find((y) => y.year === year);
      if (!found) throw new AppError('NOT_FOUND', `数据文件中没有 ${year} 年度。`);
      return found.id;
    },
    close() {
      db?.close();
      db = null;
    },
  };
}
