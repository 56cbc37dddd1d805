import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/api/app-error.ts';
import { toAppError } from '../db/sqlite-errors.ts';
import type { CliCommand, CliIo } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { CliUsageError, parseArgs } from './parse-args.ts';

function help(commands: CliCommand[]): string {
  const lines = commands.map((c) => `  selfeval ${c.usage}\n      ${c.summary}`);
  return `selfeval — 部门整体支出绩效自评 命令行工具\n\n用法：\n${lines.join('\n')}\n`;
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failed, 2 usage error). */
export async function runCli(argv: string[], io: CliIo, commands: CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(help(commands));
    return name ? 0 : 2;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`未知命令：${name}\n\n${help(commands)}`);
    return 2;
  }
  const args = parseArgs(rest);
  try {
    return await cmd.run(args, io);
  } catch (err) {
    if (err instanceof CliUsageError) {
      io.stderr(`${err.message}\n用法：selfeval ${cmd.usage}`);
      return 2;
    }
    const e = err instanceof AppError ? err : toAppError(err);
    if (args.flags.json) io.stdout(JSON.stringify({ ok: false, error: e.toPayload() }));
    io.stderr(`错误：${e.message}`);
    if (e.code === 'INTERNAL') io.stderr(String((err as Error).stack ?? err));
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const code = await runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => process.stderr.write(`${t}\n`),
  });
  process.exitCode = code;
}
