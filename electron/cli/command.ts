// Every `selfeval` subcommand implements this. Commands print machine-readable JSON to stdout
// when --json is given and Chinese messages otherwise; the exit code says success (0) or failure.

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
