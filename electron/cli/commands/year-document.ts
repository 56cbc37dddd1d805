import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/app-error.ts';
import { YearDocument } from '../../../shared/domain/year-document.ts';
import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand } from '../command.ts';
import { requireFlag, yearFlag } from '../parse-args.ts';

export const exportYearCommand: CliCommand = {
  ...CATALOGUE['export-year'],
  async run(args, io) {
    const out = requireFlag(args, 'out', '输出文件路径');
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'));
    try {
      const doc = await cli.api.call('year.export', { yearId: await cli.yearId(yearFlag(args)) });
      // Written to a temp name and renamed, so an interrupted export never leaves half a file.
      writeFileSync(`${out}.tmp`, JSON.stringify(doc, null, 1));
      renameSync(`${out}.tmp`, out);
      io.stdout(args.flags.json ? JSON.stringify({ ok: true, out }) : `已导出 ${doc.year} 年度到 ${out}`);
      return 0;
    } finally {
      cli.close();
    }
  },
};

export const importYearCommand: CliCommand = {
  ...CATALOGUE['import-year'],
  async run(args, io) {
    const from = requireFlag(args, 'from', '年度数据文件路径');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(from, 'utf8'));
    } catch (err) {
      throw new AppError('VALIDATION', `无法读取年度数据文件 ${from}：${(err as Error).message}`);
    }
    const parsed = YearDocument.safeParse(raw);
    if (!parsed.success) throw new AppError('VALIDATION', `年度数据文件 ${from} 格式不正确：${parsed.error.issues[0]?.message ?? ''}`);
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'), { creates: args });
    try {
      const r = await cli.api.call('year.import', { document: parsed.data });
      io.stdout(args.flags.json ? JSON.stringify({ ok: true, ...r }) : `已导入 ${parsed.data.year} 年度（年度编号 ${r.yearId}）。`);
      return 0;
    } finally {
      cli.close();
    }
  },
};
