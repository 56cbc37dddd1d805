import type { CliCommand } from '../command.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { checkCommand } from './check.ts';
import { demoCommand } from './demo.ts';
import { finalizeCommand, originalsCommand, reopenCommand } from './finalize.ts';
import { importCommand } from './import.ts';
import { reportCommand } from './report.ts';
import { scoreCommand } from './score.ts';
import { summaryCommand } from './summary.ts';
import { undoImportCommand } from './undo-import.ts';
import { exportYearCommand, importYearCommand } from './year-document.ts';

export const COMMANDS: CliCommand[] = [demoCommand, summaryCommand, checkCommand, scoreCommand, reportCommand, finalizeCommand, originalsCommand, reopenCommand, exportYearCommand, importYearCommand, importCommand, undoImportCommand, backupCommand, restoreCommand];
