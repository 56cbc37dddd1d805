import type { ReportInput } from './input.ts';
import { NARRATIVE_KEYS, type NarrativeKey } from './input.ts';
import type { ContentKey, OutlineItem, OutlineSection } from './outline.ts';
import { DEFAULT_OUTLINE } from './shipped-outlines.ts';

// A report is not finished while a section its outline prints still has nothing the office wrote
// in it (存在的问题 and 改进措施 left blank are the classic case). Generated text and tables never
// count: they fill themselves. Sections marked 无内容时省略 (omitWhenEmpty) are optional.

/** What deciding needs: the office's own texts and the outline (the 审核 gathers only these). */
export type WrittenParts = Pick<ReportInput, 'narratives' | 'overallGoal' | 'workAreas' | 'outline'> & {
  profile: Pick<ReportInput['profile'], 'duties'>;
};

export interface UnwrittenSection {
  /** The heading with its parents: "存在的主要问题", "综合评价分析 › 存在的问题". */
  title: string;
  /** The first blank item: its content key, or null for the section's own text. */
  key: ContentKey | null;
}

const isNarrative = (key: string): key is NarrativeKey => (NARRATIVE_KEYS as readonly string[]).includes(key);

function unwritten(item: OutlineItem, input: WrittenParts): boolean {
  if ('text' in item) return item.text.trim() === '';
  if (isNarrative(item.key)) return (input.narratives[item.key] ?? '').trim() === '';
  if (item.key === 'overall_goal') return input.overallGoal.trim() === '';
  if (item.key === 'duties') return input.profile.duties.every((d) => d.trim() === '');
  if (item.key === 'work_results') return input.workAreas.length === 0;
  return false;
}

/** The required sections that are still blank, in outline order. */
export function unwrittenSectionList(input: WrittenParts): UnwrittenSection[] {
  const out: UnwrittenSection[] = [];
  const walk = (sections: readonly OutlineSection[], path: string[]) => {
    for (const s of sections) {
      const here = [...path, s.heading];
      const blank = s.omitWhenEmpty ? undefined : s.content.find((item) => unwritten(item, input));
      if (blank) out.push({ title: here.join(' › '), key: 'key' in blank ? blank.key : null });
      walk(s.children ?? [], here);
    }
  };
  walk((input.outline ?? DEFAULT_OUTLINE).sections, []);
  return out;
}

/** Headings (with their parents, "三、存在的问题") of the required sections that are still blank. */
export function unwrittenSections(input: WrittenParts): string[] {
  return unwrittenSectionList(input).map((s) => s.title);
}
