import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AppError } from '../../../shared/api/app-error.ts';
import { openCli } from '../cli-context.ts';
import type { CliCommand } from '../command.ts';
import { CliUsageError, requireFlag } from '../parse-args.ts';
import { CATALOGUE } from './catalogue.ts';

// `selfeval codes import --db F --from FILE` reads an office's 科目表 (.xlsx/.xls/.csv) into the
// data file; `codes export --db F --out FILE.xlsx|.csv` writes the office's own names back out —
// both through the dispatcher, as the 科目代码 page does.

export const codesCommand: CliCommand = {
  ...CATALOGUE.codes,
  async run(args, io) {
    const action = args.positionals[0];
    if (action !== 'export' && action !== 'import') throw new CliUsageError(`codes 后应为 export 或 import，收到：${action ?? '（无）'}`);
    const json = args.flags.json === true;
    if (action === 'import') {
      const from = requireFlag(args, 'from', '科目表文件路径（.xlsx、.xls 或 .csv）');
      let bytes: Buffer;
      try {
        bytes = readFileSync(from);
      } catch (err) {
        throw new AppError('IMPORT', `无法读取科目表文件 ${from}：${(err as Error).message}`);
      }
      const cli = openCli(requireFlag(args, 'db', '数据文件路径'));
      try {
        const r = await cli.api.call('codes.import', { fileName: basename(from), base64: bytes.toString('base64') });
        if (json) io.stdout(JSON.stringify({ ok: true, ...r }));
        else {
          io.stdout(`已从 ${from}（工作表“${r.sheet}”）导入科目：新增 ${r.added} 个，更新 ${r.updated} 个，未变 ${r.unchanged} 个，跳过 ${r.skippedCount} 行。`);
          for (const s of r.skipped.slice(0, 20)) io.stdout(`  ${s.message}`);
        }
        return 0;
      } finally {
        cli.close();
      }
    }
    const out = requireFlag(args, 'out', '输出文件路径（.xlsx 或 .csv）');
    const ext = extname(out).toLowerCase();
    if (ext !== '.xlsx' && ext !== '.csv') throw new CliUsageError(`--out 应以 .xlsx 或 .csv 结尾，收到：${out}`);
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'), { readonly: true });
    try {
      const file = await cli.api.call('codes.export', { format: ext === '.csv' ? 'csv' : 'xlsx' });
      // A temp name and a rename: an interrupted export never leaves half a file.
      writeFileSync(`${out}.tmp`, Buffer.from(file.base64, 'base64'));
      renameSync(`${out}.tmp`, out);
      io.stdout(json ? JSON.stringify({ ok: true, out }) : `已导出本单位的科目代码到 ${out}`);
      return 0;
    } finally {
      cli.close();
    }
  },
};
