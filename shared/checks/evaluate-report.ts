import { formatPoints } from '../scoring/points.ts';
import type { FindingDraft } from './check-definition.ts';
import type { CheckInput } from './check-input.ts';

// Checks that catch an unfinished report rather than wrong figures.

/** Task titles named in a message; the rest are counted. */
const NAMED_TASKS = 3;

/**
 * Full marks on an indicator that counts the key tasks, while some of those tasks have no 目标值 on
 * any measure: "done" is then the office's own word, not a measured result, and a reviewing
 * finance bureau asks for the targets.
 */
export function untargetedFullMarksFindings(input: CheckInput): FindingDraft[] {
  const untargeted = input.untargetedTasks ?? [];
  if (untargeted.length === 0) return [];
  const names = untargeted.slice(0, NAMED_TASKS).map((t) => `“${t.title}”`).join('、');
  const tasks = `${names}${untargeted.length > NAMED_TASKS ? '等' : ''} ${untargeted.length} 项`;
  return (input.keyTaskIndicators ?? [])
    .filter((i) => i.scoreCenti !== null && i.scoreCenti === i.weightCenti && i.weightCenti > 0)
    .map((i) => ({
      subjectKey: `indicator:${i.code}`,
      vars: {
        indicator: `${i.code} ${i.name}`.trim(),
        score: formatPoints(i.weightCenti),
        tasks,
        count: String(untargeted.length),
        total: String(input.taskCount ?? untargeted.length),
      },
      amountFen: null,
      jump: { kind: 'work' },
    }));
}

/** One finding per section of the year's outline that the office has not written yet. */
export function unwrittenSectionFindings(input: CheckInput): FindingDraft[] {
  return (input.unwrittenSections ?? []).map((s) => ({
    subjectKey: `section:${s.title}`,
    vars: { section: s.title },
    amountFen: null,
    jump: { kind: 'report', section: s.key ?? 'outline' },
  }));
}
