import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/api/app-error.ts';
import { openCli } from '../cli-context.ts';
import type { CliCommand } from '../command.ts';
import { CliUsageError, requireFlag } from '../parse-args.ts';
import { CATALOGUE } from './catalogue.ts';

// `selfeval rules export --db F --out FILE.json` writes the data file's classification rules as
// {"rules":[{"when":{…},"set":{…}}]}; `rules import --db F --from FILE.json` replaces them with a
// file's, checked whole first (nothing is written when any rule is bad) — through the dispatcher,
// as the 分类规则 page does.

export const rulesCommand: CliCommand = {
  ...CATALOGUE.rules,
  async run(args, io) {
    const action = args.positionals[0];
    if (action !== 'export' && action !== 'import') throw new CliUsageError(`rules 后应为 export 或 import，收到：${action ?? '（无）'}`);
    const json = args.flags.json === true;
    if (action === 'import') {
      const from = requireFlag(args, 'from', '规则文件路径（.json）');
      let text: string;
      try {
        text = readFileSync(from, 'utf8');
      } catch (err) {
        throw new AppError('IMPORT', `无法读取规则文件 ${from}：${(err as Error).message}`);
      }
      const cli = openCli(requireFlag(args, 'db', '数据文件路径'));
      try {
        const r = await cli.api.call('rules.import', { text, fileName: basename(from) });
        io.stdout(json ? JSON.stringify({ ok: true, ...r }) : `已从 ${from} 导入分类规则 ${r.count} 条（替换原有规则）。`);
        return 0;
      } finally {
        cli.close();
      }
    }
    const out = requireFlag(args, 'out', '输出文件路径（.json）');
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'), { readonly: true });
    try {
      const file = await cli.api.call('rules.list', {});
      // A temp name and a rename: an interrupted export never leaves half a file.
      writeFileSync(`${out}.tmp`, `${JSON.stringify(file, null, 2)}\n`);
      renameSync(`${out}.tmp`, out);
      io.stdout(json ? JSON.stringify({ ok: true, out, count: file.rules.length }) : `已导出分类规则 ${file.rules.length} 条到 ${out}`);
      return 0;
    } finally {
      cli.close();
    }
  },
};
