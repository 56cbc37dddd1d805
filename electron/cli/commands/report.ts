import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand } from '../command.ts';
import { CliUsageError, requireFlag, stringFlag, yearFlag } from '../parse-args.ts';

const FORMATS = ['pdf', 'xlsx', 'docx'] as const;

export const reportCommand: CliCommand = {
  ...CATALOGUE.report,
  async run(args, io) {
    const format = requireFlag(args, 'format', 'pdf、xlsx 或 docx');
    if (!(FORMATS as readonly string[]).includes(format)) throw new CliUsageError(`--format 只能是 pdf、xlsx 或 docx，收到：${format}`);
    const out = requireFlag(args, 'out', '输出文件路径');
    const detailOut = stringFlag(args, 'detail-out');
    if (args.flags['detail-out'] !== undefined && detailOut === undefined) throw new CliUsageError('--detail-out 需要一个文件路径（支出明细工作簿）');
    if (detailOut !== undefined && format !== 'xlsx') throw new CliUsageError('--detail-out 只能与 --format xlsx 同用');
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'));
    try {
      // Written by the service straight into the files (streamed, through a temp name and a rename).
      const r = await cli.api.call('report.toFile', {
        yearId: await cli.yearId(yearFlag(args)),
        format: format as (typeof FORMATS)[number],
        out,
        ...(detailOut !== undefined ? { detailOut } : {}),
      });
      if (args.flags.json) {
        io.stdout(JSON.stringify({ ok: true, out, bytes: r.report.bytes, sha256: r.report.sha256, ...(r.detail ? { detailOut: r.detail.file, detailBytes: r.detail.bytes } : {}) }));
      } else {
        io.stdout(`已导出：${out}（${r.report.bytes} 字节）${r.detail ? `\n支出明细：${r.detail.file}（${r.detail.bytes} 字节）` : ''}`);
      }
      return 0;
    } finally {
      cli.close();
    }
  },
};
