import type { CheckInput } from './check-input.ts';
import type { CheckSeverity, JumpTarget } from './schemas.ts';

// A check is data: id, severity, Chinese title and message template, and a pure evaluator over the
// gathered CheckInput that returns one draft per failing subject.

export interface FindingDraft {
  subjectKey: string;
  /** Values for the definition's {placeholders}. */
  vars: Record<string, string>;
  amountFen: number | null;
  jump: JumpTarget;
}

export interface CheckDefinition {
  id: string;
  severity: CheckSeverity;
  title: string;
  description: string;
  template: string;
  evaluate(input: CheckInput): FindingDraft[];
}
