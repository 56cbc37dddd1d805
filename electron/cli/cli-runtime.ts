import { userInfo } from 'node:os';
import { APP_VERSION } from '../app-version.ts';
import { type Db, openDatabase } from '../db/open.ts';
import { setAuditActor } from '../db/repositories/audit-repo.ts';
import type { ServiceContext } from '../services/context.ts';
import { type Dispatch, createDispatcher } from '../services/dispatch.ts';
import { openDataFile } from '../services/open-data-file.ts';

// The heavy half of a command's session (database, services, exporters), loaded on a command's
// first call only, so `selfeval --help` and usage errors start in a fraction of the time.

export interface CliRuntimeOptions {
  dataFile: string;
  readonly: boolean;
  createIfMissing: boolean;
  createHint: string | undefined;
}

export interface CliRuntime {
  dispatch: Dispatch;
  close(): void;
}

export function createCliRuntime(opts: CliRuntimeOptions): CliRuntime {
  let db: Db | null = null;
  const open = (): Db => {
    if (opts.readonly) return openDatabase(opts.dataFile, { readonly: true });
    setAuditActor(userInfo().username);
    return openDataFile(opts.dataFile, 'cli', {
      createIfMissing: opts.createIfMissing,
      ...(opts.createHint ? { createHint: opts.createHint } : {}),
    });
  };
  // The connection opens on first use, so methods that work on the file itself (backup, restore)
  // never open it.
  const ctx: ServiceContext = {
    get db(): Db {
      db ??= open();
      return db;
    },
    set db(next: Db) {
      db = next;
    },
    dataFile: opts.dataFile,
    appVersion: APP_VERSION,
    transport: 'cli',
  };
  return {
    dispatch: createDispatcher(ctx),
    close() {
      db?.close();
      db = null;
    },
  };
}
