import { openCli } from '../cli-context.ts';
import type { CliCommand } from '../command.ts';
import { requireFlag } from '../parse-args.ts';

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo --db FILE [--new-file] [--json]',
  summary: '在空的数据文件中载入示例年度（番禺区政府办 2021）',
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
