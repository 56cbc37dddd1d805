import { openCli } from '../cli-context.ts';
import { CATALOGUE } from './catalogue.ts';
import type { CliCommand } from '../command.ts';
import { requireFlag } from '../parse-args.ts';

// `selfeval backup` reads only (SQLite's online backup through a read-only connection), so it may
// run while the app has the file open. `selfeval restore` replaces the file and therefore takes
// the single-writer lock; it refuses while the app or another command holds it.

export const backupCommand: CliCommand = {
  ...CATALOGUE.backup,
  async run(args, io) {
    const dbFile = requireFlag(args, 'db', '数据文件路径');
    const out = requireFlag(args, 'out', '备份文件路径');
    const cli = openCli(dbFile, { readonly: true });
    try {
      const w = await cli.api.call('backup.toFile', { out });
      io.stdout(
        args.flags.json
          ? JSON.stringify({ ok: true, out: w.file, sizeBytes: w.sizeBytes, schemaVersion: w.schemaVersion })
          : `已备份到 ${w.file}（${w.sizeBytes} 字节，数据版本 ${w.schemaVersion}，完整性检查通过）。`,
      );
      return 0;
    } finally {
      cli.close();
    }
  },
};

export const restoreCommand: CliCommand = {
  ...CATALOGUE.restore,
  async run(args, io) {
    const dbFile = requireFlag(args, 'db', '数据文件路径');
    const from = requireFlag(args, 'from', '备份文件路径');
    const cli = openCli(dbFile);
    try {
      const r = await cli.api.call('backup.restoreFile', { from });
      const kept = r.preRestoreFile ? `原数据文件已另存为 ${r.preRestoreFile}。` : '原位置没有数据文件。';
      io.stdout(
        args.flags.json
          ? JSON.stringify({ ok: true, db: cli.dataFile, from: r.restoredFrom, preRestoreFile: r.preRestoreFile, schemaVersion: r.schemaVersion })
          : `已用 ${r.restoredFrom} 恢复数据文件 ${cli.dataFile}。${kept}`,
      );
      return 0;
    } finally {
      cli.close();
    }
  },
};
