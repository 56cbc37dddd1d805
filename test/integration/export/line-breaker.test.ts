import { describe, expect, it } from 'vitest';
import { breakLines, justifySpacing, tokenize } from '../../../electron/export/pdf/line-breaker.ts';

// A fake face: ideographs and full-width punctuation 1 em, everything else ½ em; all covered.
const measure = (text: string, _face: string, size: number) =>
  [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.5), 0) * size;
const covers = () => true;
const lines = (text: string, chars: number, indentChars = 0) =>
  breakLines(text, 'fang', 10, chars * 10, indentChars * 10, measure, covers).map((l) => l.runs.map((r) => r.text).join(''));

describe('breakLines', () => {
  it('fills lines character by character, the first one after its indent', () => {
    expect(lines('一二三四五六七八九十', 4, 2)).toEqual(['一二', '三四五六', '七八九十']);
  });

  it('never starts a line with closing punctuation (避头)', () => {
    // "，" would open line 2: the character before it moves down with it.
    expect(lines('一二三四，五六', 4)).toEqual(['一二三', '四，五六']);
    expect(lines('一二三四。”五', 4)).toEqual(['一二三', '四。”五']);
    expect(lines('一二三四。”', 4)).toEqual(['一二三', '四。”']);
  });

  it('never ends a line with an opening bracket (避尾)', () => {
    expect(lines('一二三（四）五', 4)).toEqual(['一二三', '（四）五']);
  });

  it('keeps numbers and Latin words whole', () => {
    expect(lines('收入3982.33万元', 6)).toEqual(['收入3982.33', '万元']);
    expect(lines('收入3982.33万元', 5)).toEqual(['收入', '3982.33万', '元']);
    expect(tokenize('共 94.21 分').map((t) => t.text)).toEqual(['共', ' ', '94.21', ' ', '分']);
  });

  it('drops spaces at line edges', () => {
    expect(lines('一二三 四五', 3)).toEqual(['一二三', '四五']);
  });
});

describe('justifySpacing', () => {
  it('spreads the leftover width over the gaps, but not on the last line', () => {
    const [first, last] = breakLines('一二三四五六七', 'fang', 10, 45, 0, measure, covers);
    // "一二三四" is 40 of 45 pt wide: 5 pt (less a hundredth) over 3 gaps.
    expect(justifySpacing(first!, 10)).toBeCloseTo((5 - 0.01) / 3, 9);
    expect(justifySpacing(last!, 10)).toBe(0);
  });

  it('leaves a line ragged rather than tearing it apart', () => {
    const [first] = breakLines('一 abcdefghijklmnop', 'fang', 10, 60, 0, measure, covers);
    expect(justifySpacing(first!, 10)).toBe(0);
  });
});

describe('breakLines in a column too narrow for the rules', () => {
  it('lets the line run long rather than leave a lone opening bracket or start with a closing one', () => {
    const narrow = lines('项（次）', 2);
    expect(narrow).toEqual(['项', '（次）']);
    for (const chars of [1, 2, 3]) {
      for (const line of lines('梳理重点工作（次）', chars)) {
        expect(line, `${chars}: ${line}`).not.toMatch(/^[）。，、；]|[（《“]$/);
      }
    }
  });

  it('sets a 28-character line with negative tracking and justifies it from there', () => {
    // 28 ideographs of 10 pt in 275 pt: −5/27 pt after each character but the last.
    const tracking = -5 / 27 - 0.001;
    const [first, second] = breakLines('一'.repeat(40), 'fang', 10, 275, 0, measure, covers, tracking);
    expect(first!.runs[0]!.text.length).toBe(28);
    expect(second!.runs[0]!.text.length).toBe(12);
    expect(justifySpacing(second!, 10)).toBe(tracking);
    expect(justifySpacing(first!, 10)).toBeGreaterThanOrEqual(tracking);
    expect(justifySpacing(first!, 10)).toBeLessThan(0);
  });
});
