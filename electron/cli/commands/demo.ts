import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand } from '../command.ts';
import { requireFlag } from '../parse-args.ts';

export const demoCommand: CliCommand = {
  ...CATALOGUE.demo,
  async run(args, io) {
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'), { creates: args });
    try {
      const r = await cli.api.call('example.load', {});
      io.stdout(args.flags.json ? JSON.stringify({ ok: true, ...r }) : `已载入示例年度 ${r.year}（年度编号 ${r.yearId}）。`);
      return 0;
    } finally {
      cli.close();
    }
  },
};
