import { AppError } from '../../../shared/api/app-error.ts';
import { toAppError } from '../../db/sqlite-errors.ts';
import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand } from '../command.ts';
import { CliUsageError, requireFlag } from '../parse-args.ts';

// `selfeval undo-import BATCH --db FILE [--json]`: removes everything one import batch wrote and
// marks the batch reverted, in one transaction.

export const undoImportCommand: CliCommand = {
  ...CATALOGUE['undo-import'],
  async run(args, io) {
    const raw = args.positionals[0];
    const batchId = Number(raw);
    if (!raw || !Number.isInteger(batchId) || batchId <= 0) throw new CliUsageError(`导入批次编号应为正整数，收到：${raw ?? '（无）'}`);
    const json = Boolean(args.flags.json);
    const cli = openCli(requireFlag(args, 'db', '数据文件路径'));
    try {
      const r = await cli.api.call('import.undo', { batchId });
      io.stdout(json ? JSON.stringify({ ok: true, ...r }) : `已撤销导入批次 ${r.batchId}，删除 ${r.rowsRemoved} 行。`);
      return 0;
    } catch (err) {
      const e = err instanceof AppError ? err : toAppError(err);
      if (json) io.stdout(JSON.stringify({ ok: false, code: e.code, errors: [{ message: e.message }] }));
      io.stderr(`撤销失败：${e.message}`);
      return 1;
    } finally {
      cli.close();
    }
  },
};
