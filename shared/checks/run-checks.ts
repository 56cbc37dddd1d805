import type { CheckDefinition } from './check-definition.ts';
import type { CheckInput } from './check-input.ts';
import { CHECK_DEFINITIONS } from './definitions.ts';
import { renderMessage } from './render-message.ts';
import type { CheckDefinitionInfo, CheckSummary, ExplainedFinding, Finding, StoredExplanation } from './schemas.ts';

export interface CheckOutcome {
  findings: Finding[];
  summary: CheckSummary;
  staleExplanations: StoredExplanation[];
}

const explanationKey = (checkId: string, subjectKey: string) => `${checkId}\u0000${subjectKey}`;

export function evaluateChecks(
  input: CheckInput,
  explanations: readonly StoredExplanation[] = [],
  definitions: readonly CheckDefinition[] = CHECK_DEFINITIONS,
): CheckOutcome {
  const byKey = new Map(explanations.map((e) => [explanationKey(e.checkId, e.subjectKey), e]));
  const used = new Set<string>();
  const findings: Finding[] = [];
  for (const def of definitions) {
    for (const d of def.evaluate(input)) {
      const key = explanationKey(def.id, d.subjectKey);
      const e = byKey.get(key);
      if (e) used.add(key);
      findings.push({
        checkId: def.id,
        severity: def.severity,
        title: def.title,
        subjectKey: d.subjectKey,
        message: renderMessage(def.template, d.vars),
        amountFen: d.amountFen,
        jump: d.jump,
        explanation: e?.explanation ?? null,
        explanationUpdatedAt: e?.updatedAt ?? null,
      });
    }
  }
  const mandatory = findings.filter((f) => f.severity === 'mandatory').length;
  const advisory = findings.length - mandatory;
  const advisoryExplained = findings.filter((f) => f.severity === 'advisory' && f.explanation !== null).length;
  return {
    findings,
    summary: {
      mandatory,
      advisory,
      advisoryExplained,
      advisoryUnexplained: advisory - advisoryExplained,
      canFinalize: mandatory === 0 && advisoryExplained === advisory,
    },
    staleExplanations: explanations.filter((e) => !used.has(explanationKey(e.checkId, e.subjectKey))),
  };
}

export function explainedFindings(findings: readonly Finding[]): ExplainedFinding[] {
  return findings.filter((f): f is ExplainedFinding => f.explanation !== null);
}

export function definitionInfos(definitions: readonly CheckDefinition[] = CHECK_DEFINITIONS): CheckDefinitionInfo[] {
  return definitions.map(({ id, severity, title, description }) => ({ id, severity, title, description }));
}
