import { resolve } from 'node:path';
import { AppError } from '../../shared/api/app-error.ts';
import { type ApiClient, createClient } from '../../shared/api/client.ts';
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
 * A command's way to the data file `--db`, through the dispatcher with the 'cli' transport. A
 * writer takes the single-writer lock; a missing data file that has backups is refused (a restore
 * is named instead). Nothing heavy is loaded until the first call.
 */
export function openCli(dbPath: string, opts: CliOpenOptions = {}): CliSession {
  const dataFile = resolve(dbPath);
  let runtime: Promise<import('./cli-runtime.ts').CliRuntime> | null = null;
  const load = () => {
    runtime ??= import('./cli-runtime.ts').then((m) =>
      m.createCliRuntime({
        dataFile,
        readonly: opts.readonly === true,
        createIfMissing: opts.creates?.flags[NEW_FILE_FLAG.slice(2)] === true,
        createHint: opts.creates ? NEW_FILE_FLAG : undefined,
      }),
    );
    return runtime;
  };
  let closed: (() => void) | null = null;
  const api = createClient({
    invoke: async (method, input) => {
      const r = await load();
      closed = r.close;
      return r.dispatch(method, input);
    },
  });
  return {
    api,
    dataFile,
    async yearId(year) {
      const found = (await api.call('setup.state', {})).years.find((y) => y.year === year);
      if (!found) throw new AppError('NOT_FOUND', `数据文件中没有 ${year} 年度。`);
      return found.id;
    },
    close() {
      closed?.();
    },
  };
}
