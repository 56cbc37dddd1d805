import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/app-error.ts';
import type { ApiClient } from '../../../shared/api/client.ts';
import { openCli } from '../cli-context.ts';
import type { CliCommand, ParsedArgs } from '../command.ts';
import { CliUsageError, requireFlag, yearFlag } from '../parse-args.ts';
import { CATALOGUE } from './catalogue.ts';

// `selfeval framework|outline export|import`: a year's indicator framework or report outline as
// the same JSON file the app exports and imports, each through the dispatcher.

interface YearJsonDocument {
  name: 'framework' | 'outline';
  /** "指标体系", "报告提纲". */
  what: string;
  exportJson(api: ApiClient, yearId: number): Promise<string>;
  importJson(api: ApiClient, yearId: number, json: string): Promise<void>;
}

/** A refusal with several problems keeps them all: a terminal has no dialog to list the details in. */
function withAllProblems(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  const more = err.details.map((d) => d.message).filter((m) => !err.message.includes(m));
  if (more.length === 0) return err;
  return new AppError(err.code, [err.message, ...more.map((m) => `  · ${m}`)].join('\n'), err.details);
}

function commandFor(d: YearJsonDocument): CliCommand {
  return {
    ...CATALOGUE[d.name],
    async run(args: ParsedArgs, io) {
      const action = args.positionals[0];
      if (action !== 'export' && action !== 'import') throw new CliUsageError(`${d.name} 后应为 export 或 import，收到：${action ?? '（无）'}`);
      const year = yearFlag(args);
      const file = action === 'export' ? requireFlag(args, 'out', '输出文件路径') : requireFlag(args, 'from', `${d.what}文件路径`);
      let json = '';
      if (action === 'import') {
        try {
          json = readFileSync(file, 'utf8');
        } catch (err) {
          throw new AppError('VALIDATION', `无法读取${d.what}文件 ${file}：${(err as Error).message}`);
        }
      }
      const cli = openCli(requireFlag(args, 'db', '数据文件路径'), action === 'export' ? { readonly: true } : {});
      try {
        const yearId = await cli.yearId(year);
        if (action === 'export') {
          const text = await d.exportJson(cli.api, yearId);
          // A temp name and a rename: an interrupted export never leaves half a file.
          writeFileSync(`${file}.tmp`, text);
          renameSync(`${file}.tmp`, file);
          io.stdout(args.flags.json ? JSON.stringify({ ok: true, out: file }) : `已导出 ${year} 年度的${d.what}到 ${file}`);
        } else {
          await d.importJson(cli.api, yearId, json);
          io.stdout(args.flags.json ? JSON.stringify({ ok: true, year }) : `已把 ${file} 导入为 ${year} 年度的${d.what}`);
        }
        return 0;
      } catch (err) {
        throw withAllProblems(err);
      } finally {
        cli.close();
      }
    },
  };
}

export const outlineCommand = commandFor({
  name: 'outline',
  what: '报告提纲',
  exportJson: async (api, yearId) => (await api.call('outline.export', { yearId })).json,
  importJson: async (api, yearId, json) => {
    await api.call('outline.import', { yearId, json });
  },
});

export const frameworkCommand = commandFor({
  name: 'framework',
  what: '指标体系',
  exportJson: async (api, yearId) => {
    const own = (await api.call('framework.list', {})).find((f) => f.yearId === yearId);
    if (!own) throw new AppError('NOT_FOUND', '该年度还没有指标体系。');
    return (await api.call('framework.export', { frameworkId: own.frameworkId })).json;
  },
  importJson: async (api, yearId, json) => {
    await api.call('framework.import', { json, target: { kind: 'year', yearId } });
  },
});
