import type { CliCommand } from '../command.ts';
import { demoCommand } from './demo.ts';
import { exportYearCommand, importYearCommand } from './year-document.ts';

export const COMMANDS: CliCommand[] = [demoCommand, exportYearCommand, importYearCommand];
