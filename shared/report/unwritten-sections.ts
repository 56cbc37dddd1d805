import type { ReportInput } from './input.ts';
import { NARRATIVE_KEYS, type NarrativeKey } from './input.ts';
import type { OutlineItem, OutlineSection } from './outline.ts';
import { DEFAULT_OUTLINE } from './shipped-outlines.ts';

// A report is not finished while a section its outline prints still has nothing the office wrote
// in it (存在的问题 and 改进措施 left blank are the classic case). Generated text and tables never
// count: they fill themselves. Sections marked 无内容时省略 (omitWhenEmpty) are optional.

const isNarrative = (key: string): key is NarrativeKey => (NARRATIVE_KEYS as readonly string[]).includes(key);

function unwritten(item: OutlineItem, input: ReportInput): boolean {
  if ('text' in item) return item.text.trim() === '';
  if (isNarrative(item.key)) return (input.narratives[item.key] ?? '').trim() === '';
  if (item.key === 'overall_goal') return input.overallGoal.trim() === '';
  if (item.key === 'duties') return input.profile.duties.every((d) => d.trim() === '');
  if (item.key === 'work_results') return input.workAreas.length === 0;
  return false;
}

/** Headings (with their parents, "三、存在的问题") of the required sections that are still blank. */
export function unwrittenSections(input: ReportInput): string[] {
  const out: string[] = [];
  const walk = (sections: readonly OutlineSection[], path: string[]) => {
    for (const s of sections) {
      const here = [...path, s.heading];
      if (!s.omitWhenEmpty && s.content.some((item) => unwritten(item, input))) out.push(here.join(' › '));
      walk(s.children ?? [], here);
    }
  };
  walk((input.outline ?? DEFAULT_OUTLINE).sections, []);
  return out;
}
