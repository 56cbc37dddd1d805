import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/app-error.ts';
import type { ServiceContext } from '../../services/context.ts';
import { callApi } from '../call-api.ts';
import { openCliContext, requireYearId } from '../cli-context.ts';
import type { CliCommand, ParsedArgs } from '../command.ts';
import { CliUsageError, requireFlag, yearFlag } from '../parse-args.ts';

// `selfeval framework|outline export|import`: a year's indicator framework or report outline as
// the same JSON file the app exports and imports, each through the dispatcher.

interface YearJsonDocument {
  name: 'framework' | 'outline';
  /** "指标体系", "报告提纲". */
  what: string;
  exportJson(ctx: ServiceContext, yearId: number): Promise<string>;
  importJson(ctx: ServiceContext, yearId: number, json: string): Promise<void>;
}

function commandFor(d: YearJsonDocument): CliCommand {
  return {
    name: d.name,
    usage: `${d.name} export --db FILE --year YYYY --out FILE.json | ${d.name} import --db FILE --year YYYY --from FILE.json`,
    summary: `导出或导入一个年度的${d.what}（与程序中导出、导入的 JSON 文件相同）`,
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
      const ctx = openCliContext(requireFlag(args, 'db', '数据文件路径'));
      try {
        const yearId = requireYearId(ctx.db, year);
        if (action === 'export') {
          const text = await d.exportJson(ctx, yearId);
          // A temp name and a rename: an interrupted export never leaves half a file.
          writeFileSync(`${file}.tmp`, text);
          renameSync(`${file}.tmp`, file);
          io.stdout(args.flags.json ? JSON.stringify({ ok: true, out: file }) : `已导出 ${year} 年度的${d.what}到 ${file}`);
        } else {
          await d.importJson(ctx, yearId, json);
          io.stdout(args.flags.json ? JSON.stringify({ ok: true, year }) : `已把 ${file} 导入为 ${year} 年度的${d.what}`);
        }
        return 0;
      } finally {
        ctx.db.close();
      }
    },
  };
}

export const outlineCommand = commandFor({
  name: 'outline',
  what: '报告提纲',
  exportJson: async (ctx, yearId) => (await callApi(ctx, 'outline.export', { yearId })).json,
  importJson: async (ctx, yearId, json) => {
    await callApi(ctx, 'outline.import', { yearId, json });
  },
});

export const frameworkCommand = commandFor({
  name: 'framework',
  what: '指标体系',
  exportJson: async (ctx, yearId) => {
    const list = await callApi(ctx, 'framework.list', {});
    const own = list.find((f) => f.yearId === yearId);
    if (!own) throw new AppError('NOT_FOUND', '该年度还没有指标体系。');
    return (await callApi(ctx, 'framework.export', { frameworkId: own.frameworkId })).json;
  },
  importJson: async (ctx, yearId, json) => {
    await callApi(ctx, 'framework.import', { json, target: { kind: 'year', yearId } });
  },
});
