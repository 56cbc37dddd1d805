#!/usr/bin/env node
// The `selfeval` command runs the TypeScript CLI through tsx's loader, so the CLI, the app and the
// tests share one source tree with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(`${t}\n`),
  stderr: (t) => process.stderr.write(`${t}\n`),
});
