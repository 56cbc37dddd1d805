import { renameSync, writeFileSync } from 'node:fs';
import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand } from '../command.ts';
import { CliUsageError, requireFlag, yearFlag } from '../parse-args.ts';

const FORMATS = ['pdf', 'xlsx', 'docx'] as const;

export const reportCommand: CliCommand = {
  ...CATALOGUE.report,
  async run(args, io) {
    const format = requireFlag(args, 'format', 'pdf、xlsx 或 docx');
    if (!(FORMATS as readonly string[]).includes(format)) throw new CliUsageError(`--format 只能是 pdf、xlsx 或 docx，收到：${format}`);
    const out = requireFlag(args, 'out', '输出文件路径');
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'));
    try {
      const file = await cli.api.call('report.render', { yearId: await cli.yearId(yearFlag(args)), format: format as (typeof FORMATS)[number] });
      const bytes = Buffer.from(file.base64, 'base64');
      // A temp name and a rename: an interrupted export never leaves half a file under the real name.
      writeFileSync(`${out}.tmp`, bytes);
      renameSync(`${out}.tmp`, out);
      io.stdout(args.flags.json ? JSON.stringify({ ok: true, out, bytes: bytes.length }) : `已导出：${out}（${bytes.length} 字节）`);
      return 0;
    } finally {
      cli.close();
    }
  },
};
