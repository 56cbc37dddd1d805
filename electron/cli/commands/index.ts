import type { CliCommand } from '../command.ts';
import { demoCommand } from './demo.ts';
import { scoreCommand } from './score.ts';
import { exportYearCommand, importYearCommand } from './year-document.ts';

export const COMMANDS: CliCommand[] = [demoCommand, scoreCommand, exportYearCommand, importYearCommand];
