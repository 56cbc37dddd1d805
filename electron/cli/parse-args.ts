import type { ParsedArgs } from './command.ts';

// `--name value`, `--name=value`, or a bare `--flag` (true) when no value follows.
export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) {
      flags[a.slice(2, eq)] = a.slice(eq + 1);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags[a.slice(2)] = next;
      i++;
    } else flags[a.slice(2)] = true;
  }
  return { positionals, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function requireFlag(args: ParsedArgs, name: string, what: string): string {
  const v = stringFlag(args, name);
  if (!v) throw new CliUsageError(`缺少参数 --${name}（${what}）`);
  return v;
}

export function yearFlag(args: ParsedArgs): number {
  const raw = requireFlag(args, 'year', '年度，如 2021');
  const year = Number(raw);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliUsageError(`--year 应为 2000 至 2100 之间的年份，收到：${raw}`);
  return year;
}

export class CliUsageError extends Error {}
