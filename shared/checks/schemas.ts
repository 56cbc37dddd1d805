import { z } from 'zod';
import { id, requiredText } from '../api/fields.ts';
import { DrillFilter } from '../budget/schemas.ts';

// Inputs and outputs of the 审核 services (electron/services/checks-service.ts), for the typed API.

export const CHECK_SEVERITIES = ['mandatory', 'advisory'] as const;
export type CheckSeverity = (typeof CHECK_SEVERITIES)[number];
export const CHECK_SEVERITY_LABELS: Record<CheckSeverity, string> = { mandatory: '强制', advisory: '提示' };

export const JUMP_ENTITIES = ['budget_line', 'project', 'ledger_txn', 'unit', 'execution_target'] as const;
// 'codes': the 科目代码 page, to name a code the lists lack.
export const JUMP_PAGES = ['transactions', 'budget', 'execution', 'projects', 'codes'] as const;

/**
 * Where the UI goes to fix a finding: one record, a page opened with a filter, or a part of the
 * report (`section`: an outline content key such as 'problems', or 'outline' for a section's own
 * text; the UI sends each to the page where it is written).
 */
export const JumpTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entity'), entity: z.enum(JUMP_ENTITIES), id: z.number().int() }),
  z.object({ kind: z.literal('page'), page: z.enum(JUMP_PAGES), filter: DrillFilter }),
  z.object({ kind: z.literal('report'), section: z.string() }),
  z.object({ kind: z.literal('work') }),
]);
export type JumpTarget = z.infer<typeof JumpTarget>;

export const Finding = z.object({
  checkId: z.string(),
  severity: z.enum(CHECK_SEVERITIES),
  title: z.string(),
  /** Identifies what the finding is about within the check (e.g. "line:12"); explanations key on it. */
  subjectKey: z.string(),
  message: z.string(),
  amountFen: z.number().int().nullable(),
  jump: JumpTarget,
  explanation: z.string().nullable(),
  explanationUpdatedAt: z.string().nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const CheckDefinitionInfo = z.object({
  id: z.string(),
  severity: z.enum(CHECK_SEVERITIES),
  title: z.string(),
  description: z.string(),
});
export type CheckDefinitionInfo = z.infer<typeof CheckDefinitionInfo>;

export const StoredExplanation = z.object({
  checkId: z.string(),
  subjectKey: z.string(),
  explanation: z.string(),
  updatedAt: z.string(),
});
export type StoredExplanation = z.infer<typeof StoredExplanation>;

export const CheckSummary = z.object({
  mandatory: z.number().int(),
  advisory: z.number().int(),
  advisoryExplained: z.number().int(),
  advisoryUnexplained: z.number().int(),
  /** No 强制 finding and every 提示 finding has its 出错说明. */
  canFinalize: z.boolean(),
});
export type CheckSummary = z.infer<typeof CheckSummary>;

export const CheckRun = z.object({
  yearId: z.number().int(),
  year: z.number().int(),
  findings: z.array(Finding),
  summary: CheckSummary,
  /** Explanations kept for findings that no longer fire (shown greyed; exported only if they fire again). */
  staleExplanations: z.array(StoredExplanation),
  definitions: z.array(CheckDefinitionInfo),
});
export type CheckRun = z.infer<typeof CheckRun>;

export const CheckRunInput = z.object({ yearId: id('年度') }).strict();
export type CheckRunInput = z.infer<typeof CheckRunInput>;

export const SetExplanationInput = z
  .object({
    yearId: id('年度'),
    checkId: requiredText('审核规则编号', 100),
    subjectKey: z.string().max(200, { error: '审核对象标识过长' }),
    explanation: requiredText('出错说明', 2000),
  })
  .strict();
export type SetExplanationInput = z.infer<typeof SetExplanationInput>;

export const DeleteExplanationInput = z
  .object({ yearId: id('年度'), checkId: requiredText('审核规则编号', 100), subjectKey: z.string().max(200) })
  .strict();
export type DeleteExplanationInput = z.infer<typeof DeleteExplanationInput>;

/** What the report export prints: every firing finding that has an explanation, in check order. */
export const ExplainedFinding = Finding.extend({ explanation: z.string() });
export type ExplainedFinding = z.infer<typeof ExplainedFinding>;
