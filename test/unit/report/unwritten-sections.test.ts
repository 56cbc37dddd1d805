import { describe, expect, it } from 'vitest';
import { SHIPPED_OUTLINES } from '../../../shared/report/shipped-outlines.ts';
import { unwrittenSections } from '../../../shared/report/unwritten-sections.ts';
import { exampleInput } from './example-input.ts';

describe('sections the office has not written yet', () => {
  it('finds none in the example year', () => {
    expect(unwrittenSections(exampleInput)).toEqual([]);
  });

  it('names each blank narrative the outline prints, with its parent heading', () => {
    const input = structuredClone(exampleInput);
    input.narratives = { ...input.narratives, problems: '  ', improvements: '' };
    const blank = unwrittenSections(input);
    expect(blank).toHaveLength(2);
    expect(blank.join('\n')).toMatch(/存在/);
    expect(blank.join('\n')).toMatch(/改进|措施/);
  });

  it('follows the year’s outline: an own-text section left empty counts, an optional one does not', () => {
    const input = structuredClone(exampleInput);
    const outline = structuredClone(SHIPPED_OUTLINES.hunan);
    outline.sections.push({ heading: '其他需要说明的情况', content: [{ text: '' }] });
    outline.sections.push({ heading: '附注', omitWhenEmpty: true, content: [{ text: '' }] });
    input.outline = outline;
    expect(unwrittenSections(input)).toContain('其他需要说明的情况');
    expect(unwrittenSections(input)).not.toContain('附注');
  });
});
