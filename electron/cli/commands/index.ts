import type { CliCommand } from '../command.ts';
import { CATALOGUE } from './catalogue.ts';

// Each command's module is imported when the command runs, not before.
function lazy(entry: Omit<CliCommand, 'run'>, load: () => Promise<CliCommand>): CliCommand {
  return { ...entry, run: async (args, io) => (await load()).run(args, io) };
}

export const COMMANDS: CliCommand[] = [
  lazy(CATALOGUE.demo, async () => (await import('./demo.ts')).demoCommand),
  lazy(CATALOGUE.summary, async () => (await import('./summary.ts')).summaryCommand),
  lazy(CATALOGUE.check, async () => (await import('./check.ts')).checkCommand),
  lazy(CATALOGUE.score, async () => (await import('./score.ts')).scoreCommand),
  lazy(CATALOGUE['project-eval'], async () => (await import('./project-eval.ts')).projectEvalCommand),
  lazy(CATALOGUE.report, async () => (await import('./report.ts')).reportCommand),
  lazy(CATALOGUE.finalize, async () => (await import('./finalize.ts')).finalizeCommand),
  lazy(CATALOGUE.originals, async () => (await import('./finalize.ts')).originalsCommand),
  lazy(CATALOGUE.reopen, async () => (await import('./finalize.ts')).reopenCommand),
  lazy(CATALOGUE['export-year'], async () => (await import('./year-document.ts')).exportYearCommand),
  lazy(CATALOGUE['import-year'], async () => (await import('./year-document.ts')).importYearCommand),
  lazy(CATALOGUE.framework, async () => (await import('./year-json-document.ts')).frameworkCommand),
  lazy(CATALOGUE.outline, async () => (await import('./year-json-document.ts')).outlineCommand),
  lazy(CATALOGUE.codes, async () => (await import('./codes.ts')).codesCommand),
  lazy(CATALOGUE.rules, async () => (await import('./rules.ts')).rulesCommand),
  lazy(CATALOGUE.import, async () => (await import('./import.ts')).importCommand),
  lazy(CATALOGUE['undo-import'], async () => (await import('./undo-import.ts')).undoImportCommand),
  lazy(CATALOGUE.backup, async () => (await import('./backup.ts')).backupCommand),
  lazy(CATALOGUE.restore, async () => (await import('./backup.ts')).restoreCommand),
];
