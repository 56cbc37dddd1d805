import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/app-error.ts';
import { toAppError } from '../../db/sqlite-errors.ts';
import { openCli } from '../cli-context.ts';
import type { CliCommand } from '../command.ts';
import { CATALOGUE } from './catalogue.ts';
import { requireFlag, yearFlag } from '../parse-args.ts';

// `selfeval finalize`, `originals` and `reopen`: the signed report's life cycle. Finalizing stores
// the PDF, Excel and Word originals with their SHA-256 and locks the year; `originals` writes the
// stored files out byte for byte; `reopen` unlocks the year with a reason that goes into the log.

const FORMAT_LABELS: Record<string, string> = { pdf: 'PDF', xlsx: 'Excel', docx: 'Word' };

export const finalizeCommand: CliCommand = {
  ...CATALOGUE.finalize,
  async run(args, io) {
    const json = Boolean(args.flags.json);
    const year = yearFlag(args);
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'));
    try {
      const { files } = await cli.api.call('report.finalize', { yearId: await cli.yearId(year) });
      if (json) io.stdout(JSON.stringify({ ok: true, files }));
      else {
        io.stdout(`${year} 年度已定稿，原件已保存：`);
        for (const f of files) io.stdout(`  ${FORMAT_LABELS[f.format]}  ${f.fileName}（${f.bytes} 字节）  SHA-256 ${f.sha256}`);
      }
      return 0;
    } catch (err) {
      const e = err instanceof AppError ? err : toAppError(err);
      if (e.code !== 'VALIDATION') throw e;
      // The refusal lists what blocks it, each open 强制 finding on its own line.
      if (json) io.stdout(JSON.stringify({ ok: false, error: e.toPayload() }));
      io.stderr(`定稿失败：${e.message}`);
      for (const d of e.details) io.stderr(`  ${d.message}`);
      return 1;
    } finally {
      cli.close();
    }
  },
};

export const originalsCommand: CliCommand = {
  ...CATALOGUE.originals,
  async run(args, io) {
    const year = yearFlag(args);
    const dir = resolve(requireFlag(args, 'out', '输出目录'));
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'), { readonly: true });
    try {
      const files = await cli.api.call('report.originals', { yearId: await cli.yearId(year) });
      mkdirSync(dir, { recursive: true });
      const written = files.map((f) => {
        const path = join(dir, f.fileName);
        const bytes = Buffer.from(f.base64, 'base64');
        // A temp name and a rename: an interrupted write never leaves half a file under the real name.
        writeFileSync(`${path}.tmp`, bytes);
        renameSync(`${path}.tmp`, path);
        return { format: f.format, path, sha256: f.sha256, bytes: bytes.length };
      });
      if (args.flags.json) io.stdout(JSON.stringify({ ok: true, files: written }));
      else for (const w of written) io.stdout(`已写出：${w.path}（${w.bytes} 字节，SHA-256 ${w.sha256}）`);
      return 0;
    } finally {
      cli.close();
    }
  },
};

export const reopenCommand: CliCommand = {
  ...CATALOGUE.reopen,
  async run(args, io) {
    const year = yearFlag(args);
    const reason = requireFlag(args, 'reason', '重新打开的原因');
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'));
    try {
      await cli.api.call('report.reopen', { yearId: await cli.yearId(year), reason });
      io.stdout(args.flags.json ? JSON.stringify({ ok: true, year, reason }) : `${year} 年度已重新打开，可以修改数据。原因已记录：${reason}`);
      return 0;
    } finally {
      cli.close();
    }
  },
};
